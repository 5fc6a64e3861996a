/// The facts ledger of a comparison: every date, count, amount and name of both versions, which
/// version states it, and which changed inside a matched pair of sentences.
public struct FactLedger: Sendable {
    public private(set) var facts: [Fact] = []
    public private(set) var entities: [Entity] = []
    /// Every name of each story, in text order, filed under its entity (for quote speakers).
    public private(set) var namesA: [EntityMention] = []
    public private(set) var namesB: [EntityMention] = []
    private var factsOfA: [[Int]]
    private var factsOfB: [[Int]]

    /// The facts each story states, found before (or while) the two are compared: they need
    /// the stories only.
    public struct Extraction: @unchecked Sendable {
        let foundA: [FoundFact]
        let foundB: [FoundFact]

        /// Each story's facts on a thread of its own (the same facts as one after the other).
        public init(_ a: Story, _ b: Story, jobs: Int = ParallelWork.cores) {
            let stories = [a, b]
            let width = a.sentences.count + b.sentences.count < 1_000 ? 1 : jobs
            let inside = ParallelWork.map(count: 2, jobs: width) { FactExtractor.capitalisedInside(stories[$0]) }
                .reduce(into: Set<String>()) { $0.formUnion($1) }
            let found = ParallelWork.map(count: 2, jobs: width) { Unchecked(FactExtractor.facts(in: stories[$0], capitalisedInside: inside)) }
            foundA = found[0].value
            foundB = found[1].value
        }
    }

    /// `extracted`: the stories' facts, when they were found already (see `Ledgers.comparing`).
    public init(_ comparison: Comparison, extracted: Extraction? = nil) {
        let extraction = extracted ?? Extraction(comparison.a, comparison.b)
        let foundA = extraction.foundA, foundB = extraction.foundB
        let index = EntityIndex(a: foundA, b: foundB)
        entities = index.entities
        factsOfA = Array(repeating: [], count: comparison.a.sentences.count)
        factsOfB = Array(repeating: [], count: comparison.b.sentences.count)

        var factOfKey: [String: Int] = [:]
        for (side, found, entityOf) in [(Side.a, foundA, index.entityOfA), (.b, foundB, index.entityOfB)] {
            for (position, fact) in found.enumerated() {
                var kind = fact.kind, key = fact.key, label = fact.text
                var variants: [String] = []
                if let name = fact.name {
                    guard let entity = entityOf[position], entities.indices.contains(entity) else { continue }
                    kind = entities[entity].kind
                    key = "entity:\(entity)"
                    label = entities[entity].label
                    variants = entities[entity].variants
                    let mention = EntityMention(side: side, sentence: fact.sentence, span: fact.span, entity: entity, titled: name.titled)
                    if side == .a { namesA.append(mention) } else { namesB.append(mention) }
                }
                let mention = FactMention(side: side, sentence: fact.sentence, span: fact.span, text: fact.text)
                let id: Int
                if let existing = factOfKey[key] { id = existing } else {
                    id = facts.count
                    factOfKey[key] = id
                    facts.append(Fact(id: id, kind: kind, key: key, label: label, status: .both, a: [], b: [], changedWith: nil,
                                      variants: variants))
                }
                if side == .a { facts[id].a.append(mention) } else { facts[id].b.append(mention) }
                if side == .a { if factsOfA[fact.sentence].last != id { factsOfA[fact.sentence].append(id) } }
                else if factsOfB[fact.sentence].last != id { factsOfB[fact.sentence].append(id) }
            }
        }
        for id in facts.indices {
            facts[id].status = facts[id].a.isEmpty ? .onlyB : facts[id].b.isEmpty ? .onlyA : .both
            // Variants only as spelt: the label itself is not a variant.
            let label = facts[id].label
            facts[id].variants.removeAll { $0 == label }
        }
        findRespellings(comparison)
        findChanges(comparison)
    }

    /// A fact the rules found in one version only, which the other states spelt another way:
    /// a name in other case, hyphens or spacing anywhere in it ("Carphedon" / "carphedon",
    /// "World Anti Doping Agency" / "World Anti-Doping Agency", "BingDian" / "Bing Dian"), a
    /// count whose figure the matched sentence writes in other words ("7 figure contract" /
    /// "seven-figure contract", "came 6" / "came 6th"). It is filed under both versions. A
    /// person, place or organisation the other version writes only in lower case is not
    /// named there ("in Split" / "in split").
    /// The row of paragraphs each paragraph stands in, on each side.
    struct RowIndex {
        private var a: [Int: Int] = [:], b: [Int: Int] = [:]
        init(_ rows: [ParagraphRow]) {
            for (index, row) in rows.enumerated() {
                for p in row.a where a[p] == nil { a[p] = index }
                for p in row.b where b[p] == nil { b[p] = index }
            }
        }
        func row(_ side: Side, paragraph: Int) -> Int? { side == .a ? a[paragraph] : b[paragraph] }
    }

    private mutating func findRespellings(_ comparison: Comparison) {
        guard facts.contains(where: { $0.status != .both }) else { return }
        let rows = RowIndex(comparison.rows)
        var wordsOf: [Side: StoryWords] = [:]
        func words(_ side: Side) -> StoryWords {
            if let known = wordsOf[side] { return known }
            let made = StoryWords(side == .a ? comparison.a : comparison.b)
            wordsOf[side] = made
            return made
        }
        for id in facts.indices {
            guard let side = facts[id].side, facts[id].status != .both else { continue }
            let other = side.other
            let fact = facts[id]
            var found: (span: TextSpan, sentence: Int)?
            if fact.kind.isName {
                let strict = fact.kind == .person || fact.kind == .place || fact.kind == .organisation
                // In a fixed order (a Set's would differ from run to run, and so would the mention found).
                var forms: [String] = []
                for form in [fact.label] + fact.mentions(side).map(\.text) where !forms.contains(form) { forms.append(form) }
                for form in forms where found == nil {
                    if let place = words(other).occurrences(of: form).first(where: { !strict || $0.capitalised }) {
                        found = (place.span, place.sentence)
                    }
                }
                // The words in another order in the matched sentence: "ISOC Taiwan Chapter Chair" /
                // "Taiwan Chapter Chair of ISOC".
                for mention in fact.mentions(side) where found == nil {
                    let keys = Set(StoryWords.fold(mention.text))
                    guard keys.count > 1 else { continue }
                    for sentence in facing(comparison, side, sentence: mention.sentence, rows: rows) where found == nil {
                        let there = words(other).words(inSentence: sentence).filter { keys.contains($0.key) }
                        if Set(there.map(\.key)) == keys, there.contains(where: \.capitalised), let first = there.first {
                            found = (first.span, sentence)
                        }
                    }
                }
            } else if fact.kind == .date {
                // "2007" / "18 January 2007", "ThursdayJanuary 18 2007" / "Thursday, 18 January 2007":
                // every word of the date stands in the sentence facing it.
                for mention in fact.mentions(side) where found == nil {
                    let keys = Set(StoryWords.fold(mention.text))
                    guard !keys.isEmpty, keys.contains(where: { $0.first?.isNumber == true || FactLexicon.weekdays.contains($0) || FactLexicon.months[$0] != nil })
                    else { continue }
                    for sentence in facing(comparison, side, sentence: mention.sentence, rows: rows) where found == nil {
                        let there = words(other).words(inSentence: sentence).filter { keys.contains($0.key) }
                        if Set(there.map(\.key)) == keys, let first = there.first, let last = there.last {
                            found = (TextSpan(first.span.start, max(first.span.end, last.span.end)), sentence)
                        }
                    }
                }
            } else if fact.kind == .number, let value = Self.numberValue(fact.key) {
                for mention in fact.mentions(side) where found == nil {
                    for sentence in facing(comparison, side, sentence: mention.sentence, rows: rows) where found == nil {
                        if let word = words(other).words(inSentence: sentence).first(where: { StoryWords.value(of: $0.key) == value }) {
                            found = (word.span, sentence)
                        }
                    }
                }
            }
            guard let found else { continue }
            let story = other == .a ? comparison.a : comparison.b
            let mention = FactMention(side: other, sentence: found.sentence, span: found.span, text: story.text(of: found.span))
            if other == .a { facts[id].a.append(mention) } else { facts[id].b.append(mention) }
            facts[id].status = .both
            if other == .a { if factsOfA.indices.contains(found.sentence), !factsOfA[found.sentence].contains(id) { factsOfA[found.sentence].append(id) } }
            else if factsOfB.indices.contains(found.sentence), !factsOfB[found.sentence].contains(id) { factsOfB[found.sentence].append(id) }
        }
    }

    /// The sentences of the other version that face a sentence: its matched ones, or, when it
    /// has none, the other version's unmatched sentences in the same row of paragraphs ("He
    /// was carrying 3 guns, …" / "He was carrying three guns: a Beretta …", too different to match).
    private func facing(_ comparison: Comparison, _ side: Side, sentence: Int, rows: RowIndex) -> [Int] {
        let story = comparison.story(side), other = comparison.story(side.other)
        guard story.sentences.indices.contains(sentence) else { return [] }
        if let group = comparison.groupIndex(side, sentence: sentence), comparison.groups.indices.contains(group) {
            return side == .a ? comparison.groups[group].b : comparison.groups[group].a
        }
        let paragraph = story.sentences[sentence].paragraph
        guard let index = rows.row(side, paragraph: paragraph), comparison.rows.indices.contains(index) else { return [] }
        let row = comparison.rows[index]
        let facingParagraphs: Range<Int> = side == .a ? row.b : row.a
        return facingParagraphs.flatMap { p in other.paragraphs.indices.contains(p) ? Array(other.paragraphs[p].sentences) : [] }
            .filter { comparison.groupIndex(side.other, sentence: $0) == nil }
    }

    /// The figure of a count's key ("number:200 people" → 200).
    static func numberValue(_ key: String) -> Double? {
        guard key.hasPrefix("number:") else { return nil }
        return key.dropFirst(7).split(separator: " ").first.flatMap { Double($0) }
    }

    /// A fact only A states and a fact only B states, of one kind, in one matched group of
    /// sentences: the rewrite changed a value ("Friday" → "Thursday", "eight" → "six villages").
    private mutating func findChanges(_ comparison: Comparison) {
        var absorbed = Set<Int>()
        defer { remove(absorbed) }
        for group in comparison.groups where group.sentenceClass != .identical {
            var onlyA: [Int] = [], onlyB: [Int] = []
            for s in group.a { for id in factsOfA[s] where facts[id].status == .onlyA && !onlyA.contains(id) { onlyA.append(id) } }
            for s in group.b { for id in factsOfB[s] where facts[id].status == .onlyB && !onlyB.contains(id) { onlyB.append(id) } }
            for x in onlyA {
                guard let y = onlyB.first(where: { facts[$0].status == .onlyB && Self.comparable(facts[x], facts[$0]) }) else { continue }
                if facts[x].kind == .person, Self.respelt(facts[x].label, facts[y].label) {
                    // A typo fixed or made in a name is one person, spelt two ways.
                    facts[x].b = facts[y].b
                    facts[x].status = .both
                    if !facts[x].variants.contains(facts[y].label) { facts[x].variants.append(facts[y].label) }
                    facts[y].b = []
                    for s in group.b { factsOfB[s].removeAll { $0 == y }; if !factsOfB[s].contains(x), facts[x].b.contains(where: { $0.sentence == s }) { factsOfB[s].append(x) } }
                    absorbed.insert(y)
                    continue
                }
                facts[x].status = .changed; facts[x].changedWith = y
                facts[y].status = .changed; facts[y].changedWith = x
            }
        }
    }

    /// Drops facts whose mentions went to another fact, and numbers the rest again.
    private mutating func remove(_ ids: Set<Int>) {
        guard !ids.isEmpty else { return }
        var newID: [Int?] = []
        var next = 0
        for id in facts.indices { if ids.contains(id) { newID.append(nil) } else { newID.append(next); next += 1 } }
        facts = facts.filter { !ids.contains($0.id) }
        for index in facts.indices {
            facts[index].id = index
            facts[index].changedWith = facts[index].changedWith.flatMap { newID.indices.contains($0) ? newID[$0] : nil }
        }
        factsOfA = factsOfA.map { $0.compactMap { newID.indices.contains($0) ? newID[$0] : nil } }
        factsOfB = factsOfB.map { $0.compactMap { newID.indices.contains($0) ? newID[$0] : nil } }
    }

    /// Two spellings of one name: the same words but one, and that one a few letters apart
    /// ("Andrew Demitriew" / "Andrew Demetriou", "Jose Vicente da Silva" / "da Silvia").
    static func respelt(_ x: String, _ y: String) -> Bool {
        let partsX = StoryWords.fold(x), partsY = StoryWords.fold(y)
        guard partsX.count >= 2, partsX.count == partsY.count else { return false }
        let differing = zip(partsX, partsY).filter { $0 != $1 }
        guard differing.count == 1, let (p, q) = differing.first else { return false }
        let limit = max(1, min(p.count, q.count) / 3)
        return EntityIndex.editDistance(Array(p.unicodeScalars), Array(q.unicodeScalars)) <= limit
    }

    /// Two facts that can stand for one another: two dates, two amounts in one currency, two
    /// counts of one thing, two people. Places and organisations are not paired: a rewrite that
    /// credits another outlet or source has not changed a fact of the story.
    static func comparable(_ x: Fact, _ y: Fact) -> Bool {
        guard x.kind == y.kind else { return false }
        switch x.kind {
        case .date, .percent, .time: return true
        case .person: return true
        case .money: return x.key.split(separator: " ").first == y.key.split(separator: " ").first
        case .number:
            let unitX = x.key.split(separator: " ").dropFirst(), unitY = y.key.split(separator: " ").dropFirst()
            return !unitX.isEmpty && unitX.elementsEqual(unitY)
        case .place, .organisation, .name: return false
        }
    }

    /// The facts a sentence states.
    public func facts(_ side: Side, sentence: Int) -> [Fact] {
        let ids = side == .a ? factsOfA : factsOfB
        guard ids.indices.contains(sentence) else { return [] }
        return ids[sentence].map { facts[$0] }
    }

    /// Facts that differ between the versions (only in one, or changed).
    public var differences: [Fact] { facts.filter { $0.status != .both } }

    public func names(_ side: Side) -> [EntityMention] { side == .a ? namesA : namesB }

    /// Counts by status: what the summary and the reports' headings show.
    public func count(_ status: Fact.Status) -> Int { facts.filter { $0.status == status }.count }

    /// The ledger in reading order for people: changes first, then what only A and only B state,
    /// then what both state; by kind and place within each.
    public var ordered: [Fact] {
        let rank: [Fact.Status: Int] = [.changed: 0, .onlyA: 1, .onlyB: 2, .both: 3]
        return facts.sorted { x, y in
            if x.status != y.status { return rank[x.status]! < rank[y.status]! }
            if x.status == .changed, let partner = x.changedWith {
                // A change is shown once, as a pair, at its A half.
                let xKey = x.a.isEmpty ? partner : x.id, yKey = y.a.isEmpty ? (y.changedWith ?? y.id) : y.id
                if xKey != yKey { return firstPosition(facts[xKey]) < firstPosition(facts[yKey]) }
                return !x.a.isEmpty && y.a.isEmpty
            }
            return firstPosition(x) < firstPosition(y)
        }
    }

    private func firstPosition(_ fact: Fact) -> (Int, Int) {
        if let mention = fact.a.first { return (0, mention.span.start) }
        return (1, fact.b.first?.span.start ?? 0)
    }
}
