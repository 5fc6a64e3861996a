/// The quotations of both versions, matched and classed: kept verbatim, altered, expanded,
/// newly quoted, missing, or given to another speaker.
public struct QuoteLedger: Sendable {
    public private(set) var quotationsA: [Quotation]
    public private(set) var quotationsB: [Quotation]
    public private(set) var matches: [QuoteMatch] = []
    /// The match each quotation belongs to.
    public private(set) var matchOfA: [Int]
    public private(set) var matchOfB: [Int]

    public func quotations(_ side: Side) -> [Quotation] { side == .a ? quotationsA : quotationsB }
    public func match(_ side: Side, quotation: Int) -> QuoteMatch { matches[side == .a ? matchOfA[quotation] : matchOfB[quotation]] }

    /// The quotations standing in a sentence.
    public func quotations(_ side: Side, sentence: Int) -> [Quotation] {
        let index = side == .a ? quotationsOfSentenceA : quotationsOfSentenceB
        guard index.indices.contains(sentence) else { return [] }
        return index[sentence].map { quotations(side)[$0] }
    }

    private var quotationsOfSentenceA: [[Int]]
    private var quotationsOfSentenceB: [[Int]]

    public func count(_ quoteClass: QuoteClass) -> Int { matches.filter { $0.quoteClass == quoteClass }.count }

    public init(_ comparison: Comparison, facts: FactLedger) {
        quotationsA = QuoteFinder.quotations(in: comparison.a, side: .a, names: facts.namesA, entities: facts.entities)
        quotationsB = QuoteFinder.quotations(in: comparison.b, side: .b, names: facts.namesB, entities: facts.entities)
        matchOfA = Array(repeating: 0, count: quotationsA.count)
        matchOfB = Array(repeating: 0, count: quotationsB.count)
        quotationsOfSentenceA = Array(repeating: [], count: comparison.a.sentences.count)
        quotationsOfSentenceB = Array(repeating: [], count: comparison.b.sentences.count)
        for q in quotationsA { for s in q.sentences { quotationsOfSentenceA[s].append(q.id) } }
        for q in quotationsB { for s in q.sentences { quotationsOfSentenceB[s].append(q.id) } }
        let wordsA = quotationsA.map { Self.words(of: $0, in: comparison.a) }
        let wordsB = quotationsB.map { Self.words(of: $0, in: comparison.b) }

        // Candidate pairs share a rare word, or stand in matched sentences: no all-pairs pass.
        // Each quotation's probes reach at most 3 × 40 quotations of the other side.
        func probes(from mine: [[[String]]], into theirs: [[[String]]]) -> [[Int]] {
            var postings: [String: [Int]] = [:]
            for (id, words) in theirs.enumerated() { for word in Set(words.joined()) { postings[word, default: []].append(id) } }
            return mine.map { words in
                let all = Array(Set(words.joined()))
                let content = all.filter { !Lexicon.stopWords.contains($0) }
                let rarest = (content.isEmpty ? all : content).sorted { (postings[$0]?.count ?? 0, $0) < (postings[$1]?.count ?? 0, $1) }.prefix(3)
                return rarest.flatMap { (postings[$0] ?? []).prefix(40) }
            }
        }
        let probesOfA = probes(from: wordsA, into: wordsB)
        // B's probes, turned round: for each quotation of A, the quotations of B that reached it.
        var reachedFromB = [[Int]](repeating: [], count: quotationsA.count)
        for (b, reached) in probes(from: wordsB, into: wordsA).enumerated() { for a in reached { reachedFromB[a].append(b) } }

        // The best relation of each quotation; edges are the union of both sides' choices.
        // Pairs are taken quotation of A by quotation of A, each of B once, in order: a set of
        // all pairs at once was most of the time and memory on stories with many quotations.
        var bestA: [Int: (Edge, Int, Bool)] = [:], bestB: [Int: (Edge, Int, Bool)] = [:]
        let flatA = wordsA.map { Array($0.joined()) }, flatB = wordsB.map { Array($0.joined()) }
        let bagsA = flatA.map(Self.bag), bagsB = flatB.map(Self.bag)
        var seenFor = [Int](repeating: -1, count: quotationsB.count)
        var candidates: [Int] = []
        for a in quotationsA.indices {
            // The matched sentences' quotations, found through B's sentence index (not by trying
            // every quotation of B, which on a long document was quadratic).
            let counterparts = Set(quotationsA[a].sentences.flatMap { comparison.counterparts(.a, sentence: $0) })
            candidates.removeAll(keepingCapacity: true)
            func consider(_ b: Int) {
                guard seenFor.indices.contains(b), seenFor[b] != a else { return }
                seenFor[b] = a
                candidates.append(b)
            }
            probesOfA[a].forEach(consider)
            reachedFromB[a].forEach(consider)
            for counterpart in counterparts.sorted() where quotationsOfSentenceB.indices.contains(counterpart) {
                quotationsOfSentenceB[counterpart].forEach(consider)
            }
            for b in candidates.sorted() {
                let linked = !counterparts.isDisjoint(with: quotationsB[b].sentences)
                guard let edge = Self.relation(wordsA[a], wordsB[b], flatA: flatA[a], flatB: flatB[b],
                                               shared: Self.sharedCount(bagsA[a], bagsB[b]), linked: linked) else { continue }
                // On a tie, the quotation in the matched sentence.
                func better(_ best: (Edge, Int, Bool)?) -> Bool {
                    guard let best else { return true }
                    return edge.rank > best.0.rank || (edge.rank == best.0.rank && linked && !best.2)
                }
                if better(bestA[a]) { bestA[a] = (edge, b, linked) }
                if better(bestB[b]) { bestB[b] = (edge, a, linked) }
            }
        }
        var union = UnionFind(quotationsA.count + quotationsB.count)
        var edges: [Pair: Edge] = [:]
        // A quotation that recurs ("Orange Notice" twice in B, once in A) is one quote with its
        // counterpart in the matched sentence; the other occurrence is not joined to it when that
        // quotation has a partner as good elsewhere.
        // (It stays alone only if the other version has its words unquoted where it stands: it was
        // newly quoted there. Otherwise it joins its twin: "cautious optimism" twice in A, once in B.)
        let unquotedA = UnquotedText(story: comparison.a, quotations: quotationsA)
        let unquotedB = UnquotedText(story: comparison.b, quotations: quotationsB)
        func newlyQuoted(_ side: Side, _ id: Int) -> Bool {
            let quotation = side == .a ? quotationsA[id] : quotationsB[id]
            let words = (side == .a ? wordsA : wordsB)[id].joined()
            let counterparts = quotation.sentences.flatMap { comparison.counterparts(side, sentence: $0) }
            return (side == .a ? unquotedB : unquotedA).contains(Array(words), near: counterparts)
        }
        for (a, (edge, b, linked)) in bestA {
            if !linked, let (other, a2, otherLinked) = bestB[b], a2 != a, other.rank >= edge.rank, otherLinked, newlyQuoted(.a, a) { continue }
            union.join(a, quotationsA.count + b); edges[Pair(a: a, b: b)] = edge
        }
        for (b, (edge, a, linked)) in bestB {
            if !linked, let (other, b2, otherLinked) = bestA[a], b2 != b, other.rank >= edge.rank, otherLinked, newlyQuoted(.b, b) { continue }
            union.join(a, quotationsA.count + b); edges[Pair(a: a, b: b)] = edge
        }

        var members: [Int: ([Int], [Int])] = [:]
        for a in quotationsA.indices { members[union.find(a), default: ([], [])].0.append(a) }
        for b in quotationsB.indices { members[union.find(quotationsA.count + b), default: ([], [])].1.append(b) }
        let components = members.values.sorted { x, y in
            (x.0.first.map { quotationsA[$0].span.start } ?? Int.max, x.1.first.map { quotationsB[$0].span.start } ?? Int.max)
                < (y.0.first.map { quotationsA[$0].span.start } ?? Int.max, y.1.first.map { quotationsB[$0].span.start } ?? Int.max)
        }
        var edgesOfRoot: [Int: [Edge]] = [:]
        for (pair, edge) in edges { edgesOfRoot[union.find(pair.a), default: []].append(edge) }
        for (a, b) in components {
            var wording: QuoteClass
            var side: Side?
            if a.isEmpty || b.isEmpty {
                // Alone: are the words in the other version without quotation marks?
                let mySide: Side = a.isEmpty ? .b : .a
                guard let id = a.first ?? b.first else { continue }
                let quotation = mySide == .a ? quotationsA[id] : quotationsB[id]
                let words = (mySide == .a ? wordsA : wordsB)[id].joined()
                let counterparts = quotation.sentences.flatMap { comparison.counterparts(mySide, sentence: $0) }
                let other = mySide == .a ? unquotedB : unquotedA
                wording = other.contains(Array(words), near: counterparts) ? .newlyQuoted : .missing
                side = mySide
            } else {
                let componentEdges = edgesOfRoot[union.find(a[0])] ?? []
                if componentEdges.allSatisfy({ $0 == .verbatim }) { wording = .verbatim }
                else if componentEdges.contains(.containedInA) || componentEdges.contains(.containedInB) {
                    wording = .expanded
                    let countA = a.reduce(0) { $0 + wordsA[$1].joined().count }, countB = b.reduce(0) { $0 + wordsB[$1].joined().count }
                    side = countA >= countB ? .a : .b
                } else { wording = .altered }
            }
            var quoteClass = wording
            let speakersA = Set(a.compactMap { quotationsA[$0].speaker }), speakersB = Set(b.compactMap { quotationsB[$0].speaker })
            if !speakersA.isEmpty, !speakersB.isEmpty, speakersA.isDisjoint(with: speakersB) { quoteClass = .speakerChanged }
            let id = matches.count
            matches.append(QuoteMatch(id: id, quoteClass: quoteClass, wording: wording, a: a, b: b, side: side))
            for x in a { matchOfA[x] = id }
            for y in b { matchOfB[y] = id }
        }
    }

    // MARK: Comparing two quotations

    struct Pair: Hashable { var a: Int; var b: Int }

    enum Edge: Equatable {
        case verbatim, containedInB, containedInA, altered
        var rank: Int {
            switch self {
            case .verbatim: return 3
            case .containedInA, .containedInB: return 2
            case .altered: return 1
            }
        }
    }

    /// The quoted words of each segment, folded for matching.
    static func words(of quotation: Quotation, in story: Story) -> [[String]] {
        quotation.segments.map { segment in Tokenizer.tokens(story.scalars, in: segment).filter(\.isWord).map(\.key) }
    }

    static func relation(_ a: [[String]], _ b: [[String]], linked: Bool) -> Edge? {
        let flatA = Array(a.joined()), flatB = Array(b.joined())
        return relation(a, b, flatA: flatA, flatB: flatB, shared: sharedCount(bag(flatA), bag(flatB)), linked: linked)
    }

    /// `shared`: the words the two have in common, counting repeats (from their bags, made once
    /// per quotation: a long quotation meets many candidates).
    static func relation(_ a: [[String]], _ b: [[String]], flatA: [String], flatB: [String], shared: Int, linked: Bool) -> Edge? {
        if flatA.count == flatB.count, flatA == flatB { return .verbatim }
        // A part of the other needs all of its words there: the count first.
        if shared < min(flatA.count, flatB.count) && shared < 2 { return nil }
        // One quotes a part of the other: each of its pieces stands, in order, in the other.
        if flatA.count < flatB.count, shared == flatA.count, linked || flatA.count >= 2, contains(flatB, pieces: a) { return .containedInB }
        if flatB.count < flatA.count, shared == flatB.count, linked || flatB.count >= 2, contains(flatA, pieces: b) { return .containedInA }
        let longer = max(flatA.count, flatB.count)
        // The words both share bound the common subsequence from above: most candidate pairs
        // are turned away by this linear count before the quadratic one.
        guard shared >= 2, Double(shared) >= 0.5 * Double(longer) else { return nil }
        let common = lcs(flatA, flatB)
        if common >= 3, Double(common) >= 0.6 * Double(longer) { return .altered }
        if linked, common >= 2, Double(common) >= 0.5 * Double(longer) { return .altered }
        return nil
    }

    static func contains(_ words: [String], pieces: [[String]]) -> Bool {
        var from = 0
        for piece in pieces where !piece.isEmpty {
            guard let found = find(piece, in: words, from: from) else { return false }
            from = found + piece.count
        }
        return true
    }

    static func find(_ piece: [String], in words: [String], from: Int) -> Int? {
        guard piece.count <= words.count - from else { return nil }
        var start = from
        while start + piece.count <= words.count {
            if words[start] == piece[0], words[start..<start + piece.count].elementsEqual(piece) { return start }
            start += 1
        }
        return nil
    }

    /// Each word and how often it stands.
    static func bag(_ words: [String]) -> [String: Int] {
        var counts: [String: Int] = [:]
        counts.reserveCapacity(words.count)
        for word in words { counts[word, default: 0] += 1 }
        return counts
    }

    /// How many words two bags have in common, counting repeats: in the time of the smaller.
    static func sharedCount(_ x: [String: Int], _ y: [String: Int]) -> Int {
        let (small, large) = x.count <= y.count ? (x, y) : (y, x)
        return small.reduce(0) { $0 + min($1.value, large[$1.key] ?? 0) }
    }

    /// Longest common subsequence length; long quotations are compared by their first 300 words.
    static func lcs(_ x: [String], _ y: [String]) -> Int {
        let x = x.prefix(300), y = Array(y.prefix(300))
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        var previous = [Int](repeating: 0, count: y.count + 1)
        for word in x {
            var current = [Int](repeating: 0, count: y.count + 1)
            for j in 1...y.count { current[j] = word == y[j - 1] ? previous[j - 1] + 1 : max(previous[j], current[j - 1]) }
            previous = current
        }
        return previous[y.count]
    }
}

/// A story's words outside quotation marks: where a quotation of the other version may stand
/// unquoted.
struct UnquotedText {
    /// Folded words outside quotation marks, in text order.
    var words: [String] = []
    var positions: [String: [Int]] = [:]
    /// For each sentence (by index), the end of its words in `words`; they start where the
    /// previous sentence's end. An array, not a dictionary: a story of a million short
    /// sentences made the dictionary this ledger's largest cost.
    var wordEnds: [Int] = []

    init(story: Story, quotations: [Quotation]) {
        // Segments in text order, walked alongside the tokens.
        let quoted = quotations.flatMap(\.segments).sorted { $0.start < $1.start }
        var next = 0
        wordEnds.reserveCapacity(story.sentences.count)
        for sentence in story.sentences {
            defer { wordEnds.append(words.count) }
            guard sentence.role.isCompared else { continue }
            for token in Tokenizer.tokens(story.scalars, in: sentence.span) where token.isWord {
                while next < quoted.count, quoted[next].end <= token.span.start { next += 1 }
                if next < quoted.count, quoted[next].start <= token.span.start { continue }
                positions[token.key, default: []].append(words.count)
                words.append(token.key)
            }
        }
    }

    /// The words of a sentence outside quotation marks (none for an index out of range).
    func words(ofSentence sentence: Int) -> ArraySlice<String> {
        guard wordEnds.indices.contains(sentence) else { return [] }
        return words[(sentence == 0 ? 0 : wordEnds[sentence - 1])..<wordEnds[sentence]]
    }

    /// The quoted words stand unquoted here: most of them, in order, in the counterpart
    /// sentences; or all of them in a row anywhere (for quotations of four words or more).
    func contains(_ quote: [String], near sentences: [Int]) -> Bool {
        guard !quote.isEmpty else { return false }
        if !sentences.isEmpty {
            let local = sentences.sorted().flatMap { words(ofSentence: $0) }
            if QuoteLedger.find(quote, in: local, from: 0) != nil { return true }
            let common = QuoteLedger.lcs(quote, local)
            if common >= 2, Double(common) >= 0.7 * Double(quote.count) { return true }
        }
        guard quote.count >= 4 else { return false }
        for start in positions[quote[0]] ?? [] where start + quote.count <= words.count {
            if words[start..<start + quote.count].elementsEqual(quote) { return true }
        }
        return false
    }
}

extension QuoteLedger {
    /// A matched quote's words on one side: its quotations' texts, joined where there are several.
    public func words(_ match: QuoteMatch, _ side: Side) -> String {
        let all = quotations(side)
        return match.quotations(side).compactMap { all.indices.contains($0) ? all[$0].text : nil }.joined(separator: " … ")
    }

    /// The word diff of a quote's two versions, when it has two and they are worded differently.
    public func versionDiff(_ match: QuoteMatch) -> (a: [TextDiff.Part], b: [TextDiff.Part])? {
        guard !match.a.isEmpty, !match.b.isEmpty else { return nil }
        let a = words(match, .a), b = words(match, .b)
        guard MatchKey.fold(a) != MatchKey.fold(b) else { return nil }
        return TextDiff.words(a, b)
    }

    /// The matches in the order the reports list them: the changed ones, then the verbatim ones.
    public var changedThenVerbatim: (changed: [QuoteMatch], verbatim: [QuoteMatch]) {
        (matches.filter(\.isFlagged), matches.filter { !$0.isFlagged })
    }
}

extension QuoteLedger {
    /// The sentences a matched quote's quotations on one side are in, each once, in text order.
    public func sentences(_ match: QuoteMatch, _ side: Side) -> [Int] {
        let all = quotations(side)
        return Array(Set(match.quotations(side).flatMap { all.indices.contains($0) ? all[$0].sentences : [] })).sorted()
    }
}
