/// Scores how well two passages correspond, from IDF weights computed over both stories.
struct PairScorer {
    /// Inverse document frequency of each stem id (sentences as documents).
    let idf: [Double]
    let vocabulary: Vocabulary

    /// Classes for a scored pair.
    static let nearOrder = 0.8
    static let paraphraseScore = 0.34
    static let relatedScore = 0.18
    /// Below the paraphrase bar, a pair is accepted only with its neighbours' support.
    static let contextScore = 0.24

    init(profiles: [SentenceProfile], vocabulary: Vocabulary) {
        var df = [Int](repeating: 0, count: vocabulary.words.count)
        for profile in profiles { for term in profile.terms.keys { df[term] += 1 } }
        let n = Double(profiles.count)
        idf = df.map { log((n + 1) / (Double($0) + 0.5)) + 1 }
        self.vocabulary = vocabulary
    }

    func weight(_ term: Int, count: Int) -> Double { Double(count) * idf[term] }

    func norm(_ profile: SentenceProfile) -> Double {
        var sum = 0.0
        // Sorted, so that sums (and so scores) are the same in every run.
        for term in profile.terms.keys.sorted() { let w = weight(term, count: profile.terms[term]!); sum += w * w }
        return sum.squareRoot()
    }

    /// Score and features for a pair of (possibly joined) profiles.
    func features(_ a: SentenceProfile, _ b: SentenceProfile) -> (score: Double, features: MatchFeatures) {
        var dot = 0.0, totalA = 0.0, totalB = 0.0, sharedA = 0.0, sharedB = 0.0
        var shared: [(Double, Int)] = []
        for term in a.terms.keys.sorted() {
            let count = a.terms[term]!
            let wa = weight(term, count: count)
            totalA += idf[term] * Double(count)
            if let countB = b.terms[term] {
                dot += wa * weight(term, count: countB)
                sharedA += idf[term] * Double(min(count, countB))
                shared.append((idf[term], term))
            }
        }
        for term in b.terms.keys.sorted() {
            let count = b.terms[term]!
            totalB += idf[term] * Double(count)
            if let countA = a.terms[term] { sharedB += idf[term] * Double(min(count, countA)) }
        }
        let normA = norm(a), normB = norm(b)
        let cosine = normA > 0 && normB > 0 ? min(1, dot / (normA * normB)) : 0
        let order = Self.orderRatio(a.order, b.order)
        let containmentA = totalA > 0 ? sharedA / totalA : 0
        let containmentB = totalB > 0 ? sharedB / totalB : 0
        let features = MatchFeatures(
            contentCosine: cosine.rounded(places: 3),
            wordOrder: order.rounded(places: 3),
            containmentA: containmentA.rounded(places: 3),
            containmentB: containmentB.rounded(places: 3),
            sharedWords: shared.map { ($0.0, vocabulary.words[$0.1]) }.sorted { ($0.0, $1.1) > ($1.0, $0.1) }.prefix(6).map(\.1),
            numbersOnlyA: a.numbers.subtracting(b.numbers).sorted(),
            numbersOnlyB: b.numbers.subtracting(a.numbers).sorted()
        )
        return (Self.combine(cosine: cosine, order: order), features)
    }

    /// The similarity: content agreement first, word order as support.
    static func combine(cosine: Double, order: Double) -> Double {
        min(1, max(0, 0.6 * cosine + 0.4 * order)).rounded(places: 3)
    }

    /// 2·LCS / (|a| + |b|); long inputs fall back to a bag-of-words overlap to bound the cost.
    static func orderRatio(_ a: [Int], _ b: [Int]) -> Double {
        let total = a.count + b.count
        guard total > 0 else { return 1 }
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        if a.count * b.count > 250_000 {
            var counts: [Int: Int] = [:]
            for x in a { counts[x, default: 0] += 1 }
            var common = 0
            for y in b where counts[y, default: 0] > 0 { counts[y]! -= 1; common += 1 }
            return Double(2 * common) / Double(total)
        }
        var previous = [Int](repeating: 0, count: b.count + 1)
        var current = previous
        for x in a {
            for (j, y) in b.enumerated() {
                current[j + 1] = x == y ? previous[j] + 1 : max(previous[j + 1], current[j])
            }
            swap(&previous, &current)
        }
        return Double(2 * previous[b.count]) / Double(total)
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
