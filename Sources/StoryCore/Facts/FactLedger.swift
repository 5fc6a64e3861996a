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

    public init(_ comparison: Comparison) {
        let inside = FactExtractor.capitalisedInside(comparison.a).union(FactExtractor.capitalisedInside(comparison.b))
        let foundA = FactExtractor.facts(in: comparison.a, capitalisedInside: inside)
        let foundB = FactExtractor.facts(in: comparison.b, capitalisedInside: inside)
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
        findChanges(comparison)
    }

    /// A fact only A states and a fact only B states, of one kind, in one matched group of
    /// sentences: the rewrite changed a value ("Friday" → "Thursday", "eight" → "six villages").
    private mutating func findChanges(_ comparison: Comparison) {
        for group in comparison.groups where group.sentenceClass != .identical {
            var onlyA: [Int] = [], onlyB: [Int] = []
            for s in group.a { for id in factsOfA[s] where facts[id].status == .onlyA && !onlyA.contains(id) { onlyA.append(id) } }
            for s in group.b { for id in factsOfB[s] where facts[id].status == .onlyB && !onlyB.contains(id) { onlyB.append(id) } }
            for x in onlyA {
                guard let y = onlyB.first(where: { facts[$0].status == .onlyB && Self.comparable(facts[x], facts[$0]) }) else { continue }
                facts[x].status = .changed; facts[x].changedWith = y
                facts[y].status = .changed; facts[y].changedWith = x
            }
        }
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
