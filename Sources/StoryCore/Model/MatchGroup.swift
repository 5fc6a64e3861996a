/// Sentences of the two versions that say the same thing: one to one, one split into several,
/// or several merged into one.
public struct MatchGroup: Codable, Hashable, Sendable {
    public enum Shape: String, Codable, Sendable {
        case oneToOne = "one-to-one"
        /// One sentence of A became several of B.
        case split
        /// Several sentences of A became one of B.
        case merge
    }

    public var id: Int
    /// Sentence indices on each side, in text order.
    public var a: [Int]
    public var b: [Int]
    public var sentenceClass: SentenceClass
    public var shape: Shape
    /// Similarity in [0, 1], calibrated on human judgements (`PairJudge`): 1 the same meaning;
    /// from about 0.67 the two say the same thing.
    public var score: Double
    /// For a partial pair, the side that says materially more; nil when both sides add
    /// something the other lacks (or the pair is not partial).
    public var saysMore: Side?
    public var features: MatchFeatures
    /// The pair stands out of the order of the surrounding matches: text was moved.
    public var moved: Bool
    public var diff: WordDiff
    /// For a paraphrase or partial pair, the diff as the reader emphasises it (`Emphasis.essential`),
    /// worked out once for a reader that redraws it on every key; nil: worked out when asked.
    /// Not part of the JSON (which has the full diff).
    public var essentialDiff: WordDiff? = nil

    enum CodingKeys: String, CodingKey {
        case id, a, b, sentenceClass = "class", shape, score, saysMore, features, moved, diff
    }
}

extension MatchGroup {
    /// What a partial pair's extra content is, for the message line and the reports.
    public var partialNote: String? {
        guard sentenceClass == .partial else { return nil }
        switch saysMore {
        case .a: return "A says more"
        case .b: return "B says more"
        case nil: return "each says something the other does not"
        }
    }
}
