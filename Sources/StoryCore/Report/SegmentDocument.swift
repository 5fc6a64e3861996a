/// The JSON form of `storydiff segment`: one story's paragraphs and sentences.
public struct SegmentDocument: Codable, Sendable, Equatable {
    public var version: Int
    public var name: String
    public var offsets: String
    public var warnings: [String]
    public var paragraphs: [Paragraph]
    /// For a web page: what it says of itself and where it was found (absent for plain text files).
    public var provenance: Provenance?

    public struct Paragraph: Codable, Sendable, Equatable {
        public var index: Int
        public var start: Int
        public var end: Int
        public var role: ParagraphRole
        public var sentences: [Sentence]
    }

    public struct Sentence: Codable, Sendable, Equatable {
        public var index: Int
        public var start: Int
        public var end: Int
        public var text: String
    }

    public init(_ story: Story) {
        version = ComparisonDocument.currentVersion
        name = story.name
        offsets = "unicode-scalars"
        warnings = story.warnings
        provenance = story.provenance
        paragraphs = story.paragraphs.map { Self.paragraph(story, $0) }
    }

    static func paragraph(_ story: Story, _ paragraph: StoryCore.Paragraph) -> Paragraph {
        Paragraph(index: paragraph.index, start: paragraph.span.start, end: paragraph.span.end, role: paragraph.role,
                  sentences: paragraph.sentences.map { index in
                      let sentence = story.sentences[index]
                      return Sentence(index: index, start: sentence.span.start, end: sentence.span.end, text: sentence.text)
                  })
    }
}
