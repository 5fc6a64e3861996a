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
    /// Similarity in [0, 1].
    public var score: Double
    public var features: MatchFeatures
    /// The pair stands out of the order of the surrounding matches: text was moved.
    public var moved: Bool
    public var diff: WordDiff

    enum CodingKeys: String, CodingKey {
        case id, a, b, sentenceClass = "class", shape, score, features, moved, diff
    }
}
