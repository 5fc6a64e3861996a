/// Finds, for each sentence of A, the sentences of B worth scoring, through an inverted index
/// of B's content stems. Stems found in more than `postingCap` sentences of B are not followed
/// (they say little and would make the cost quadratic), so the work stays near-linear.
struct CandidateIndex {
    static let postingCap = 100
    static let perSentence = 6
    static let minimumCosine = 0.08

    struct Candidate: Hashable, Comparable {
        var a: Int
        var b: Int
        static func < (x: Candidate, y: Candidate) -> Bool { (x.a, x.b) < (y.a, y.b) }
    }

    /// Candidate pairs among the given sentences, best by weighted cosine from both sides,
    /// sorted and without repeats, and whether some stem was in more than `postingCap` of B's
    /// sentences (so not followed). `normsA` and `normsB` are indexed by sentence.
    static func candidates(a: [Int], b: [Int], profilesA: ProfileTable, profilesB: ProfileTable,
                           normsA: [Double], normsB: [Double], scorer: PairScorer, jobs: Int = 1) -> (pairs: [Candidate], capped: Bool) {
        // Postings in flat arrays (stem → B sentences with their weights): no hashing in the loop.
        let vocabularySize = scorer.idf.count
        var start = [Int](repeating: 0, count: vocabularySize + 1)
        for sentence in b { for term in profilesB.terms(of: sentence) { start[term.term + 1] += 1 } }
        let capped = start.contains { $0 > postingCap }
        for term in 0..<vocabularySize { start[term + 1] += start[term] }
        var fill = start
        var postedSentence = [Int](repeating: 0, count: start[vocabularySize])
        var postedWeight = [Double](repeating: 0, count: start[vocabularySize])
        for sentence in b {
            for term in profilesB.terms(of: sentence) {
                postedSentence[fill[term.term]] = sentence
                postedWeight[fill[term.term]] = scorer.weight(term.term, count: term.count)
                fill[term.term] += 1
            }
        }

        // The sentences of A in `jobs` runs, each with buffers of its own; every A sentence is
        // scored whole within its run, so the sums and the candidates are those of one run.
        let postings = Postings(start: start, sentence: postedSentence, weight: postedWeight)
        let runs = ParallelWork.chunks(of: a.count, jobs: a.count < 2_000 ? 1 : jobs)
        // Read-only from here on: the postings, A's profiles and the scorer's weights.
        let shared = Unchecked((postings: postings, profiles: profilesA, scorer: scorer))
        let countB = profilesB.count
        let found = ParallelWork.map(count: runs.count, jobs: runs.count) { run in
            let (postings, profiles, scorer) = shared.value
            return Unchecked(candidates(of: a[runs[run]], postings: postings, profilesA: profiles, countB: countB,
                                        normsA: normsA, normsB: normsB, scorer: scorer))
        }.map(\.value)
        var result = found.flatMap(\.pairs)
        for other in b {
            var best: [(Double, Int)] = []
            for run in found { for entry in run.bestForB[other] { keepBest(entry, in: &best) } }
            for (_, sentence) in best { result.append(Candidate(a: sentence, b: other)) }
        }
        return (sortedUnique(result), capped)
    }

    /// B's postings in flat arrays: stem → the B sentences that have it, with their weights.
    struct Postings {
        var start: [Int]
        var sentence: [Int]
        var weight: [Double]
    }

    /// The candidates of some A sentences: each one's best B sentences by cosine, and for each B
    /// sentence its best A sentences among these.
    private static func candidates(of sentences: ArraySlice<Int>, postings: Postings, profilesA: ProfileTable, countB: Int,
                                   normsA: [Double], normsB: [Double], scorer: PairScorer) -> (pairs: [Candidate], bestForB: [[(Double, Int)]]) {
        var accumulator = [Double](repeating: 0, count: countB)
        var touched: [Int] = []
        var bestForB = [[(Double, Int)]](repeating: [], count: countB)
        var result: [Candidate] = []
        var scored: [(Double, Int)] = []
        for sentence in sentences {
            let terms = profilesA.terms(of: sentence)
            let normA = normsA[sentence]
            guard normA > 0 else { continue }
            for term in terms {
                let first = postings.start[term.term], end = postings.start[term.term + 1]
                guard end > first, end - first <= postingCap else { continue }
                let wa = scorer.weight(term.term, count: term.count)
                for posting in first..<end {
                    let other = postings.sentence[posting]
                    if accumulator[other] == 0 { touched.append(other) }
                    accumulator[other] += wa * postings.weight[posting]
                }
            }
            scored.removeAll(keepingCapacity: true)
            for other in touched {
                let cosine = accumulator[other] / (normA * normsB[other])
                accumulator[other] = 0
                if cosine >= minimumCosine { scored.append((cosine, other)) }
            }
            touched.removeAll(keepingCapacity: true)
            scored.sort { ($0.0, $1.1) > ($1.0, $0.1) }
            for (_, other) in scored.prefix(perSentence) { result.append(Candidate(a: sentence, b: other)) }
            for (cosine, other) in scored { keepBest((cosine, sentence), in: &bestForB[other]) }
        }
        return (result, bestForB)
    }

    /// Candidates in order, each once.
    static func sortedUnique(_ candidates: [Candidate]) -> [Candidate] {
        var unique: [Candidate] = []
        unique.reserveCapacity(candidates.count)
        for candidate in candidates.sorted() where unique.last != candidate { unique.append(candidate) }
        return unique
    }

    /// Keeps the `perSentence` best (highest cosine; on a tie, the earlier sentence) in `list`.
    private static func keepBest(_ entry: (Double, Int), in list: inout [(Double, Int)]) {
        func better(_ x: (Double, Int), _ y: (Double, Int)) -> Bool { (x.0, y.1) > (y.0, x.1) }
        if list.count == perSentence {
            guard better(entry, list[perSentence - 1]) else { return }
            list.removeLast()
        }
        var index = list.count
        while index > 0 && better(entry, list[index - 1]) { index -= 1 }
        list.insert(entry, at: index)
    }
}
