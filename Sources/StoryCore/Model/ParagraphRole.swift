/// What a paragraph is in a news page. Only `boilerplate` is left out of matching and statistics.
public enum ParagraphRole: String, Codable, Sendable, CaseIterable {
    case headline
    case byline
    case dateline
    case body
    case credit
    case boilerplate

    /// Site chrome stays in the document but is not compared.
    public var isCompared: Bool { self != .boilerplate }
}
