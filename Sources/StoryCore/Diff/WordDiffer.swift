/// Word-level diff inside a matched group, made to read naturally.
///
/// Tokens are compared by their folded form. The diff anchors on words that occur once on each
/// side (patience diff), falls back to Myers' algorithm between anchors, then cleans up: short
/// runs of function words or punctuation stranded between changes become part of the change (no
/// "confetti"), and a removed run that reappears elsewhere as an added run is marked as moved.
enum WordDiffer {
    static let minimumMovedCharacters = 10

    /// `idsA` and `idsB` are the tokens' interned keys (equal keys, equal ids): integers compare
    /// faster than strings in the recursion. `scratch` is shared by all the diffs of a comparison.
    static func diff(a tokensA: [Token], b tokensB: [Token], keysA idsA: [Int], keysB idsB: [Int], scratch: inout Scratch) -> WordDiff {
        let keysA = tokensA.map(\.key)
        let keysB = tokensB.map(\.key)
        var keptA = [Int?](repeating: nil, count: tokensA.count)   // index in B it is kept as
        var keptB = [Int?](repeating: nil, count: tokensB.count)
        for (i, j) in matchPairs(idsA, idsB, wordsA: tokensA.map(\.isWord), scratch: &scratch) {
            keptA[i] = j
            keptB[j] = i
        }
        removeConfetti(keysA: keysA, keysB: keysB, tokensA: tokensA, keptA: &keptA, keptB: &keptB)
        var operationsA = keptA.map { $0 == nil ? WordDiff.Operation.removed : .kept }
        var operationsB = keptB.map { $0 == nil ? WordDiff.Operation.added : .kept }
        markMoves(keysA: keysA, keysB: keysB, tokensA: tokensA, tokensB: tokensB, operationsA: &operationsA, operationsB: &operationsB)
        return WordDiff(a: pieces(tokensA, operationsA), b: pieces(tokensB, operationsB))
    }

    /// The whole of each token list kept (identical sentences).
    static func unchanged(a tokensA: [Token], b tokensB: [Token]) -> WordDiff {
        WordDiff(a: pieces(tokensA, tokensA.map { _ in .kept }), b: pieces(tokensB, tokensB.map { _ in .kept }))
    }

    // MARK: Matching

    /// Pairs (i, j) of equal tokens forming a common subsequence.
    static func matchPairs(_ a: [Int], _ b: [Int], wordsA: [Bool], scratch: inout Scratch) -> [(Int, Int)] {
        var pairs: [(Int, Int)] = []
        match(a, b, 0..<a.count, 0..<b.count, wordsA: wordsA, scratch: &scratch, into: &pairs)
        return pairs.sorted { $0.0 < $1.0 }
    }

    /// Counts and first positions of token ids, reused across the recursion and across the diffs
    /// of one comparison (ids are dense: no dictionaries in the inner loop; every count is back to
    /// zero after each use).
    struct Scratch {
        var countA: [Int32]
        var positionA: [Int32]
        var countB: [Int32]
        var positionB: [Int32]
        var table: [Int32] = []

        init(keys: Int) {
            countA = [Int32](repeating: 0, count: keys)
            positionA = countA
            countB = countA
            positionB = countA
        }
    }

    private static func match(_ a: [Int], _ b: [Int], _ ra: Range<Int>, _ rb: Range<Int>, wordsA: [Bool],
                              scratch: inout Scratch, into pairs: inout [(Int, Int)]) {
        var lowA = ra.lowerBound, lowB = rb.lowerBound, highA = ra.upperBound, highB = rb.upperBound
        while lowA < highA, lowB < highB, a[lowA] == b[lowB] { pairs.append((lowA, lowB)); lowA += 1; lowB += 1 }
        while highA > lowA, highB > lowB, a[highA - 1] == b[highB - 1] { pairs.append((highA - 1, highB - 1)); highA -= 1; highB -= 1 }
        guard lowA < highA, lowB < highB else { return }

        // Patience: words unique on both sides, in increasing order on both.
        for i in lowA..<highA where wordsA[i] {
            if scratch.countA[a[i]] == 0 { scratch.positionA[a[i]] = Int32(i) }
            scratch.countA[a[i]] += 1
        }
        for j in lowB..<highB {
            if scratch.countB[b[j]] == 0 { scratch.positionB[b[j]] = Int32(j) }
            scratch.countB[b[j]] += 1
        }
        var uniques: [(Int, Int)] = []
        for i in lowA..<highA where wordsA[i] && scratch.countA[a[i]] == 1 && scratch.countB[a[i]] == 1 {
            uniques.append((i, Int(scratch.positionB[a[i]])))
        }
        for i in lowA..<highA { scratch.countA[a[i]] = 0 }
        for j in lowB..<highB { scratch.countB[b[j]] = 0 }
        let chain = LongestIncreasing.indices(uniques.map(\.1)).map { uniques[$0] }
        if !chain.isEmpty {
            var previousA = lowA, previousB = lowB
            for (i, j) in chain {
                match(a, b, previousA..<i, previousB..<j, wordsA: wordsA, scratch: &scratch, into: &pairs)
                pairs.append((i, j))
                previousA = i + 1
                previousB = j + 1
            }
            match(a, b, previousA..<highA, previousB..<highB, wordsA: wordsA, scratch: &scratch, into: &pairs)
            return
        }
        // No anchors: a longest common subsequence of this (short) stretch, bounded.
        let n = highA - lowA, m = highB - lowB
        guard n * m <= 40_000 else { return }
        lcsPairs(a, b, lowA, lowB, n, m, table: &scratch.table, into: &pairs)
    }

    /// A longest common subsequence by dynamic programming (suffix lengths, read front to back),
    /// preferring the earliest match on A's side, as a reader scans.
    private static func lcsPairs(_ a: [Int], _ b: [Int], _ lowA: Int, _ lowB: Int, _ n: Int, _ m: Int,
                                 table: inout [Int32], into pairs: inout [(Int, Int)]) {
        let width = m + 1
        table.removeAll(keepingCapacity: true)
        table.append(contentsOf: repeatElement(0, count: (n + 1) * width))
        // table[i * width + j]: LCS of a[lowA + i ..< lowA + n] and b[lowB + j ..< lowB + m].
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i * width + j] = a[lowA + i] == b[lowB + j] ? table[(i + 1) * width + j + 1] + 1
                    : max(table[(i + 1) * width + j], table[i * width + j + 1])
            }
        }
        var i = 0, j = 0
        while i < n, j < m {
            if a[lowA + i] == b[lowB + j] {
                pairs.append((lowA + i, lowB + j))
                i += 1
                j += 1
            } else if table[(i + 1) * width + j] >= table[i * width + j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
    }

    // MARK: Clean-up

    /// A kept run is too weak to show when it is only function words or punctuation (or under
    /// four characters) and changes stand on both sides of it.
    private static func removeConfetti(keysA: [String], keysB: [String], tokensA: [Token], keptA: inout [Int?], keptB: inout [Int?]) {
        var changed = true
        while changed {
            changed = false
            var i = 0
            while i < keptA.count {
                guard let keptFrom = keptA[i] else { i += 1; continue }
                var end = i
                while end + 1 < keptA.count, let next = keptA[end + 1], let current = keptA[end], next == current + 1 { end += 1 }
                let run = i...end
                let keptTo = keptA[end] ?? keptFrom
                let changeBefore = (i > 0 && keptA[i - 1] == nil) || (keptFrom > 0 && keptB[keptFrom - 1] == nil)
                let changeAfter = (end + 1 < keptA.count && keptA[end + 1] == nil) || (keptTo + 1 < keptB.count && keptB[keptTo + 1] == nil)
                let weak = run.allSatisfy { !tokensA[$0].isWord || Lexicon.stopWords.contains(keysA[$0]) }
                    || run.reduce(0) { $0 + keysA[$1].count } < 4
                // As diff-match-patch's semantic clean-up: fold the equality only when it is no
                // longer than the change on each side of it.
                let length = run.reduce(0) { $0 + keysA[$1].count }
                if changeBefore && changeAfter && weak && run.count <= 3
                    && length <= changedLength(before: i, keptFrom, keysA, keysB, keptA, keptB)
                    && length <= changedLength(after: end, keptTo, keysA, keysB, keptA, keptB) {
                    for k in run {
                        if let partner = keptA[k], keptB.indices.contains(partner) { keptB[partner] = nil }
                        keptA[k] = nil
                    }
                    changed = true
                }
                i = end + 1
            }
        }
    }

    /// Characters of the larger of the removed and added runs just before a kept run.
    private static func changedLength(before i: Int, _ j: Int, _ keysA: [String], _ keysB: [String], _ keptA: [Int?], _ keptB: [Int?]) -> Int {
        var removed = 0, added = 0, p = i - 1, q = j - 1
        while p >= 0, keptA[p] == nil { removed += keysA[p].count; p -= 1 }
        while q >= 0, keptB[q] == nil { added += keysB[q].count; q -= 1 }
        return max(removed, added)
    }

    /// Characters of the larger of the removed and added runs just after a kept run.
    private static func changedLength(after i: Int, _ j: Int, _ keysA: [String], _ keysB: [String], _ keptA: [Int?], _ keptB: [Int?]) -> Int {
        var removed = 0, added = 0, p = i + 1, q = j + 1
        while p < keptA.count, keptA[p] == nil { removed += keysA[p].count; p += 1 }
        while q < keptB.count, keptB[q] == nil { added += keysB[q].count; q += 1 }
        return max(removed, added)
    }

    /// A removed run of words that reappears, in the same words, as an added run elsewhere.
    private static func markMoves(keysA: [String], keysB: [String], tokensA: [Token], tokensB: [Token],
                                  operationsA: inout [WordDiff.Operation], operationsB: inout [WordDiff.Operation]) {
        let runsA = runs(operationsA, .removed), runsB = runs(operationsB, .added)
        guard !runsA.isEmpty, !runsB.isEmpty else { return }
        func words(_ keys: [String], _ tokens: [Token], _ range: Range<Int>) -> [String] { range.filter { tokens[$0].isWord }.map { keys[$0] } }
        var usedB = Set<Int>()
        for runA in runsA {
            let wordsA = words(keysA, tokensA, runA)
            guard wordsA.count >= 2, wordsA.joined().count >= minimumMovedCharacters else { continue }
            for (index, runB) in runsB.enumerated() where !usedB.contains(index) {
                guard words(keysB, tokensB, runB) == wordsA else { continue }
                for k in runA { operationsA[k] = .moved }
                for k in runB { operationsB[k] = .moved }
                usedB.insert(index)
                break
            }
        }
    }

    private static func runs(_ operations: [WordDiff.Operation], _ kind: WordDiff.Operation) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start: Int?
        for (index, operation) in operations.enumerated() {
            if operation == kind { if start == nil { start = index } } else if let s = start { result.append(s..<index); start = nil }
        }
        if let s = start { result.append(s..<operations.count) }
        return result
    }

    /// Consecutive tokens with one operation become one piece spanning the space between them.
    private static func pieces(_ tokens: [Token], _ operations: [WordDiff.Operation]) -> [WordDiff.Piece] {
        var result: [WordDiff.Piece] = []
        for (token, operation) in zip(tokens, operations) {
            if let last = result.last, last.operation == operation {
                result[result.count - 1].span = TextSpan(last.span.start, token.span.end)
            } else {
                result.append(WordDiff.Piece(span: token.span, operation: operation))
            }
        }
        return result
    }
}
