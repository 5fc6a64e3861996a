/// Turns sentence groups into rows of paragraphs for side-by-side reading.
///
/// Paragraph pairs are weighted by the words their matched sentences share; the heaviest chain
/// that never goes back on either side becomes the rows' backbone (a paragraph may face several
/// on the other side: a split or merge). Paragraphs off the chain get rows of their own facing
/// empty space, and rows whose sentences are matched in other rows point there (moved text).
enum ParagraphAligner {
    struct Edge { var a: Int; var b: Int; var weight: Double }

    static func rows(paragraphCountA: Int, paragraphCountB: Int, groups: [MatchGroup],
                     paragraphOfA: [Int], paragraphOfB: [Int], wordsA: [Int], wordsB: [Int],
                     sameText: (Int, Int) -> Bool, compared: (Side, Int) -> Bool) -> [ParagraphRow] {
        // Link weights between paragraphs.
        var weights: [Int: [Int: Double]] = [:]
        for group in groups {
            let share = 1.0 / Double(group.a.count * group.b.count)
            for sa in group.a { for sb in group.b {
                weights[paragraphOfA[sa], default: [:]][paragraphOfB[sb], default: 0] += share * Double(wordsA[sa] + wordsB[sb])
            } }
        }
        var edges: [Edge] = []
        for (a, row) in weights { for (b, weight) in row { edges.append(Edge(a: a, b: b, weight: weight)) } }
        edges.sort { ($0.a, $0.b) < ($1.a, $1.b) }
        let chain = heaviestChain(edges, countB: paragraphCountB)

        // Components of the chain: consecutive edges that share a paragraph.
        var components: [(a: ClosedRange<Int>, b: ClosedRange<Int>)] = []
        for edge in chain {
            if let last = components.last, last.a.upperBound == edge.a || last.b.upperBound == edge.b {
                components[components.count - 1] = (last.a.lowerBound...edge.a, last.b.lowerBound...edge.b)
            } else {
                components.append((edge.a...edge.a, edge.b...edge.b))
            }
        }
        // The rows are counted first and then made into an array of exactly that size: a long
        // document has a row per paragraph, and an array grown by doubling holds up to twice that.
        func layOut(_ emit: (ParagraphRow) -> Void) {
            var nextA = 0, nextB = 0
            // In a gap, paragraphs left unmatched on both sides face each other when their text is the
            // same (site chrome both pages carry); the rest get rows of their own.
            func flush(untilA: Int, untilB: Int) {
                while nextA < untilA {
                    if let twin = (nextB..<untilB).first(where: { sameText(nextA, $0) }) {
                        while nextB < twin { emit(ParagraphRow(a: nil, b: nextB, link: .unique)); nextB += 1 }
                        emit(ParagraphRow(a: nextA, b: nextB, link: .boilerplate))
                        nextB += 1
                    } else {
                        emit(ParagraphRow(a: nextA, b: nil, link: .unique))
                    }
                    nextA += 1
                }
                while nextB < untilB { emit(ParagraphRow(a: nil, b: nextB, link: .unique)); nextB += 1 }
            }
            for component in components {
                flush(untilA: component.a.lowerBound, untilB: component.b.lowerBound)
                emit(ParagraphRow(a: component.a.lowerBound..<(component.a.upperBound + 1), b: component.b.lowerBound..<(component.b.upperBound + 1),
                                  link: .unique, movedTo: []))
                nextA = component.a.upperBound + 1
                nextB = component.b.upperBound + 1
            }
            flush(untilA: paragraphCountA, untilB: paragraphCountB)
        }
        var count = 0
        layOut { _ in count += 1 }
        var rows: [ParagraphRow] = []
        rows.reserveCapacity(count)
        layOut { rows.append($0) }

        // Links and moves.
        var rowOfA = [Int](repeating: 0, count: paragraphCountA), rowOfB = [Int](repeating: 0, count: paragraphCountB)
        for (index, row) in rows.enumerated() {
            for p in row.a { rowOfA[p] = index }
            for p in row.b { rowOfB[p] = index }
        }
        // Each group visits the rows its sentences are in (linear in the groups, not rows × groups).
        var wordsByClass = [[SentenceClass: Int]](repeating: [:], count: rows.count)
        var elsewhere = [Set<Int>](repeating: [], count: rows.count)
        for group in groups {
            let rowsA = Set(group.a.map { rowOfA[paragraphOfA[$0]] }), rowsB = Set(group.b.map { rowOfB[paragraphOfB[$0]] })
            for row in rowsA.union(rowsB) {
                let inRowA = rowsA.contains(row), inRowB = rowsB.contains(row)
                if inRowA && inRowB {
                    wordsByClass[row][group.sentenceClass, default: 0] += group.a.reduce(0) { $0 + wordsA[$1] }
                } else if inRowA {
                    elsewhere[row].formUnion(rowsB)
                } else {
                    elsewhere[row].formUnion(rowsA)
                }
            }
        }
        for index in rows.indices {
            if let dominant = wordsByClass[index].max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) { rows[index].link = dominant.key }
            else if rows[index].link != .boilerplate, !rows[index].a.isEmpty || !rows[index].b.isEmpty,
                    rows[index].a.allSatisfy({ !compared(.a, $0) }) && rows[index].b.allSatisfy({ !compared(.b, $0) }) {
                rows[index].link = .boilerplate
            }
            if !elsewhere[index].isEmpty { rows[index].movedTo = elsewhere[index].subtracting([index]).sorted() }
        }
        return rows
    }

    /// The chain of edges, non-decreasing in both paragraphs, of greatest total weight
    /// (a Fenwick tree of prefix maxima over B's paragraphs: O(E log P)).
    static func heaviestChain(_ edges: [Edge], countB: Int) -> [Edge] {
        guard !edges.isEmpty else { return [] }
        var tree = [(value: Double, edge: Int)](repeating: (0, -1), count: countB + 1)
        var best = [Double](repeating: 0, count: edges.count)
        var previous = [Int](repeating: -1, count: edges.count)
        for (index, edge) in edges.enumerated() {
            var position = edge.b + 1
            var top: (value: Double, edge: Int) = (0, -1)
            while position > 0 { if tree[position].value > top.value { top = tree[position] }; position -= position & -position }
            best[index] = top.value + edge.weight
            previous[index] = top.edge
            position = edge.b + 1
            while position <= countB { if best[index] > tree[position].value { tree[position] = (best[index], index) }; position += position & -position }
        }
        guard var cursor = best.indices.max(by: { best[$0] < best[$1] }) else { return [] }
        var chain: [Edge] = []
        while cursor >= 0 { chain.append(edges[cursor]); cursor = previous[cursor] }
        return chain.reversed()
    }
}
