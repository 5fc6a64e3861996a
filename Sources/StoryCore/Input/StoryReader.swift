#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// Reads a story from a file, standard input or a string, and splits it into paragraphs and sentences.
public enum StoryReader {
    /// The largest input read, so that a huge or endless input cannot exhaust memory.
    public static let maximumBytes = 64 * 1024 * 1024

    /// Builds a story from text already in memory.
    public static func story(name: String, text: String, warnings: [String] = []) -> Story {
        let scalars = Array(text.unicodeScalars)
        let spans = LineLayout.paragraphSpans(scalars)
        let texts = spans.map { span in String(String.UnicodeScalarView(scalars[span.start..<span.end])) }
        let roles = RoleClassifier.roles(of: texts)
        var paragraphs: [Paragraph] = []
        var sentences: [Sentence] = []
        for (index, span) in spans.enumerated() {
            let first = sentences.count
            for sentenceSpan in SentenceSegmenter.sentences(scalars, in: span) {
                let text = String(String.UnicodeScalarView(scalars[sentenceSpan.start..<sentenceSpan.end]))
                sentences.append(Sentence(index: sentences.count, paragraph: index, span: sentenceSpan, text: text, role: roles[index]))
            }
            paragraphs.append(Paragraph(index: index, span: span, role: roles[index], sentences: first..<sentences.count))
        }
        return Story(name: name, text: text, paragraphs: paragraphs, sentences: sentences, warnings: warnings)
    }

    /// Decodes bytes and builds a story; rejects input with nothing to compare.
    public static func story(name: String, bytes: [UInt8]) throws(InputError) -> Story {
        let decoded = try TextDecoder.decode(bytes, name: name)
        let story = story(name: name, text: decoded.text, warnings: decoded.warnings)
        if story.paragraphs.isEmpty { throw .empty(name) }
        if story.comparedSentences.isEmpty { throw .onlyBoilerplate(name) }
        return story
    }

    /// Reads a file (or standard input for "-") and builds a story.
    public static func read(path: String) throws(InputError) -> Story {
        let name = path == "-" ? "standard input" : path
        return try story(name: name, bytes: readBytes(path: path, name: name))
    }

    /// The raw bytes of a file or of standard input, with errors that name the input.
    public static func readBytes(path: String, name: String) throws(InputError) -> [UInt8] {
        let descriptor: Int32
        if path == "-" {
            descriptor = 0
        } else {
            var info = stat()
            if stat(path, &info) != 0 {
                if errno == ENOENT || errno == ENOTDIR { throw .notFound(name) }
                throw .unreadable(name, reason: String(cString: strerror(errno)))
            }
            if (info.st_mode & S_IFMT) == S_IFDIR { throw .isDirectory(name) }
            descriptor = open(path, O_RDONLY)
            if descriptor < 0 { throw .unreadable(name, reason: String(cString: strerror(errno))) }
        }
        defer { if descriptor != 0 { close(descriptor) } }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(name, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
            if bytes.count > maximumBytes { throw .unreadable(name, reason: "larger than \(maximumBytes / 1024 / 1024) MiB") }
        }
        if bytes.isEmpty { throw .empty(name) }
        return bytes
    }
}
