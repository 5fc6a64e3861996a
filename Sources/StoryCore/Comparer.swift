/// Time spent in each stage of a comparison (for the benchmark).
public struct StageTimings: Sendable {
    public var profiles: Duration = .zero
    /// The inverted index and candidate pairs.
    public var candidates: Duration = .zero
    /// Scoring, best-first acceptance, splits and merges, moves (candidates excluded).
    public var alignment: Duration = .zero
    public var wordDiff: Duration = .zero
    public var rows: Duration = .zero

    public init() {}
}

/// Compares two stories: the engine's entry point.
public enum Comparer {
    /// `jobs`: threads for the candidates and their scores; the comparison is the same for any number.
    /// `progress`, when given, follows the stages (another thread reads it).
    public static func compare(_ a: Story, _ b: Story, jobs: Int = ParallelWork.cores, progress: ProgressMeter? = nil) -> Comparison {
        var timings = StageTimings()
        return compare(a, b, timings: &timings, jobs: jobs, progress: progress)
    }

    public static func compare(_ a: Story, _ b: Story, timings: inout StageTimings, jobs: Int = ParallelWork.cores,
                               progress: ProgressMeter? = nil) -> Comparison {
        let clock = ContinuousClock()
        var mark = clock.now
        func lap(_ stage: inout Duration) { let now = clock.now; stage += now - mark; mark = now }
        // Each sentence's tokens live only while its profile is made: a long document's tokens
        // for every sentence at once would be its largest cost in memory. The few sentences of
        // matched groups are tokenised again for their word diffs.
        var vocabulary = Vocabulary(expectedTokens: (a.scalars.count + b.scalars.count) / 5)
        vocabulary.compounds = Compounds([a.scalars, b.scalars])
        // Shares of the whole, from the stages' times on long documents.
        progress?.stage("profiling sentences", at: 0)
        let total = a.sentences.count + b.sentences.count
        var profiled = 0
        func profiles(_ story: Story) -> ProfileTable {
            var table = ProfileTable(sentences: story.sentences.count)
            for sentence in story.sentences {
                profiled += 1
                if profiled % 1024 == 0 { progress?.advance(from: 0, to: 0.2, done: profiled, total: total) }
                let tokens = Tokenizer.tokens(story.scalars, in: sentence.span)
                let keys = tokens.map { vocabulary.intern($0.key) }
                table.append(sentence.text, tokens: tokens, keyIDs: keys, vocabulary: &vocabulary)
            }
            return table
        }
        func tokens(_ story: Story, _ sentences: [Int]) -> [Token] {
            sentences.flatMap { Tokenizer.tokens(story.scalars, in: story.sentences[$0].span) }
        }
        // The profiles, the scorer and the aligner live only in here: they are freed before the
        // word diffs and rows are made.
        let (raw, wordsA, wordsB) = { () -> ([SentenceAligner.Group], [Int], [Int]) in
            let profilesA = profiles(a), profilesB = profiles(b)
            // Indices only (a filtered copy of the sentences themselves was a large transient).
            let comparedA = a.sentences.indices.filter { a.sentences[$0].role.isCompared }
            let comparedB = b.sentences.indices.filter { b.sentences[$0].role.isCompared }
            let scorer = PairScorer(profiles: [(profilesA, comparedA), (profilesB, comparedB)], vocabulary: vocabulary)
            lap(&timings.profiles)
            progress?.stage("aligning sentences", at: 0.2)
            var aligner = SentenceAligner(profilesA: profilesA, profilesB: profilesB, comparedA: comparedA, comparedB: comparedB,
                                          paragraphOfA: a.sentences.map(\.paragraph), paragraphOfB: b.sentences.map(\.paragraph), scorer: scorer)
            aligner.jobs = jobs
            aligner.progress = progress
            var candidateTime = Duration.zero
            let raw = aligner.align(candidateTime: &candidateTime).sorted { ($0.a[0], $0.b[0]) < ($1.a[0], $1.b[0]) }
            lap(&timings.alignment)
            timings.alignment -= candidateTime
            timings.candidates += candidateTime
            return (raw, profilesA.wordCounts, profilesB.wordCounts)
        }()

        var groups: [MatchGroup] = []
        var classesA = a.sentences.map { $0.role.isCompared ? SentenceClass.unique : .boilerplate }
        var classesB = b.sentences.map { $0.role.isCompared ? SentenceClass.unique : .boilerplate }
        var groupOfA = [Int?](repeating: nil, count: a.sentences.count)
        var groupOfB = [Int?](repeating: nil, count: b.sentences.count)
        var diffScratch = WordDiffer.Scratch(keys: vocabulary.keyCount)
        progress?.stage("word changes", at: 0.85)
        for (done, group) in raw.enumerated() {
            if done % 256 == 0 { progress?.advance(from: 0.85, to: 0.97, done: done, total: raw.count) }
            // Aligned pairs share content; the judge says whether they say the same thing.
            let sentenceClass: SentenceClass = group.identical ? .identical
                : group.similarity < PairJudge.sameMeaning ? .partial
                : group.features.wordOrder >= PairScorer.nearOrder ? .near : .paraphrase
            let groupTokensA = tokens(a, group.a), groupTokensB = tokens(b, group.b)
            let diff = sentenceClass == .identical ? WordDiffer.unchanged(a: groupTokensA, b: groupTokensB)
                : WordDiffer.diff(a: groupTokensA, b: groupTokensB, keysA: groupTokensA.map { vocabulary.intern($0.key) },
                                  keysB: groupTokensB.map { vocabulary.intern($0.key) }, scratch: &diffScratch)
            let id = groups.count
            groups.append(MatchGroup(id: id, a: group.a, b: group.b, sentenceClass: sentenceClass,
                                     shape: group.a.count > 1 ? .merge : group.b.count > 1 ? .split : .oneToOne,
                                     score: group.similarity, saysMore: sentenceClass == .partial ? group.saysMore : nil,
                                     features: group.features, moved: group.moved, diff: diff))
            for s in group.a { classesA[s] = sentenceClass; groupOfA[s] = id }
            for s in group.b { classesB[s] = sentenceClass; groupOfB[s] = id }
        }

        lap(&timings.wordDiff)
        progress?.stage("paragraph rows", at: 0.97)
        let rows = ParagraphAligner.rows(
            paragraphCountA: a.paragraphs.count, paragraphCountB: b.paragraphs.count, groups: groups,
            paragraphOfA: a.sentences.map(\.paragraph), paragraphOfB: b.sentences.map(\.paragraph),
            wordsA: wordsA, wordsB: wordsB,
            sameText: { pa, pb in
                a.paragraphs[pa].role == .boilerplate && b.paragraphs[pb].role == .boilerplate
                    && MatchKey.fold(a.text(of: a.paragraphs[pa].span)) == MatchKey.fold(b.text(of: b.paragraphs[pb].span))
            },
            compared: { side, paragraph in (side == .a ? a : b).paragraphs[paragraph].role.isCompared })
        lap(&timings.rows)
        return Comparison(a: a, b: b, groups: groups, classesA: classesA, classesB: classesB,
                          groupOfA: groupOfA, groupOfB: groupOfB, rows: rows,
                          statisticsA: statistics(classesA, wordsA, own: ownWords(a, groups, .a)),
                          statisticsB: statistics(classesB, wordsB, own: ownWords(b, groups, .b)))
    }

    /// Words of a side's matched sentences that its word diffs mark as its own (removed in A,
    /// added in B).
    static func ownWords(_ story: Story, _ groups: [MatchGroup], _ side: Side) -> Int {
        var count = 0
        for group in groups where group.sentenceClass != .identical {
            for piece in side == .a ? group.diff.a : group.diff.b where piece.operation == (side == .a ? .removed : .added) {
                count += Tokenizer.tokens(story.scalars, in: piece.span).count { $0.isWord }
            }
        }
        return count
    }

    static func statistics(_ classes: [SentenceClass], _ words: [Int], own: Int = 0) -> SideStatistics {
        var sentences: [String: Int] = [:], wordCounts: [String: Int] = [:]
        for sentenceClass in SentenceClass.allCases where sentenceClass != .boilerplate {
            sentences[sentenceClass.rawValue] = 0
            wordCounts[sentenceClass.rawValue] = 0
        }
        var compared = 0, comparedWords = 0, matchedWords = 0, boilerplate = 0
        for (sentenceClass, count) in zip(classes, words) {
            if sentenceClass == .boilerplate { boilerplate += 1; continue }
            sentences[sentenceClass.rawValue, default: 0] += 1
            wordCounts[sentenceClass.rawValue, default: 0] += count
            compared += 1
            comparedWords += count
            if sentenceClass.isMatched { matchedWords += count }
        }
        return SideStatistics(sentences: sentences, words: wordCounts, comparedSentences: compared, comparedWords: comparedWords,
                              coverage: comparedWords == 0 ? 0 : (Double(matchedWords) / Double(comparedWords)).rounded(places: 4),
                              ownWords: own + wordCounts[SentenceClass.unique.rawValue, default: 0], boilerplateSentences: boilerplate)
    }
}
