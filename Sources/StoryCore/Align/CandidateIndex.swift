/// Finds, for each sentence of A, the sentences of B worth scoring, through an inverted index
/// of B's content stems. Stems found in more than `postingCap` sentences of B are not followed
/// (they say little and would make the cost quadratic), so the work stays near-linear.
struct CandidateIndex {
    static let postingCap = 100
    static let perSentence = 6
    static let minimumCosine = 0.08

    struct Candidate: Hashable {
        var a: Int
        var b: Int
    }

    /// Candidate pairs among the given sentences, best by weighted cosine from both sides.
    static func candidates(a: [Int], b: [Int], profilesA: [SentenceProfile], profilesB: [SentenceProfile], scorer: PairScorer) -> [Candidate] {
        var postings: [Int: [Int]] = [:]
        for sentence in b { for term in profilesB[sentence].terms.keys { postings[term, default: []].append(sentence) } }
        let normsB = Dictionary(uniqueKeysWithValues: b.map { ($0, scorer.norm(profilesB[$0])) })

        var accumulator = [Double](repeating: 0, count: profilesB.count)
        var touched: [Int] = []
        var bestForB: [Int: [(Double, Int)]] = [:]
        var result = Set<Candidate>()
        for sentence in a {
            let profile = profilesA[sentence]
            let normA = scorer.norm(profile)
            guard normA > 0 else { continue }
            for term in profile.terms.keys.sorted() {
                let count = profile.terms[term]!
                guard let list = postings[term], list.count <= postingCap else { continue }
                let wa = scorer.weight(term, count: count)
                for other in list {
                    if accumulator[other] == 0 { touched.append(other) }
                    accumulator[other] += wa * scorer.weight(term, count: profilesB[other].terms[term]!)
                }
            }
            var scored: [(Double, Int)] = []
            for other in touched {
                let cosine = accumulator[other] / (normA * normsB[other]!)
                accumulator[other] = 0
                if cosine >= minimumCosine { scored.append((cosine, other)) }
            }
            touched.removeAll(keepingCapacity: true)
            scored.sort { ($0.0, $1.1) > ($1.0, $0.1) }
            for (_, other) in scored.prefix(perSentence) { result.insert(Candidate(a: sentence, b: other)) }
            for (cosine, other) in scored { bestForB[other, default: []].append((cosine, sentence)) }
        }
        for (other, list) in bestForB {
            for (_, sentence) in list.sorted(by: { ($0.0, $1.1) > ($1.0, $0.1) }).prefix(perSentence) { result.insert(Candidate(a: sentence, b: other)) }
        }
        return Array(result)
    }
}
