/// Which version a copy was most likely made from: the one sharing the most of its three-word
/// runs (a copy of copy 3 repeats copy 3's rewordings, which the base does not have), and how
/// much of it is found nowhere else. A first step to a stemma, cheap enough for fifty copies:
/// one pass over each version's words, no comparison of every copy with every other.
public struct VersionKinship: Sendable, Equatable {
    /// Share of this version's distinct three-word runs found in each version (its own: 1).
    public var shares: [Double]
    /// The other version with the largest share (the earliest on a tie, so the base first).
    public var closest: Int
    public var closestShare: Double
    /// Share of this version's words in no three-word run that any other version has.
    public var ownShare: Double

    /// Measures every version against every other (index 0 is the base).
    public static func measure(_ versions: [Story], jobs: Int = ParallelWork.cores) -> [VersionKinship] {
        // Each sentence's word keys, per version (tokenising is the cost: done in parallel).
        let keys = ParallelWork.map(count: versions.count, jobs: jobs) { index -> [[String]] in
            let story = versions[index]
            return story.sentences.filter { $0.role.isCompared }.map { sentence in
                Tokenizer.tokens(story.scalars, in: sentence.span).filter(\.isWord).map(\.key)
            }
        }
        var ids: [String: UInt64] = [:]
        func id(_ key: String) -> UInt64 {
            if let known = ids[key] { return known }
            let new = UInt64(ids.count + 1) & Self.idMask
            ids[key] = new
            return new
        }
        // Each version's runs, sentence by sentence (a sentence under three words is one run).
        let runs: [[[UInt64]]] = keys.map { sentences in
            sentences.map { words in
                let word = words.map(id)
                guard word.count >= 3 else { return word.isEmpty ? [] : [Self.run(word + Array(repeating: Self.idMask, count: 3 - word.count))] }
                return (0...(word.count - 3)).map { Self.run(word[$0...]) }
            }
        }
        // Which versions hold each run.
        var holders: [UInt64: [Int]] = [:]
        for (version, sentences) in runs.enumerated() {
            for sentence in sentences {
                for run in sentence where holders[run]?.last != version { holders[run, default: []].append(version) }
            }
        }
        return runs.indices.map { version in
            var shared = [Int](repeating: 0, count: versions.count)
            var distinct = Set<UInt64>()
            var words = 0, own = 0
            for (sentence, sentenceRuns) in runs[version].enumerated() {
                let length = keys[version][sentence].count
                words += length
                var covered = [Bool](repeating: false, count: length)
                for (position, run) in sentenceRuns.enumerated() {
                    let holding = holders[run] ?? []
                    if distinct.insert(run).inserted { for other in holding { shared[other] += 1 } }
                    if holding.contains(where: { $0 != version }) {
                        for word in position..<min(length, position + 3) { covered[word] = true }
                    }
                }
                own += covered.count { !$0 }
            }
            let total = Double(max(1, distinct.count))
            var shares = shared.map { (Double($0) / total).rounded(places: 4) }
            shares[version] = 1
            let others = shares.indices.filter { $0 != version }
            let closest = others.max { shares[$0] < shares[$1] || (shares[$0] == shares[$1] && $0 > $1) } ?? version
            return VersionKinship(shares: shares, closest: closest, closestShare: closest == version ? 0 : shares[closest],
                                  ownShare: words == 0 ? 0 : (Double(own) / Double(words)).rounded(places: 4))
        }
    }

    /// Word ids fill 21 bits each (a collision past two million distinct words only blurs a share).
    static let idMask: UInt64 = (1 << 21) - 1

    static func run(_ words: ArraySlice<UInt64>) -> UInt64 {
        let start = words.startIndex
        return (words[start] & idMask) << 42 | (words[start + 1] & idMask) << 21 | (words[start + 2] & idMask)
    }

    static func run(_ words: [UInt64]) -> UInt64 { run(words[...]) }
}
