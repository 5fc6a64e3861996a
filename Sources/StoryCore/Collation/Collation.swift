import Synchronization

/// One original (the base) compared with each of its copies: a comparison per copy, each exactly
/// what `Comparer.compare(base, copy)` gives, and what is seen across them (the fate of each
/// base sentence, the overview, which version each copy is closest to).
///
/// Copies are numbered from 1, as the reader and the reports name them ("copy 3 of 20").
public struct Collation: Sendable {
    public var base: Story
    /// Copy k's comparison is `comparisons[k - 1]`: A is the base, B the copy.
    public var comparisons: [Comparison]
    /// The facts and quotes of each comparison.
    public var ledgers: [Ledgers]
    /// Each compared base sentence (boilerplate is not compared), in text order: what every copy did with it.
    public var baseSentences: [BaseSentenceFate]
    /// Index into `baseSentences` of each base sentence (nil for boilerplate).
    private var fateOfSentence: [Int?]
    /// Per copy: its figures, in copy order.
    public var overview: [CopyOverview]

    public var copyCount: Int { comparisons.count }
    public func copy(_ number: Int) -> Story { comparisons[number - 1].b }
    public func comparison(_ number: Int) -> Comparison { comparisons[number - 1] }

    /// Compares the base with every copy, `jobs` at a time (each comparison and its facts and
    /// quotes are independent; memory grows with the copies).
    /// `progress`, when given, counts the copies compared.
    public init(base: Story, copies: [Story], jobs: Int = ParallelWork.cores, progress: ProgressMeter? = nil) {
        let done = Mutex(0)
        progress?.stage("comparing the copies", at: 0)
        let work = ParallelWork.map(count: copies.count, jobs: jobs) { index -> (Comparison, Ledgers) in
            // One thread per comparison: the copies are the parallel work.
            let comparison = Comparer.compare(base, copies[index], jobs: jobs > 1 ? 1 : ParallelWork.cores)
            let pair = (comparison, Ledgers(comparison))
            let count = done.withLock { $0 += 1; return $0 }
            progress?.stage("\(count) of \(copies.count) copies compared", at: Double(count) / Double(copies.count) * 0.95)
            return pair
        }
        self.init(base: base, comparisons: work.map(\.0), ledgers: work.map(\.1))
    }

    /// From comparisons already made (A of each is the base).
    public init(base: Story, comparisons: [Comparison], ledgers: [Ledgers]) {
        self.base = base
        self.comparisons = comparisons
        self.ledgers = ledgers
        var fates: [BaseSentenceFate] = []
        var fateOfSentence = [Int?](repeating: nil, count: base.sentences.count)
        for sentence in base.sentences where sentence.role.isCompared {
            fateOfSentence[sentence.index] = fates.count
            fates.append(BaseSentenceFate(sentence: sentence.index, classes: comparisons.map { comparison in
                comparison.classesA.indices.contains(sentence.index) ? comparison.classesA[sentence.index] : .unique
            }))
        }
        baseSentences = fates
        self.fateOfSentence = fateOfSentence
        let kinship = VersionKinship.measure([base] + comparisons.map(\.b))
        overview = comparisons.indices.map { index in
            CopyOverview(copy: index + 1, comparison: comparisons[index], ledgers: ledgers[index], kinship: kinship[index + 1])
        }
    }

    /// What the copies did with a base sentence (nil for boilerplate, which is not compared).
    public func fate(ofBaseSentence index: Int) -> BaseSentenceFate? {
        guard fateOfSentence.indices.contains(index), let position = fateOfSentence[index] else { return nil }
        return baseSentences[position]
    }

    /// Whether every copy says the same as the base word for word.
    public var isIdentical: Bool { comparisons.allSatisfy(\.isIdentical) }
}
