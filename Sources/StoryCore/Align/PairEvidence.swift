/// Everything the judgement of a pair rests on: content found on both sides (by stem, then by
/// WordNet synonym among the words left over), what each side says that the other does not,
/// word order, names and numbers. Computed only for pairs that are judged (accepted groups and
/// `storydiff score`), not for every candidate the aligner ranks.
struct PairEvidence {
    /// Share of each side's content weight found on the other side, synonyms included.
    var coveredA: Double
    var coveredB: Double
    /// The same shares by stem alone (what `MatchFeatures.containmentA/B` report).
    var exactA: Double
    var exactB: Double
    /// 2·LCS / total over all words in order.
    var order: Double
    /// Content weight only one side has, in units of the rarest word's weight (about "how many
    /// rare words" one side adds).
    var extraA: Double
    var extraB: Double
    /// Numbers stated by one side only.
    var numbersOnlyA: Int
    var numbersOnlyB: Int
    /// Names (capitalised content words) of each side that the other side does not match.
    var namesOnlyA: Int
    var namesOnlyB: Int
    /// Words matched as synonyms or as spellings of one word, for people: "challenged/disputed",
    /// "stepped down/resigned".
    var synonyms: [String]
    /// Share of the shorter side's content weight matched only through related senses or a
    /// word inside a compound ("diplomat" / "ambassador", "strike" / "airstrike").
    var relatedShare: Double
}

extension PairScorer {
    /// Weight a synonym match counts for, against an exact one (METEOR also gives synonyms less).
    static let synonymCredit = 0.8
    static let relatedCredit = 0.5

    func evidence(_ a: SentenceProfile, _ b: SentenceProfile, synonyms table: SynonymTable) -> PairEvidence {
        let x = a.terms, y = b.terms
        var matchedA = [Bool](repeating: false, count: x.count), matchedB = [Bool](repeating: false, count: y.count)
        var sharedA = 0.0, sharedB = 0.0, totalA = 0.0, totalB = 0.0
        var j = 0
        for (i, term) in x.enumerated() {
            totalA += weight(term.term, count: term.count)
            while j < y.count && y[j].term < term.term { j += 1 }
            if j < y.count && y[j].term == term.term {
                matchedA[i] = true; matchedB[j] = true
                sharedA += weight(term.term, count: min(term.count, y[j].count))
                sharedB += weight(term.term, count: min(term.count, y[j].count))
            }
        }
        for term in y { totalB += weight(term.term, count: term.count) }
        let exactA = totalA > 0 ? sharedA / totalA : 0, exactB = totalB > 0 ? sharedB / totalB : 0

        // Synonyms among the words left over, rarest of A first, each word used once.
        var labels: [String] = []
        let leftA = x.indices.filter { !matchedA[$0] && !vocabulary.isNumber(x[$0].term) }.sorted { idf[x[$0].term] > idf[x[$1].term] }
        let leftB = y.indices.filter { !matchedB[$0] && !vocabulary.isNumber(y[$0].term) }
        // A verb followed by its particle is also read as the phrasal verb ("stepped down").
        func phrasal(_ profile: SentenceProfile, _ term: Int) -> (senses: [UInt32], particle: Int?) {
            let order = profile.order
            var k = 0
            while k + 1 < order.count {
                if order[k] == term, case let senses = table.phrasalSynsets(term, particle: order[k + 1]), !senses.isEmpty {
                    return (senses, order[k + 1])
                }
                k += 1
            }
            return ([], nil)
        }
        func label(_ term: Int, _ particle: Int?) -> String {
            vocabulary.words[term] + (particle.map { " " + vocabulary.words[$0] } ?? "")
        }
        if !leftA.isEmpty && !leftB.isEmpty {
            let phrasalB = leftB.map { phrasal(b, y[$0].term) }
            for i in leftA {
                let phrasalA = phrasal(a, x[i].term)
                let synonym = leftB.indices.first { !matchedB[leftB[$0]] && table.shareSense(x[i].term, phrasalA.senses, y[leftB[$0]].term, phrasalB[$0].senses) }
                if let synonym {
                    // Which reading matched, for the label people read.
                    let alone = table.areSynonyms(x[i].term, y[leftB[synonym]].term)
                    labels.append(alone ? "\(label(x[i].term, nil))/\(label(y[leftB[synonym]].term, nil))"
                                        : "\(label(x[i].term, phrasalA.particle))/\(label(y[leftB[synonym]].term, phrasalB[synonym].particle))")
                }
                guard let k = synonym.map({ leftB[$0] })
                    ?? leftB.first(where: { !matchedB[$0] && Self.sameSpelling(vocabulary.words[x[i].term], vocabulary.words[y[$0].term]) })
                else { continue }
                if synonym == nil { labels.append("\(label(x[i].term, nil))/\(label(y[k].term, nil))") }
                matchedA[i] = true; matchedB[k] = true
                let wa = weight(x[i].term, count: x[i].count), wb = weight(y[k].term, count: y[k].count)
                sharedA += Self.synonymCredit * wa
                sharedB += Self.synonymCredit * wb
            }
        }
        // Then words of related senses, and a word inside a compound, at a lower credit.
        var relatedA = 0.0, relatedB = 0.0
        for i in leftA where !matchedA[i] {
            guard let k = leftB.first(where: { !matchedB[$0] && (table.areRelated(x[i].term, y[$0].term)
                || Self.compoundPart(vocabulary.words[x[i].term], vocabulary.words[y[$0].term])) }) else { continue }
            matchedA[i] = true; matchedB[k] = true
            let wa = weight(x[i].term, count: x[i].count), wb = weight(y[k].term, count: y[k].count)
            relatedA += Self.relatedCredit * wa
            relatedB += Self.relatedCredit * wb
        }
        sharedA += relatedA; sharedB += relatedB
        let rarest = maxIDF
        var matchedTermsA = Set<Int>(), matchedTermsB = Set<Int>()
        for (i, term) in x.enumerated() where matchedA[i] { matchedTermsA.insert(term.term) }
        for (k, term) in y.enumerated() where matchedB[k] { matchedTermsB.insert(term.term) }
        return PairEvidence(
            coveredA: totalA > 0 ? min(1, sharedA / totalA) : 0, coveredB: totalB > 0 ? min(1, sharedB / totalB) : 0,
            exactA: exactA, exactB: exactB,
            order: scratchOrder(a, b),
            extraA: max(0, totalA - sharedA) / rarest, extraB: max(0, totalB - sharedB) / rarest,
            numbersOnlyA: a.numbers.subtracting(b.numbers).count, numbersOnlyB: b.numbers.subtracting(a.numbers).count,
            namesOnlyA: Set(a.names).subtracting(matchedTermsA).count, namesOnlyB: Set(b.names).subtracting(matchedTermsB).count,
            synonyms: labels,
            relatedShare: totalA > 0 && totalB > 0 ? min(relatedA / totalA, relatedB / totalB) : 0)
    }
}

extension PairScorer {
    /// One word is the end or the start of the other, a compound of four letters or more
    /// ("airstrike" / "strike", "eurozone" / "euro").
    static func compoundPart(_ x: String, _ y: String) -> Bool {
        let (short, long) = x.utf8.count <= y.utf8.count ? (x, y) : (y, x)
        guard short.utf8.count >= 4, long.utf8.count >= short.utf8.count + 3 else { return false }
        return long.hasPrefix(short) || long.hasSuffix(short)
    }

    /// Two spellings of one word: British and American ("hospitalised"), transliterations
    /// ("Morsi" / "Mursi"), a dropped apostrophe or letter. Words of five letters or more, one
    /// edit apart (two from nine letters), where an edit is a letter added or dropped after the
    /// first, or one vowel for another, or s for z; "house" / "horse" and "election" /
    /// "selection" are other words.
    static func sameSpelling(_ x: String, _ y: String) -> Bool {
        let p = Array(x.utf8.filter { $0 != 0x27 }), q = Array(y.utf8.filter { $0 != 0x27 })
        let shorter = min(p.count, q.count)
        guard shorter >= 5, p.first == q.first else { return false }
        if p == q { return true }
        let allowed = shorter >= 9 ? 2 : 1
        guard abs(p.count - q.count) <= allowed else { return false }
        func vowel(_ c: UInt8) -> Bool { "aeiouy".utf8.contains(c) }
        func substitution(_ c: UInt8, _ d: UInt8) -> Int {
            if c == d { return 0 }
            if vowel(c) && vowel(d) { return 1 }
            if (c == 0x73 && d == 0x7A) || (c == 0x7A && d == 0x73) { return 1 }
            return allowed + 1
        }
        // Weighted edit distance, row by row, giving up once a row exceeds what is allowed.
        var previous = Array(0...q.count), current = [Int](repeating: 0, count: q.count + 1)
        for i in 1...p.count {
            current[0] = i
            var best = current[0]
            for j in 1...q.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + substitution(p[i - 1], q[j - 1]))
                best = min(best, current[j])
            }
            if best > allowed { return false }
            swap(&previous, &current)
        }
        return previous[q.count] <= allowed
    }
}
