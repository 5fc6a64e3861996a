/// Counts for one version, boilerplate left out.
public struct SideStatistics: Codable, Hashable, Sendable {
    public var sentences: [String: Int]
    public var words: [String: Int]
    /// Sentences and words compared (everything but boilerplate).
    public var comparedSentences: Int
    public var comparedWords: Int
    /// Share of compared words whose sentence has a counterpart in the other version (partial
    /// pairs count as matched).
    public var coverage: Double
    /// Words only this side has: its unique sentences' words and the words the word diff marks
    /// as removed (A) or added (B) inside matched sentences.
    public var ownWords: Int = 0
    /// Boilerplate kept out of the comparison.
    public var boilerplateSentences: Int

    public func sentences(_ sentenceClass: SentenceClass) -> Int { sentences[sentenceClass.rawValue, default: 0] }
    public func words(_ sentenceClass: SentenceClass) -> Int { words[sentenceClass.rawValue, default: 0] }
    /// Share of compared words only this side has.
    public var ownShare: Double { comparedWords == 0 ? 0 : Double(ownWords) / Double(comparedWords) }

    /// Share of compared words in a class.
    public func share(_ sentenceClass: SentenceClass) -> Double {
        comparedWords == 0 ? 0 : Double(words(sentenceClass)) / Double(comparedWords)
    }
}
