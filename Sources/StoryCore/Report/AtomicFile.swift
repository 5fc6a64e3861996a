#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Writes a file all or nothing: into a temporary file beside it, flushed, then renamed over the
/// target. An error midway leaves no half file, and an existing file is replaced only by a whole one.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible, Equatable {
        public var path: String
        public var reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    public static func write(_ text: String, to path: String) throws(WriteError) {
        func failure(_ what: String? = nil) -> WriteError {
            WriteError(path: path, reason: what ?? String(cString: strerror(errno)))
        }
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { throw failure("it is a directory") }
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array(((directory.isEmpty ? "/" : directory) + "/." + name + ".storydiff-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw failure() }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                let error = failure()
                close(descriptor)
                unlink(temporary)
                throw error
            }
            bytes = bytes.dropFirst(written)
        }
        // Reports are for people: readable by others as a normal file would be.
        fchmod(descriptor, 0o644)
        if fsync(descriptor) != 0 || close(descriptor) != 0 {
            let error = failure()
            unlink(temporary)
            throw error
        }
        if rename(temporary, path) != 0 {
            let error = failure()
            unlink(temporary)
            throw error
        }
    }
}
