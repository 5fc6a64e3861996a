/// The JSON form of a comparison (schema version 2, described in docs/json-schema.md).
/// These types are the schema: `storydiff` encodes them and consumers can decode them.
public struct ComparisonDocument: Codable, Sendable, Equatable {
    public static let currentVersion = 2

    public var version: Int
    public var generator: String
    /// What offsets count: "unicode-scalars" (code points of the decoded text, BOM excluded).
    public var offsets: String
    public var identical: Bool
    public var a: DocumentSide
    public var b: DocumentSide
    public var groups: [Group]
    public var rows: [Row]
    /// The facts ledger: dates, counts, amounts and names, in both, only in one, or changed.
    public var facts: FactsDocument
    /// The quotations of both versions, matched and classed.
    public var quotes: QuotesDocument

    public struct DocumentSide: Codable, Sendable, Equatable {
        public var name: String
        public var title: String
        public var characters: Int
        public var warnings: [String]
        /// For a web page: what it says of itself (absent for plain text).
        public var provenance: Provenance?
        public var paragraphs: [ParagraphEntry]
        public var sentences: [SentenceEntry]
        public var statistics: SideStatistics
    }

    public struct ParagraphEntry: Codable, Sendable, Equatable {
        public var index: Int
        public var start: Int
        public var end: Int
        public var role: ParagraphRole
        public var sentences: [String]
    }

    public struct SentenceEntry: Codable, Sendable, Equatable {
        /// "a12" or "b3": side letter and index.
        public var id: String
        public var index: Int
        public var paragraph: Int
        public var start: Int
        public var end: Int
        public var role: ParagraphRole
        public var sentenceClass: SentenceClass
        public var group: Int?
        public var counterparts: [String]
        public var score: Double?
        public var moved: Bool
        public var text: String

        enum CodingKeys: String, CodingKey {
            case id, index, paragraph, start, end, role, sentenceClass = "class", group, counterparts, score, moved, text
        }
    }

    public struct Group: Codable, Sendable, Equatable {
        public var id: Int
        public var a: [String]
        public var b: [String]
        public var sentenceClass: SentenceClass
        public var shape: MatchGroup.Shape
        public var score: Double
        public var moved: Bool
        public var features: MatchFeatures
        public var diff: Diff

        enum CodingKeys: String, CodingKey {
            case id, a, b, sentenceClass = "class", shape, score, moved, features, diff
        }
    }

    public struct Diff: Codable, Sendable, Equatable {
        public var a: [Piece]
        public var b: [Piece]
    }

    public struct Piece: Codable, Sendable, Equatable {
        public var start: Int
        public var end: Int
        public var op: WordDiff.Operation
    }

    public struct Row: Codable, Sendable, Equatable {
        public var a: [Int]
        public var b: [Int]
        public var link: SentenceClass
        public var movedTo: [Int]
    }
}

extension ComparisonDocument {
    public init(_ comparison: Comparison, generator: String) {
        self.init(comparison, ledgers: Ledgers(comparison), generator: generator)
    }

    public init(_ comparison: Comparison, ledgers: Ledgers, generator: String) {
        func side(_ which: Side) -> DocumentSide {
            let story = comparison.story(which)
            let classes = comparison.classes(which)
            return DocumentSide(
                name: story.name, title: story.title, characters: story.scalars.count, warnings: story.warnings,
                provenance: story.provenance,
                paragraphs: story.paragraphs.map { Self.paragraphEntry($0, side: which) },
                sentences: story.sentences.indices.map { Self.sentenceEntry(comparison, which, $0, classes: classes) },
                statistics: comparison.statistics(which))
        }
        self.init(
            version: Self.currentVersion, generator: generator, offsets: "unicode-scalars", identical: comparison.isIdentical,
            a: side(.a), b: side(.b),
            groups: comparison.groups.map(Self.group), rows: comparison.rows.map(Self.row),
            facts: FactsDocument(ledgers.facts), quotes: QuotesDocument(ledgers.quotes))
    }

    // The entries, one at a time: for the document above and for `write`, which streams them.

    static func id(_ side: Side, _ index: Int) -> String { "\(side.rawValue)\(index)" }

    static func paragraphEntry(_ paragraph: Paragraph, side: Side) -> ParagraphEntry {
        ParagraphEntry(index: paragraph.index, start: paragraph.span.start, end: paragraph.span.end, role: paragraph.role,
                       sentences: paragraph.sentences.map { id(side, $0) })
    }

    static func sentenceEntry(_ comparison: Comparison, _ which: Side, _ index: Int, classes: [SentenceClass]) -> SentenceEntry {
        let sentence = comparison.story(which).sentences[index]
        let group = comparison.groupIndex(which, sentence: index)
        return SentenceEntry(
            id: id(which, index), index: index, paragraph: sentence.paragraph,
            start: sentence.span.start, end: sentence.span.end, role: sentence.role,
            sentenceClass: classes[index], group: group,
            counterparts: comparison.counterparts(which, sentence: index).map { id(which.other, $0) },
            score: group.map { comparison.groups[$0].score }, moved: group.map { comparison.groups[$0].moved } ?? false,
            text: sentence.text)
    }

    static func group(_ group: MatchGroup) -> Group {
        Group(id: group.id, a: group.a.map { id(.a, $0) }, b: group.b.map { id(.b, $0) }, sentenceClass: group.sentenceClass,
              shape: group.shape, score: group.score, moved: group.moved, features: group.features,
              diff: Diff(a: group.diff.a.map { Piece(start: $0.span.start, end: $0.span.end, op: $0.operation) },
                         b: group.diff.b.map { Piece(start: $0.span.start, end: $0.span.end, op: $0.operation) }))
    }

    static func row(_ row: ParagraphRow) -> Row { Row(a: Array(row.a), b: Array(row.b), link: row.link, movedTo: row.movedTo) }
}
