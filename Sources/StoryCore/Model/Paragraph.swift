/// One paragraph of a story: where it is, what it is, which sentences it holds.
public struct Paragraph: Codable, Hashable, Sendable {
    public var index: Int
    public var span: TextSpan
    public var role: ParagraphRole
    /// Indices into `Story.sentences`.
    public var sentences: Range<Int>

    public init(index: Int, span: TextSpan, role: ParagraphRole, sentences: Range<Int>) {
        self.index = index
        self.span = span
        self.role = role
        self.sentences = sentences
    }
}
