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
    public static func compare(_ a: Story, _ b: Story) -> Comparison {
        var timings = StageTimings()
        return compare(a, b, timings: &timings)
    }

    public static func compare(_ a: Story, _ b: Story, timings: inout StageTimings) -> Comparison {
        let clock = ContinuousClock()
        var mark = clock.now
        func lap(_ stage: inout Duration) { let now = clock.now; stage += now - mark; mark = now }
        let tokensA = a.sentences.map { Tokenizer.tokens(a.scalars, in: $0.span) }
        let tokensB = b.sentences.map { Tokenizer.tokens(b.scalars, in: $0.span) }
        var vocabulary = Vocabulary(expectedTokens: tokensA.reduce(0) { $0 + $1.count } + tokensB.reduce(0) { $0 + $1.count })
        let keysA = tokensA.map { $0.map { vocabulary.intern($0.key) } }
        let keysB = tokensB.map { $0.map { vocabulary.intern($0.key) } }
        let profilesA = a.sentences.indices.map { SentenceProfile.make(a.sentences[$0].text, tokens: tokensA[$0], keyIDs: keysA[$0], vocabulary: &vocabulary) }
        let profilesB = b.sentences.indices.map { SentenceProfile.make(b.sentences[$0].text, tokens: tokensB[$0], keyIDs: keysB[$0], vocabulary: &vocabulary) }
        let comparedA = a.sentences.filter { $0.role.isCompared }.map(\.index)
        let comparedB = b.sentences.filter { $0.role.isCompared }.map(\.index)
        let scorer = PairScorer(profiles: comparedA.map { profilesA[$0] } + comparedB.map { profilesB[$0] }, vocabulary: vocabulary)
        lap(&timings.profiles)

        let aligner = SentenceAligner(profilesA: profilesA, profilesB: profilesB, comparedA: comparedA, comparedB: comparedB,
                                      paragraphOfA: a.sentences.map(\.paragraph), paragraphOfB: b.sentences.map(\.paragraph), scorer: scorer)
        var candidateTime = Duration.zero
        let raw = aligner.align(candidateTime: &candidateTime).sorted { ($0.a[0], $0.b[0]) < ($1.a[0], $1.b[0]) }
        lap(&timings.alignment)
        timings.alignment -= candidateTime
        timings.candidates += candidateTime

        var groups: [MatchGroup] = []
        var classesA = a.sentences.map { $0.role.isCompared ? SentenceClass.unique : .boilerplate }
        var classesB = b.sentences.map { $0.role.isCompared ? SentenceClass.unique : .boilerplate }
        var groupOfA = [Int?](repeating: nil, count: a.sentences.count)
        var groupOfB = [Int?](repeating: nil, count: b.sentences.count)
        var diffScratch = WordDiffer.Scratch(keys: vocabulary.keyCount)
        for group in raw {
            let sentenceClass: SentenceClass = group.identical ? .identical
                : group.features.wordOrder >= PairScorer.nearOrder ? .near : .paraphrase
            let groupTokensA = group.a.flatMap { tokensA[$0] }, groupTokensB = group.b.flatMap { tokensB[$0] }
            let diff = sentenceClass == .identical ? WordDiffer.unchanged(a: groupTokensA, b: groupTokensB)
                : WordDiffer.diff(a: groupTokensA, b: groupTokensB, keysA: group.a.flatMap { keysA[$0] }, keysB: group.b.flatMap { keysB[$0] },
                                  scratch: &diffScratch)
            let id = groups.count
            groups.append(MatchGroup(id: id, a: group.a, b: group.b, sentenceClass: sentenceClass,
                                     shape: group.a.count > 1 ? .merge : group.b.count > 1 ? .split : .oneToOne,
                                     score: group.score, features: group.features, moved: group.moved, diff: diff))
            for s in group.a { classesA[s] = sentenceClass; groupOfA[s] = id }
            for s in group.b { classesB[s] = sentenceClass; groupOfB[s] = id }
        }

        lap(&timings.wordDiff)
        let wordsA = profilesA.map(\.wordCount), wordsB = profilesB.map(\.wordCount)
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
                          statisticsA: statistics(classesA, wordsA), statisticsB: statistics(classesB, wordsB))
    }

    static func statistics(_ classes: [SentenceClass], _ words: [Int]) -> SideStatistics {
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
                              boilerplateSentences: boilerplate)
    }
}
