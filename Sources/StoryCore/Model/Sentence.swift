/// One sentence of a story, with its place in the text.
public struct Sentence: Codable, Hashable, Sendable {
    public var index: Int
    public var paragraph: Int
    public var span: TextSpan
    public var text: String
    public var role: ParagraphRole

    public init(index: Int, paragraph: Int, span: TextSpan, text: String, role: ParagraphRole) {
        self.index = index
        self.paragraph = paragraph
        self.span = span
        self.text = text
        self.role = role
    }
}
