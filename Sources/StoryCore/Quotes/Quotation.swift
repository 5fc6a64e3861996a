/// A quotation in one story: the words between quotation marks, possibly in several pieces
/// ("“Of course…,” he said, “and of course…”" is one quotation of two segments).
public struct Quotation: Codable, Hashable, Sendable {
    public var id: Int
    public var side: Side
    /// From the first opening mark to the last closing mark.
    public var span: TextSpan
    /// The quoted words of each piece, marks excluded.
    public var segments: [TextSpan]
    /// The pieces joined with " … ".
    public var text: String
    /// The sentences it stands in.
    public var sentences: [Int]
    /// Who the story says spoke the words (an entity of the facts ledger), when it says so.
    public var speaker: Int?
    public var speakerName: String?
}

/// How a quotation of one version stands in the other.
public enum QuoteClass: String, Codable, Sendable, CaseIterable {
    /// The same words between the marks.
    case verbatim
    /// Words changed inside the marks.
    case altered
    /// One version quotes more: words the other gives without marks, or does not quote.
    case expanded
    /// Quoted in one version, given without quotation marks in the other.
    case newlyQuoted = "newly-quoted"
    /// Only one version has the words at all.
    case missing
    /// The words match but the versions name different speakers.
    case speakerChanged = "speaker-changed"

    public var label: String {
        switch self {
        case .newlyQuoted: return "newly quoted"
        case .speakerChanged: return "speaker changed"
        default: return rawValue
        }
    }
}

/// Quotations of the two versions that are the same quote, and how they compare.
public struct QuoteMatch: Codable, Hashable, Sendable {
    public var id: Int
    public var quoteClass: QuoteClass
    /// How the words compare, for a speaker change too (verbatim, altered, expanded, newly
    /// quoted, missing).
    public var wording: QuoteClass
    /// Quotation ids on each side.
    public var a: [Int]
    public var b: [Int]
    /// Expanded: the version that quotes more. Newly quoted and missing: the version that has
    /// the quotation.
    public var side: Side?

    enum CodingKeys: String, CodingKey { case id, quoteClass = "class", wording, a, b, side }

    public func quotations(_ side: Side) -> [Int] { side == .a ? a : b }
    /// Everything but a verbatim quote with one speaker is worth a reader's look.
    public var isFlagged: Bool { quoteClass != .verbatim }
}
