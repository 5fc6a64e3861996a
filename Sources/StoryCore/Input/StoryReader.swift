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
    public static let maximumBytes = 32 * 1024 * 1024

    /// Builds a story from text already in memory, finding its paragraphs from its layout.
    public static func story(name: String, text: String, warnings: [String] = []) -> Story {
        let scalars = Array(text.unicodeScalars)
        return story(name: name, text: text, scalars: scalars, spans: LineLayout.paragraphSpans(scalars), warnings: warnings)
    }

    /// Builds a story from paragraphs already known (a web page's blocks): a line break inside
    /// one (`<br>`) stays inside it.
    public static func story(name: String, paragraphs: [String], warnings: [String] = []) -> Story {
        let text = paragraphs.joined(separator: "\n\n")
        var spans: [TextSpan] = []
        var offset = 0
        for paragraph in paragraphs {
            let length = paragraph.unicodeScalars.count
            spans.append(TextSpan(offset, offset + length))
            offset += length + 2
        }
        return story(name: name, text: text, scalars: Array(text.unicodeScalars), spans: spans, warnings: warnings)
    }

    private static func story(name: String, text: String, scalars: [Unicode.Scalar], spans: [TextSpan], warnings: [String]) -> Story {
        let texts = spans.map { span in String(scalars: scalars[span.start..<span.end]) }
        let roles = RoleClassifier.roles(of: texts)
        // Sentence spans first, then both arrays at their exact size: grown by doubling, the
        // arrays of a long document would hold up to twice the memory they need.
        var sentenceSpans: [TextSpan] = []
        var ends: [Int] = []
        ends.reserveCapacity(spans.count)
        for span in spans {
            sentenceSpans += SentenceSegmenter.sentences(scalars, in: span)
            ends.append(sentenceSpans.count)
        }
        var paragraphs: [Paragraph] = []
        paragraphs.reserveCapacity(spans.count)
        var sentences: [Sentence] = []
        sentences.reserveCapacity(sentenceSpans.count)
        for (index, span) in spans.enumerated() {
            let first = sentences.count
            while sentences.count < ends[index] {
                let sentenceSpan = sentenceSpans[sentences.count]
                let text = String(scalars: scalars[sentenceSpan.start..<sentenceSpan.end])
                sentences.append(Sentence(index: sentences.count, paragraph: index, span: sentenceSpan, text: text, role: roles[index]))
            }
            paragraphs.append(Paragraph(index: index, span: span, role: roles[index], sentences: first..<sentences.count))
        }
        return Story(name: name, text: text, scalars: scalars, paragraphs: paragraphs, sentences: sentences, warnings: warnings)
    }

    /// Decodes bytes and builds a story; rejects input with nothing to compare. A web page
    /// (by extension or content) is reduced to its article; plain text is cleaned of email
    /// quoting and line-end hyphenation. Offsets index the text as read (for a page, the
    /// extracted article; for cleaned text, the cleaned text).
    ///
    /// For a fetched page: `charset` is what the server's Content-Type named (trusted before the
    /// page's own meta tag), `plainText` that the server called it plain text, and `address` where
    /// it was found after redirects (the provenance's address when the page names none).
    public static func story(name: String, bytes: [UInt8], charset: String? = nil, plainText: Bool = false,
                             address: String? = nil) throws(InputError) -> Story {
        if bytes.allSatisfy({ $0 == 0x20 || (0x09...0x0D).contains($0) }) { throw .empty(name) }
        var result: Story
        if !plainText && MHTMLArchive.looksLikeArchive(bytes, name: name) {
            // A page saved as one file: its HTML part is read as a saved page is.
            guard let archive = MHTMLArchive.read(bytes) else { throw .noArticle(name) }
            let page = try WebPage.read(bytes: archive.html, name: name, charset: archive.charset ?? charset)
            result = story(name: name, paragraphs: page.article.paragraphs, warnings: page.warnings)
            var provenance = page.article.provenance
            if provenance.canonicalURL == nil { provenance.canonicalURL = archive.location ?? address }
            result.provenance = provenance.isEmpty ? nil : provenance
        } else if !plainText && HTMLExtractor.looksLikeHTML(bytes, name: name) {
            let page = try WebPage.read(bytes: bytes, name: name, charset: charset)
            result = story(name: name, paragraphs: page.article.paragraphs, warnings: page.warnings)
            var provenance = page.article.provenance
            if provenance.canonicalURL == nil { provenance.canonicalURL = address }
            result.provenance = provenance.isEmpty ? nil : provenance
        } else {
            let decoded = try TextDecoder.decode(bytes, name: name, declared: charset.flatMap(TextDecoder.Legacy.init(label:)))
            let (text, notes) = TextCleaner.clean(decoded.text)
            let warnings = decoded.warnings + notes.map { "\(name): \($0)" }
            let scalars = Array(text.unicodeScalars)
            let spans = LineLayout.paragraphSpans(scalars)
            // Words hyphenated at line ends are joined inside their paragraphs.
            var joined = 0
            let paragraphs = !spans.contains(where: { TextCleaner.hasLineEndHyphen(scalars, in: $0) }) ? [] : spans.map { span -> String in
                let (paragraph, count) = TextCleaner.joinHyphenation(String(scalars: scalars[span.start..<span.end]))
                joined += count
                return paragraph
            }
            if joined > 0 {
                result = story(name: name, paragraphs: paragraphs,
                               warnings: warnings + ["\(name): joined \(joined) word\(joined == 1 ? "" : "s") hyphenated at line ends"])
            } else {
                result = story(name: name, text: text, scalars: scalars, spans: spans, warnings: warnings)
            }
        }
        if result.paragraphs.isEmpty { throw .empty(name) }
        if !result.sentences.contains(where: { $0.role.isCompared }) { throw .onlyBoilerplate(name) }
        if result.provenance == nil, let address { result.provenance = Provenance(canonicalURL: address) }
        return result
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
            if bytes.count > maximumBytes { throw .tooLarge(name, limit: maximumBytes) }
        }
        if bytes.isEmpty { throw .empty(name) }
        return bytes
    }
}
