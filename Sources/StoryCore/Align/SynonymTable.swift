/// WordNet synsets of a comparison's content stems, looked up the first time a stem is left
/// unmatched in a pair that is being judged, then remembered: a word costs one look-up per
/// comparison, however many pairs it is in.
final class SynonymTable {
    private let words: [String]
    private var senses: [WordNet.Senses?]
    /// Phrasal verbs met, by verb stem and particle stem.
    private var phrasal: [Int: [UInt32]] = [:]
    /// The particles of English phrasal verbs ("step down", "call off", "carry out").
    static let particles: Set<String> = ["down", "up", "off", "out", "over", "back", "away", "in", "on", "through", "around"]
    /// Senses per part of speech that count: WordNet lists them most frequent first, and the
    /// rare ones make false synonyms ("run" has 41 senses as a verb).
    static let senses = 6

    init(vocabulary: Vocabulary) {
        words = vocabulary.words
        senses = [WordNet.Senses?](repeating: nil, count: vocabulary.words.count)
    }

    private func senses(of term: Int) -> WordNet.Senses {
        guard senses.indices.contains(term) else { return WordNet.Senses() }
        if let known = senses[term] { return known }
        var found = WordNet.shared.senses(of: words[term], limit: Self.senses)
        found.synsets.sort()
        found.neighbours.sort()
        senses[term] = found
        return found
    }

    func synsets(of term: Int) -> [UInt32] { senses(of: term).synsets }
    func neighbours(of term: Int) -> [UInt32] { senses(of: term).neighbours }

    /// The senses of a verb with the particle after it, when WordNet has the pair as a verb.
    func phrasalSynsets(_ verb: Int, particle: Int) -> [UInt32] {
        guard words.indices.contains(verb), words.indices.contains(particle), Self.particles.contains(words[particle]) else { return [] }
        let key = verb &* words.count &+ particle
        if let known = phrasal[key] { return known }
        let found = WordNet.shared.phrasalSynsets(verb: words[verb], particle: words[particle], limit: Self.senses).sorted()
        phrasal[key] = found
        return found
    }

    /// Senses shared, either side's word read alone or as a phrasal verb with its particle.
    func shareSense(_ x: Int, _ phrasalX: [UInt32], _ y: Int, _ phrasalY: [UInt32]) -> Bool {
        Self.intersect(synsets(of: x), synsets(of: y)) || Self.intersect(phrasalX, synsets(of: y))
            || Self.intersect(synsets(of: x), phrasalY) || Self.intersect(phrasalX, phrasalY)
    }

    /// One stem's sense is a hypernym or a derivation of the other's ("ambassador" and "diplomat").
    func areRelated(_ x: Int, _ y: Int) -> Bool {
        Self.intersect(synsets(of: x), neighbours(of: y)) || Self.intersect(neighbours(of: x), synsets(of: y))
    }

    private static func intersect(_ p: [UInt32], _ q: [UInt32]) -> Bool {
        var i = 0, j = 0
        while i < p.count && j < q.count {
            if p[i] == q[j] { return true }
            if p[i] < q[j] { i += 1 } else { j += 1 }
        }
        return false
    }

    /// Two stems share a sense ("challenged" and "disputed", "advanced" and "gained").
    func areSynonyms(_ x: Int, _ y: Int) -> Bool {
        Self.intersect(synsets(of: x), synsets(of: y))
    }
}
