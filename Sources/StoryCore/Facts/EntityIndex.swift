/// A person, place or organisation named in either story, with all the spellings used for it.
public struct Entity: Codable, Hashable, Sendable {
    public var id: Int
    public var kind: FactKind
    /// The fullest form ("Vladimir V. Putin").
    public var label: String
    /// The other spellings seen ("Putin", "Vladimir Putin").
    public var variants: [String]
}

/// A name as it stands in one story, filed under its entity.
public struct EntityMention: Hashable, Sendable {
    public var side: Side
    public var sentence: Int
    public var span: TextSpan
    public var entity: Int
    public var titled: Bool
}

/// Files the names of both stories under entities: "Zelensky" and "Zelenskyy", "Mr. Putin",
/// "Putin" and "Vladimir V. Putin", "U.S." and "US" each become one.
struct EntityIndex {
    var entities: [Entity] = []
    /// For each found name (by side and position in its list): its entity, or nil when it was
    /// dropped (a capitalised ordinary word that opens a sentence).
    var entityOfA: [Int?] = []
    var entityOfB: [Int?] = []

    init(a: [FoundFact], b: [FoundFact]) {
        struct Item { var side: Side; var index: Int; var mention: NameMention; var form: String }
        var items: [Item] = []
        for (side, list) in [(Side.a, a), (.b, b)] {
            for (index, fact) in list.enumerated() {
                guard let mention = fact.name, !mention.parts.isEmpty else { continue }
                // Initials do not tell people apart ("Vladimir V. Putin" is "vladimir putin"), but a
                // name made only of initials ("A B C", "Mrs. V. V.") keeps them all.
                let words = mention.parts.filter { $0.count > 1 }
                let meaningful = mention.parts.count == 1 || words.isEmpty ? mention.parts : words
                var form = meaningful.joined(separator: " ")
                guard !form.isEmpty else { continue }
                if let alias = FactLexicon.aliases[form] { form = alias }
                items.append(Item(side: side, index: index, mention: mention, form: form))
            }
        }
        // Forms seen somewhere other than a sentence's first word are names; a first word is a
        // name only if it is seen elsewhere too, or known.
        var surnames = Set<String>()
        var seenInside = Set<String>()
        for item in items where !item.mention.sentenceInitialSingle {
            seenInside.insert(item.form)
            if item.mention.parts.count > 1, let last = item.mention.parts.last { surnames.insert(last) }
        }
        let known = seenInside.union(surnames)
        var knownByPrefix: [String: [String]] = [:]
        for form in known where form.count >= 6 { knownByPrefix[String(form.prefix(3)), default: []].append(form) }
        items.removeAll { item in
            guard item.mention.sentenceInitialSingle, !known.contains(item.form), !FactLexicon.places.contains(item.form),
                  !FactLexicon.organisations.contains(item.form) else { return false }
            // "Zelenskyy met …" opens a sentence, and "Volodymyr Zelensky" is named elsewhere.
            return !(knownByPrefix[String(item.form.prefix(3))] ?? []).contains { Self.nearSpelling($0, item.form) }
        }

        // What is known about each distinct form.
        struct FormInfo { var parts: [String]; var titled = false; var initial = false; var placeHints = 0; var displays: [String] = [] }
        var forms: [String: FormInfo] = [:]
        var order: [String] = []
        for item in items {
            var info = forms[item.form] ?? FormInfo(parts: item.form.split(separator: " ").map(String.init))
            if forms[item.form] == nil { order.append(item.form) }
            info.titled = info.titled || item.mention.titled
            info.initial = info.initial || item.mention.hasInitial
            if item.mention.hint == .place { info.placeHints += 1 }
            if !info.displays.contains(item.mention.display) { info.displays.append(item.mention.display) }
            forms[item.form] = info
        }
        func parts(_ form: String) -> [String] { forms[form]?.parts ?? [] }
        func isOrganisation(_ form: String) -> Bool {
            guard let info = forms[form] else { return false }
            return FactLexicon.organisations.contains(form) || info.parts.contains { FactLexicon.organisationHeads.contains($0) }
                || (info.parts.count == 1 && info.displays.contains { display in display.count >= 2 && display.allSatisfy { $0.isUppercase || $0 == "." } }
                    && !FactLexicon.places.contains(form) && FactLexicon.aliases.values.contains(form) == false)
        }
        func isPlace(_ form: String) -> Bool {
            guard let info = forms[form] else { return false }
            return FactLexicon.places.contains(form) || (info.parts.count > 1 && info.parts.last.map(FactLexicon.placeHeads.contains) == true)
                || (info.parts.count > 1 && ["north", "south", "east", "west"].contains(info.parts[0]))   // "East Pakistan"
        }
        func isThing(_ form: String) -> Bool {
            guard let info = forms[form], info.parts.count > 1, let last = info.parts.last else { return false }
            return FactLexicon.thingHeads.contains(last)
        }
        func personLike(_ form: String) -> Bool {
            guard let info = forms[form], !isOrganisation(form), !isPlace(form), !isThing(form) else { return false }
            return info.titled || info.initial || info.parts.count > 1
        }

        var union = UnionFind(order.count)
        let number = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        // People by surname: the multi-word forms that share one (allowing a spelling variant),
        // and the surname alone, when their first names agree.
        var bySurname: [String: [String]] = [:]
        for form in order where personLike(form) {
            guard let surname = parts(form).last else { continue }
            bySurname[surname, default: []].append(form)
        }
        // A surname alone, untitled ("Witkoff said"), joins the people who carry it.
        for form in order where !personLike(form) && parts(form).count == 1 && !isOrganisation(form) && !isPlace(form) {
            if bySurname[form] != nil { bySurname[form, default: []].append(form) }
            else if form.count >= 6, bySurname.keys.contains(where: { $0.hasPrefix(form.prefix(3)) && Self.nearSpelling($0, form) }) {
                bySurname[form] = [form]   // joined below with the surname it is a spelling of
            }
        }
        // Near spellings of a surname ("zelensky" / "zelenskyy") join one bucket.
        let surnameKeys = bySurname.keys.sorted()
        var surnameGroup = UnionFind(surnameKeys.count)
        var byPrefix: [String: [Int]] = [:]
        for (index, key) in surnameKeys.enumerated() where key.count >= 6 { byPrefix[String(key.prefix(3)), default: []].append(index) }
        for bucket in byPrefix.values where bucket.count > 1 {
            for x in bucket.indices { for y in bucket.indices where y > x {
                if Self.nearSpelling(surnameKeys[bucket[x]], surnameKeys[bucket[y]]) { surnameGroup.join(bucket[x], bucket[y]) }
            } }
        }
        var groups: [Int: [String]] = [:]
        for (index, key) in surnameKeys.enumerated() { groups[surnameGroup.find(index), default: []] += bySurname[key] ?? [] }
        for members in groups.values {
            let multi = members.filter { parts($0).count > 1 }
            let firstNames = Set(multi.compactMap { parts($0).first }.filter { $0.count > 1 })
            if firstNames.count <= 1 {
                guard let head = members.first.flatMap({ number[$0] }) else { continue }
                for member in members.dropFirst() { if let other = number[member] { union.join(head, other) } }
            } else {
                // Two people share the surname: join only forms with the same first name.
                var byFirst: [String: Int] = [:]
                for form in multi {
                    guard let first = parts(form).first, let index = number[form] else { continue }
                    if let other = byFirst[first] { union.join(other, index) } else { byFirst[first] = index }
                }
            }
        }

        // Entities, their kinds and labels.
        var entityOfRoot: [Int: Int] = [:]
        var members: [[String]] = []
        for (index, form) in order.enumerated() {
            let root = union.find(index)
            if let entity = entityOfRoot[root] { members[entity].append(form) } else {
                entityOfRoot[root] = members.count
                members.append([form])
            }
        }
        for (id, group) in members.enumerated() {
            let kind: FactKind
            if group.contains(where: isOrganisation) { kind = .organisation }
            else if group.contains(where: isThing) { kind = .name }
            else if group.contains(where: { forms[$0]?.titled == true }) { kind = .person }
            else if group.contains(where: isPlace) || group.contains(where: { (forms[$0]?.placeHints ?? 0) > 0 }) { kind = .place }
            else if group.contains(where: personLike) { kind = .person }
            else { kind = .name }
            let displays = group.flatMap { forms[$0]?.displays ?? [] }
            let label = displays.max { Self.partCount($0) < Self.partCount($1) } ?? group[0]
            var variants: [String] = []
            for display in displays where display != label && !variants.contains(display) { variants.append(display) }
            entities.append(Entity(id: id, kind: kind, label: label, variants: variants))
        }
        entityOfA = Array(repeating: nil, count: a.count)
        entityOfB = Array(repeating: nil, count: b.count)
        for item in items {
            guard let index = number[item.form], let entity = entityOfRoot[union.find(index)] else { continue }
            if item.side == .a { entityOfA[item.index] = entity } else { entityOfB[item.index] = entity }
        }
    }

    static func partCount(_ display: String) -> Int { display.split(separator: " ").count }

    /// Two spellings of one surname: one letter added, dropped or changed ("Zelensky",
    /// "Zelenskyy"; "Zelenskiy").
    static func nearSpelling(_ x: String, _ y: String) -> Bool {
        let a = Array(x.utf8), b = Array(y.utf8)
        guard !a.isEmpty, !b.isEmpty, abs(a.count - b.count) <= 1, a.first == b.first else { return false }
        return editDistance(a, b) <= 1
    }

    /// Letters added, dropped or changed to turn one spelling into the other (Levenshtein).
    static func editDistance<Letter: Equatable>(_ a: [Letter], _ b: [Letter]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

/// Disjoint sets over 0..<count, with path halving.
struct UnionFind {
    private var parent: [Int]
    init(_ count: Int) { parent = Array(0..<count) }
    mutating func find(_ x: Int) -> Int {
        var x = x
        while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
        return x
    }
    mutating func join(_ x: Int, _ y: Int) {
        let rx = find(x), ry = find(y)
        if rx != ry { parent[max(rx, ry)] = min(rx, ry) }
    }
}
