/// The word-order measure 2·LCS / (|a| + |b|), computed 64 words at a time with the bit-parallel
/// LCS of Allison and Dix (as refined by Hyyrö): O(|a|·|b| / 64) instead of O(|a|·|b|). Scoring
/// candidates was the aligner's largest cost on long documents.
final class OrderScratch {
    /// For each stem id, 1 + its slot among the distinct stems of the current `a` (0: absent).
    private var slotOfStem: [Int32]
    private var masks: [UInt64] = []
    private var vector: [UInt64] = []
    private var stems: [Int] = []

    init(vocabularySize: Int) {
        slotOfStem = [Int32](repeating: 0, count: vocabularySize)
    }

    /// Beyond this many cells the measure is a bag-of-words overlap, as it always was, to bound the cost.
    static let exactCells = 250_000

    static func bagRatio(_ a: some Collection<Int>, _ b: some Collection<Int>) -> Double? {
        guard a.count * b.count > exactCells else { return nil }
        var counts: [Int: Int] = [:]
        for x in a { counts[x, default: 0] += 1 }
        var common = 0
        for y in b where counts[y, default: 0] > 0 { counts[y, default: 0] -= 1; common += 1 }
        return Double(2 * common) / Double(a.count + b.count)
    }

    func orderRatio(_ a: some Collection<Int>, _ b: some Collection<Int>) -> Double {
        let total = a.count + b.count
        guard total > 0 else { return 1 }
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        if let bag = Self.bagRatio(a, b) { return bag }
        return Double(2 * lcs(a, b)) / Double(total)
    }

    /// Length of the longest common subsequence.
    func lcs(_ a: some Collection<Int>, _ b: some Collection<Int>) -> Int {
        // The buffers are moved into locals for the run: a class's stored arrays would be
        // checked for exclusive access on every element.
        var slotOfStem = self.slotOfStem, masks = self.masks, vector = self.vector, stems = self.stems
        self.slotOfStem = []; self.masks = []; self.vector = []; self.stems = []
        defer { self.slotOfStem = slotOfStem; self.masks = masks; self.vector = vector; self.stems = stems }
        let words = (a.count + 63) / 64
        // One mask per distinct stem of a: the positions where it occurs.
        stems.removeAll(keepingCapacity: true)
        for stem in a where slotOfStem[stem] == 0 {
            stems.append(stem)
            slotOfStem[stem] = Int32(stems.count)
        }
        masks.removeAll(keepingCapacity: true)
        masks.append(contentsOf: repeatElement(0, count: stems.count * words))
        for (position, stem) in a.enumerated() {
            masks[(Int(slotOfStem[stem]) - 1) * words + position / 64] |= 1 << UInt64(position % 64)
        }
        vector.removeAll(keepingCapacity: true)
        vector.append(contentsOf: repeatElement(~0, count: words))
        for stem in b {
            let slot = stem < slotOfStem.count ? Int(slotOfStem[stem]) : 0
            guard slot > 0 else { continue }            // no match: the vector does not change
            let base = (slot - 1) * words
            var carry: UInt64 = 0
            for k in 0..<words {
                let v = vector[k], match = masks[base + k]
                let u = v & match
                let (sum, overflow1) = v.addingReportingOverflow(u)
                let (total, overflow2) = sum.addingReportingOverflow(carry)
                carry = overflow1 || overflow2 ? 1 : 0
                vector[k] = total | (v & ~match)
            }
        }
        for stem in stems { slotOfStem[stem] = 0 }
        // The LCS is the number of zero bits among the first |a| bits.
        var zeros = 0
        for k in 0..<words {
            let valid = k == words - 1 && a.count % 64 != 0 ? (UInt64(1) << UInt64(a.count % 64)) - 1 : ~UInt64(0)
            zeros += (~vector[k] & valid).nonzeroBitCount
        }
        return zeros
    }
}
