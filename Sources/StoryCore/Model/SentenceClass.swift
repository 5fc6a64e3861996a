/// How a sentence relates to the other version.
public enum SentenceClass: String, Codable, Sendable, CaseIterable, Comparable {
    /// The same words (after folding quotes, dashes, spaces and case).
    case identical
    /// Small edits: most words kept in order.
    case near
    /// Reworded with the same content.
    case paraphrase
    /// Shares content, but one side says materially more (a clause, a fact, a quotation the
    /// other lacks) or something different: the word diff shows what.
    case partial
    /// No counterpart in the other version.
    case unique
    /// Site chrome: not compared.
    case boilerplate

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }

    /// Matched with something on the other side.
    public var isMatched: Bool { self == .identical || self == .near || self == .paraphrase || self == .partial }

    /// The classes of compared sentences, in the order summaries list them.
    public static let compared: [SentenceClass] = [.identical, .near, .paraphrase, .partial, .unique]

    /// Matched and saying the same thing (a partial pair does not).
    public var meansTheSame: Bool { self == .identical || self == .near || self == .paraphrase }
}

/// Which version of the story.
public enum Side: String, Codable, Sendable, CaseIterable {
    case a, b
    public var other: Side { self == .a ? .b : .a }
}
