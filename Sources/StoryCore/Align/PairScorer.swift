/// Scores how well two passages correspond, from IDF weights computed over both stories.
struct PairScorer {
    /// Inverse document frequency of each stem id (sentences as documents).
    let idf: [Double]
    /// The largest IDF (a word in one sentence only): the unit of "extra content" in judging.
    let maxIDF: Double
    let vocabulary: Vocabulary
    /// Reused buffers for the word-order measure (one scorer serves one thread: `withOwnScratch`
    /// gives another thread a copy with buffers of its own).
    private var scratch: OrderScratch

    /// Classes for a scored pair.
    static let nearOrder = 0.8
    static let paraphraseScore = 0.34
    static let relatedScore = 0.18
    /// Below the paraphrase bar, a pair is accepted only with its neighbours' support.
    static let contextScore = 0.24

    init(profiles: ProfileTable, vocabulary: Vocabulary) {
        self.init(profiles: [(profiles, Array(profiles.indices))], vocabulary: vocabulary)
    }

    /// Document frequencies over the chosen sentences of each list (no copy of the profiles:
    /// on a long document that copy was a large part of the comparison's memory).
    init(profiles lists: [(ProfileTable, [Int])], vocabulary: Vocabulary) {
        var df = [Int](repeating: 0, count: vocabulary.words.count)
        var documents = 0
        for (profiles, chosen) in lists {
            documents += chosen.count
            for index in chosen { for term in profiles.terms(of: index) { df[term.term] += 1 } }
        }
        let n = Double(documents)
        idf = df.map { log((n + 1) / (Double($0) + 0.5)) + 1 }
        maxIDF = idf.max() ?? 1
        self.vocabulary = vocabulary
        scratch = OrderScratch(vocabularySize: vocabulary.words.count)
    }

    func weight(_ term: Int, count: Int) -> Double { Double(count) * idf[term] }

    /// The word-order measure of two profiles.
    /// The same scorer with word-order buffers of its own, for another thread.
    func withOwnScratch() -> PairScorer {
        var copy = self
        copy.scratch = OrderScratch(vocabularySize: vocabulary.words.count)
        return copy
    }

    func scratchOrder(_ a: SentenceProfile, _ b: SentenceProfile) -> Double { scratch.orderRatio(a.order, b.order) }

    func norm(_ profile: SentenceProfile) -> Double { norm(profile.terms) }

    func norm(_ terms: SharedRun<TermCount>) -> Double {
        var sum = 0.0
        for term in terms { let w = weight(term.term, count: term.count); sum += w * w }
        return sum.squareRoot()
    }

    /// What the aligner needs to rank and grow a pair: everything but the words shown to people.
    struct Measure {
        var score: Double
        var cosine: Double
        /// Rounded as `MatchFeatures` shows them, so that decisions match what reports say.
        var wordOrder: Double
        var containmentA: Double
        var containmentB: Double
        /// Content stems both sides use.
        var sharedTerms: Int

        /// Two sentences with the same identity key agree on everything measured.
        static let identical = Measure(score: 1, cosine: 1, wordOrder: 1, containmentA: 1, containmentB: 1, sharedTerms: .max)
    }

    /// Score and measures of a pair, given the profiles' norms: one merge of the sorted term lists
    /// and a bit-parallel word-order measure.
    func measure(_ a: SentenceProfile, normA: Double, _ b: SentenceProfile, normB: Double) -> Measure {
        var dot = 0.0, totalA = 0.0, totalB = 0.0, sharedA = 0.0, sharedB = 0.0
        var shared = 0
        let x = a.terms, y = b.terms
        var i = 0, j = 0
        // Sums run in stem order on each side, as they always have, so scores do not drift.
        while i < x.count {
            let term = x[i].term
            while j < y.count && y[j].term < term { j += 1 }
            let idf = idf[term]
            totalA += idf * Double(x[i].count)
            if j < y.count && y[j].term == term {
                dot += weight(term, count: x[i].count) * weight(term, count: y[j].count)
                sharedA += idf * Double(min(x[i].count, y[j].count))
                shared += 1
            }
            i += 1
        }
        i = 0; j = 0
        while j < y.count {
            let term = y[j].term
            while i < x.count && x[i].term < term { i += 1 }
            totalB += idf[term] * Double(y[j].count)
            if i < x.count && x[i].term == term { sharedB += idf[term] * Double(min(y[j].count, x[i].count)) }
            j += 1
        }
        let cosine = normA > 0 && normB > 0 ? min(1, dot / (normA * normB)) : 0
        let order = scratch.orderRatio(a.order, b.order)
        return Measure(score: Self.combine(cosine: cosine, order: order), cosine: cosine, wordOrder: order.rounded(places: 3),
                       containmentA: (totalA > 0 ? sharedA / totalA : 0).rounded(places: 3),
                       containmentB: (totalB > 0 ? sharedB / totalB : 0).rounded(places: 3), sharedTerms: shared)
    }

    func measure(_ a: SentenceProfile, _ b: SentenceProfile) -> Measure {
        measure(a, normA: norm(a), b, normB: norm(b))
    }

    /// Score and features for a pair of (possibly joined) profiles: the measures, with the shared
    /// words and the numbers only one side states, for people to read.
    func features(_ a: SentenceProfile, _ b: SentenceProfile) -> (score: Double, features: MatchFeatures) {
        let measure = measure(a, b)
        var shared: [(Double, Int)] = []
        var j = 0
        for term in a.terms {
            while j < b.terms.count && b.terms[j].term < term.term { j += 1 }
            if j < b.terms.count && b.terms[j].term == term.term { shared.append((idf[term.term], term.term)) }
        }
        let features = MatchFeatures(
            contentCosine: measure.cosine.rounded(places: 3),
            wordOrder: measure.wordOrder,
            containmentA: measure.containmentA,
            containmentB: measure.containmentB,
            sharedWords: shared.map { ($0.0, vocabulary.words[$0.1]) }.sorted { ($0.0, $1.1) > ($1.0, $0.1) }.prefix(6).map(\.1),
            numbersOnlyA: a.numbers.subtracting(b.numbers).sorted(),
            numbersOnlyB: b.numbers.subtracting(a.numbers).sorted()
        )
        return (measure.score, features)
    }

    /// The similarity: content agreement first, word order as support.
    static func combine(cosine: Double, order: Double) -> Double {
        min(1, max(0, 0.6 * cosine + 0.4 * order)).rounded(places: 3)
    }
}

extension Double {
    func rounded(places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (self * scale).rounded() / scale
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
