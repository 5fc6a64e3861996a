/// The evidence behind a match, so that a reader can see why two passages were paired.
public struct MatchFeatures: Codable, Hashable, Sendable {
    /// IDF-weighted cosine of the content words' stems.
    public var contentCosine: Double
    /// Share of words kept in the same order (2·LCS / total), honorifics ignored.
    public var wordOrder: Double
    /// Share of side A's content weight found in side B, and the reverse.
    public var containmentA: Double
    public var containmentB: Double
    /// Content words both sides use, rarest first.
    public var sharedWords: [String]
    /// Numbers that only one side states (a changed count, date or amount).
    public var numbersOnlyA: [String]
    public var numbersOnlyB: [String]
    /// Words matched through WordNet or as two spellings of one word ("challenged/disputed").
    public var synonyms: [String] = []
}
