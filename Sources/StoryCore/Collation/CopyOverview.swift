/// One copy's figures beside the others': the overview's row.
public struct CopyOverview: Codable, Sendable, Equatable {
    /// The copy's number, from 1.
    public var copy: Int
    public var name: String
    public var title: String
    /// Words compared in the copy (boilerplate left out).
    public var words: Int
    /// Share of the base's words that the copy keeps (matched sentences), and of the copy's own
    /// words that come from the base.
    public var coverageOfBase: Double
    public var coverageOfCopy: Double
    /// The copy's sentences per class (as in the pair's statistics), and base sentences it drops.
    public var sentences: [String: Int]
    public var baseSentencesDropped: Int
    /// Facts (dates, numbers, amounts, names) only the base states, only the copy states, and changed.
    public var factsOnlyInBase: Int
    public var factsOnlyInCopy: Int
    public var factsChanged: Int
    /// Quotations not kept verbatim (altered, expanded, newly quoted, missing, speaker changed).
    public var quotesNotVerbatim: Int
    /// The copy says the same as the base word for word.
    public var identical: Bool
    /// The version the copy is closest to: 0 the base, k copy k (see `VersionKinship`).
    public var closest: Int
    /// Share of the copy's three-word runs found in the closest version, and in the base.
    public var closestShare: Double
    public var baseShare: Double
    /// Share of the copy's words in no three-word run that any other version has.
    public var ownShare: Double

    init(copy: Int, comparison: Comparison, ledgers: Ledgers, kinship: VersionKinship) {
        self.copy = copy
        name = comparison.b.name
        title = comparison.b.title
        words = comparison.statisticsB.comparedWords
        coverageOfBase = comparison.statisticsA.coverage
        coverageOfCopy = comparison.statisticsB.coverage
        sentences = comparison.statisticsB.sentences
        baseSentencesDropped = comparison.statisticsA.sentences(.unique)
        factsOnlyInBase = ledgers.facts.count(.onlyA)
        factsOnlyInCopy = ledgers.facts.count(.onlyB)
        factsChanged = ledgers.facts.facts.count { $0.status == .changed && !$0.a.isEmpty }
        quotesNotVerbatim = ledgers.quotes.matches.count(where: \.isFlagged)
        identical = comparison.isIdentical
        closest = kinship.closest
        closestShare = kinship.closestShare
        baseShare = kinship.shares.first ?? 0
        ownShare = kinship.ownShare
    }

    public func sentences(_ sentenceClass: SentenceClass) -> Int { sentences[sentenceClass.rawValue, default: 0] }

    /// "base" or "copy 3".
    public static func versionName(_ number: Int) -> String { number == 0 ? "base" : "copy \(number)" }
}
