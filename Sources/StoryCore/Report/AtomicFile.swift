import CSignalGuard
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Writes a file all or nothing: into a temporary file beside it, flushed, then renamed over the
/// target. An error midway leaves no half file, a signal leaves no temporary file, and an existing
/// file is replaced only by a whole one.
///
/// What the target may be: a missing path or a regular file. A file keeps its mode (a new one
/// gets 0666 less the umask, as any program's would). A symbolic link is followed: the file it
/// points to is replaced and the link stays. Refused, with the reason: a directory, a device, a
/// FIFO or a socket (renaming over one would destroy it), a read-only file, a dangling link, and
/// any of the files being compared.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible, Equatable {
        public var path: String
        public var reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    public static func write(_ text: String, to path: String, protecting inputs: [String] = []) throws(WriteError) {
        try write(to: path, protecting: inputs) { $0.write(text) }
    }

    /// Makes the file from what `produce` writes into the output, as it writes it.
    public static func write(to path: String, protecting inputs: [String] = [], _ produce: (ReportOutput) throws -> Void) throws(WriteError) {
        func failure(_ what: String? = nil) -> WriteError {
            WriteError(path: path, reason: what ?? String(cString: strerror(errno)))
        }
        let target = try resolve(path, protecting: inputs)
        var existing = stat()
        let exists = stat(target, &existing) == 0
        let slash = target.lastIndex(of: "/")
        let directory = slash.map { String(target[..<$0]) } ?? "."
        let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
        var template = Array(((directory.isEmpty ? "/" : directory) + "/." + name + ".storydiff-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard descriptor >= 0 else { throw failure() }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        sg_set_temporary_file(temporary)
        func abandon(_ error: WriteError) -> WriteError {
            close(descriptor)
            unlink(temporary)
            sg_clear_temporary_file()
            return error
        }
        let output = ReportOutput { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress.map { $0 + offset }, $0.count - offset) }
                if written < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                offset += written
            }
            return nil
        }
        do { try produce(output) } catch { throw abandon(failure("\(error)")) }
        output.flush()
        if let reason = output.failure { throw abandon(failure(reason)) }
        if exists {
            // The file keeps its mode and, where permitted, its owner and group.
            fchmod(descriptor, existing.st_mode & 0o7777)
            _ = fchown(descriptor, existing.st_uid, existing.st_gid)
        } else {
            fchmod(descriptor, 0o666 & ~currentUmask())
        }
        if fsync(descriptor) != 0 { throw abandon(failure()) }
        if close(descriptor) != 0 {
            let error = failure()
            unlink(temporary)
            sg_clear_temporary_file()
            throw error
        }
        if rename(temporary, target) != 0 {
            let error = failure()
            unlink(temporary)
            sg_clear_temporary_file()
            throw error
        }
        sg_clear_temporary_file()
    }

    /// The path to write (a link's target), or why it must not be written.
    static func resolve(_ path: String, protecting inputs: [String]) throws(WriteError) -> String {
        func refuse(_ reason: String) -> WriteError { WriteError(path: path, reason: reason) }
        if path.isEmpty { throw refuse("the path is empty") }
        if path.hasSuffix("/") { throw refuse("it is a directory") }
        var link = stat()
        guard lstat(path, &link) == 0 else {
            if errno == ENOENT { return path }                      // a new file
            throw refuse(String(cString: strerror(errno)))
        }
        var target = path
        if (link.st_mode & S_IFMT) == S_IFLNK {
            guard let resolved = realpath(path, nil) else { throw refuse("it is a symbolic link to a missing file") }
            target = String(cString: resolved)
            free(resolved)
        }
        var info = stat()
        guard stat(target, &info) == 0 else { throw refuse(String(cString: strerror(errno))) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw refuse("it is a directory")
        case S_IFIFO: throw refuse("it is a FIFO, not a regular file")
        case S_IFCHR, S_IFBLK: throw refuse("it is a device, not a regular file")
        case S_IFSOCK: throw refuse("it is a socket, not a regular file")
        default: throw refuse("it is not a regular file")
        }
        for input in inputs where input != "-" {
            var other = stat()
            if stat(input, &other) == 0, other.st_dev == info.st_dev, other.st_ino == info.st_ino {
                throw refuse("it is one of the stories being compared")
            }
        }
        // Read-only means read-only, for root too (rename would replace it regardless).
        if info.st_mode & 0o222 == 0 || access(target, W_OK) != 0 { throw refuse("it is read-only") }
        return target
    }

    /// The process's umask (read by setting it and putting it back).
    static func currentUmask() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }
}
