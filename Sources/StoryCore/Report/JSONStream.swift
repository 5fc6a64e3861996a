#if canImport(Foundation)
import Foundation

/// Writes storydiff's pretty JSON piece by piece into a `ReportOutput`, byte for byte as
/// `jsonText` would write the whole document (keys sorted, two-space indent, " : "), so that a
/// document of a million sentences never stands whole in memory: the large arrays are encoded
/// an element at a time.
struct JSONStream {
    let output: ReportOutput
    private let encoder: JSONEncoder

    init(_ output: ReportOutput) {
        self.output = output
        encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    }

    static func pad(_ indent: Int) -> String { String(repeating: " ", count: indent) }

    /// One value, its inner lines indented to stand at `indent`.
    func value<T: Encodable>(_ value: T, indent: Int) throws {
        write(try encoded(value), indent: indent, dropping: 0)
    }

    private func encoded<T: Encodable>(_ value: T) throws -> [UInt8] {
        Array(JSONEscaping.escape(String(decoding: try encoder.encode(value), as: UTF8.self)).utf8)
    }

    /// Writes encoded JSON with `indent` more spaces on every line after the first (blank lines
    /// stay blank, as the encoder writes them), leaving out its first and last `dropping` lines.
    private func write(_ bytes: [UInt8], indent: Int, dropping: Int) {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)[...]
        if dropping > 0 { lines = lines.dropFirst(dropping).dropLast(dropping) }
        let pad = Array(repeating: UInt8(ascii: " "), count: indent)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + lines.count * indent)
        for (number, line) in lines.enumerated() {
            if number > 0 { out.append(UInt8(ascii: "\n")) }
            if (number > 0 || dropping > 0) && !line.isEmpty { out += pad }
            out += line
        }
        output.write(bytes: out)
    }

    /// An object whose members are written by their closures, in the order given (sorted keys).
    func object(indent: Int, _ members: [(key: String, write: (Int) throws -> Void)]) throws {
        output.write("{\n")
        for (position, member) in members.enumerated() {
            output.write(Self.pad(indent + 2) + "\"" + member.key + "\" : ")
            try member.write(indent + 2)
            output.write(position + 1 < members.count ? ",\n" : "\n")
        }
        output.write(Self.pad(indent) + "}")
    }

    /// Elements encoded together: few enough to keep memory small, enough to make the encoder's
    /// cost per call negligible.
    static let chunk = 512

    /// An array of `count` large elements, each written by `element(index, indent)` in turn.
    func list(count: Int, indent: Int, _ element: (Int, Int) throws -> Void) throws {
        guard count > 0 else { output.write("[\n\n" + Self.pad(indent) + "]"); return }
        output.write("[\n")
        for index in 0..<count {
            output.write(Self.pad(indent + 2))
            try element(index, indent + 2)
            output.write(index + 1 < count ? ",\n" : "\n")
        }
        output.write(Self.pad(indent) + "]")
    }

    /// An array of `count` elements, each made when its chunk is written.
    func array<T: Encodable>(count: Int, indent: Int, _ element: (Int) -> T) throws {
        guard count > 0 else { output.write("[\n\n" + Self.pad(indent) + "]"); return }
        output.write("[\n")
        var start = 0
        while start < count {
            let end = min(count, start + Self.chunk)
            // "[\n  {…},\n  {…}\n]": the lines between the brackets, already two spaces in.
            write(try encoded((start..<end).map(element)), indent: indent, dropping: 1)
            output.write(end < count ? ",\n" : "\n")
            start = end
        }
        output.write(Self.pad(indent) + "]")
    }
}

extension ComparisonDocument {
    /// Writes the JSON of `ComparisonDocument(comparison, ledgers:, generator:)` as it goes.
    public static func write(_ comparison: Comparison, ledgers: Ledgers, generator: String, to output: ReportOutput) throws {
        try writeObject(comparison, ledgers: ledgers, generator: generator, json: JSONStream(output), indent: 0)
        output.write("\n")
    }

    /// The document's object, its lines after the first indented to stand at `indent` (inside a
    /// many-version document's `versions`).
    static func writeObject(_ comparison: Comparison, ledgers: Ledgers, generator: String, json: JSONStream, indent: Int) throws {
        func side(_ which: Side, _ indent: Int) throws {
            let story = comparison.story(which)
            let classes = comparison.classes(which)
            var members: [(key: String, write: (Int) throws -> Void)] = [
                ("characters", { try json.value(story.scalars.count, indent: $0) }),
                ("name", { try json.value(story.name, indent: $0) }),
                ("paragraphs", { try json.array(count: story.paragraphs.count, indent: $0) { paragraphEntry(story.paragraphs[$0], side: which) } }),
            ]
            if let provenance = story.provenance { members.append(("provenance", { try json.value(provenance, indent: $0) })) }
            members += [
                ("sentences", { try json.array(count: story.sentences.count, indent: $0) { sentenceEntry(comparison, which, $0, classes: classes) } }),
                ("statistics", { try json.value(comparison.statistics(which), indent: $0) }),
                ("title", { try json.value(story.title, indent: $0) }),
                ("warnings", { try json.value(story.warnings, indent: $0) }),
            ]
            try json.object(indent: indent, members)
        }
        try json.object(indent: indent, [
            ("a", { try side(.a, $0) }),
            ("b", { try side(.b, $0) }),
            ("facts", { try json.value(FactsDocument(ledgers.facts), indent: $0) }),
            ("generator", { try json.value(generator, indent: $0) }),
            ("groups", { try json.array(count: comparison.groups.count, indent: $0) { group(comparison.groups[$0]) } }),
            ("identical", { try json.value(comparison.isIdentical, indent: $0) }),
            ("offsets", { try json.value("unicode-scalars", indent: $0) }),
            ("quotes", { try json.value(QuotesDocument(ledgers.quotes), indent: $0) }),
            ("rows", { try json.array(count: comparison.rows.count, indent: $0) { row(comparison.rows[$0]) } }),
            ("version", { try json.value(currentVersion, indent: $0) }),
        ])
    }
}

extension SegmentDocument {
    /// Writes the JSON of `SegmentDocument(story)` as it goes.
    public static func write(_ story: Story, to output: ReportOutput) throws {
        let json = JSONStream(output)
        var members: [(key: String, write: (Int) throws -> Void)] = [
            ("name", { try json.value(story.name, indent: $0) }),
            ("offsets", { try json.value("unicode-scalars", indent: $0) }),
            ("paragraphs", { try json.array(count: story.paragraphs.count, indent: $0) { paragraph(story, story.paragraphs[$0]) } }),
        ]
        if let provenance = story.provenance { members.append(("provenance", { try json.value(provenance, indent: $0) })) }
        members += [
            ("version", { try json.value(ComparisonDocument.currentVersion, indent: $0) }),
            ("warnings", { try json.value(story.warnings, indent: $0) }),
        ]
        try json.object(indent: 0, members)
        output.write("\n")
    }
}
#endif
