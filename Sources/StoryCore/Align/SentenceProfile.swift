/// Interns normalised words so that profiles compare integers, not strings.
struct Vocabulary {
    /// The first word seen for each stem: what explanations show ("productive", not "productiv").
    private(set) var words: [String] = []
    private var ids: [String: Int] = [:]
    /// What a folded token normalises to, remembered: news repeats its words, and stemming
    /// every occurrence again was a third of the comparison's time on long stories. The parts
    /// of all tokens sit in one flat array; each token's are a range of it.
    private var keyIDs: [String: Int] = [:]
    /// Each token key's parts, by key id (nil until a word needs them).
    private var partsOfKey: [Range<Int>?] = []
    private(set) var allParts: [Part] = []
    /// Distinct token keys seen (words and punctuation): the range of key ids.
    var keyCount: Int { partsOfKey.count }
    /// Compounds the stories write both with and without hyphens: one word either way.
    var compounds = Compounds()
    /// Whether WordNet reads a token key as a name, by key id (0 unknown, 1 no, 2 yes).
    private var nameOfKey: [UInt8] = []

    init() {}

    /// Room for the distinct words of stories with this many word tokens, so that the tables do
    /// not grow step by step: about one in three tokens of a story is new, but the share falls
    /// as texts grow (Heaps' law, distinct ≈ K·√n), and a long text of few words must not
    /// reserve tables for millions it never has.
    init(expectedTokens: Int) {
        let distinct = min(expectedTokens / 3, 60 * Int(Double(max(0, expectedTokens)).squareRoot())) + 16
        keyIDs.reserveCapacity(distinct)
        partsOfKey.reserveCapacity(distinct)
        ids.reserveCapacity(distinct)
        words.reserveCapacity(distinct)
        allParts.reserveCapacity(distinct + distinct / 4)
    }

    struct Part {
        var id: Int
        var isNumber: Bool
        var isStopWord: Bool
    }

    /// A number for a token's key, the same for every token with that key: the one look-up by
    /// string a token costs; profiles and word diffs then work on the number.
    mutating func intern(_ key: String) -> Int {
        if let id = keyIDs[key] { return id }
        let id = partsOfKey.count
        keyIDs[key] = id
        partsOfKey.append(nil)
        return id
    }

    /// The range of `allParts` that a word's key (interned as `keyID`) normalises to.
    mutating func parts(of key: String, keyID: Int) -> Range<Int> {
        if let known = partsOfKey[keyID] { return known }
        let first = allParts.count
        let parts = compounds.joinedForm(of: key).map { [$0] } ?? SentenceProfile.normalisedParts(folded: key)
        for part in parts where !Lexicon.honorifics.contains(part) {
            let isNumber = part.utf8.first.map { $0 >= 0x30 && $0 <= 0x39 } ?? false
            let stem = isNumber ? part : WordStem.stem(part)
            allParts.append(Part(id: id(stem, surface: part), isNumber: isNumber, isStopWord: Lexicon.stopWords.contains(part)))
        }
        partsOfKey[keyID] = first..<allParts.count
        return first..<allParts.count
    }

    /// A capitalised word WordNet knows as a name or not at all (looked up once per key).
    mutating func isName(_ key: String, keyID: Int) -> Bool {
        if nameOfKey.count <= keyID { nameOfKey += [UInt8](repeating: 0, count: keyID + 1 - nameOfKey.count) }
        if nameOfKey[keyID] == 0 { nameOfKey[keyID] = WordNet.shared.isName(key) ? 2 : 1 }
        return nameOfKey[keyID] == 2
    }

    /// The stem is a number (its word is digits).
    func isNumber(_ term: Int) -> Bool {
        words.indices.contains(term) && (words[term].utf8.first.map { $0 >= 0x30 && $0 <= 0x39 } ?? false)
    }

    mutating func id(_ stem: String, surface: String) -> Int {
        if let id = ids[stem] { return id }
        let id = words.count
        words.append(surface)
        ids[stem] = id
        return id
    }
}

/// A content stem and how often a sentence uses it.
struct TermCount: Equatable {
    var term: Int
    var count: Int
}

/// What the matcher knows about one sentence.
struct SentenceProfile {
    /// Equal keys mean identical sentences.
    var identity: String
    /// Stems of all words in order (stop words kept, honorifics dropped): for word order.
    var order: SharedRun<Int>
    /// Stems of content words with their counts, sorted by stem id: for the weighted cosine and
    /// containment. Sorted arrays merge in one pass, with no hashing, and sum in a fixed order
    /// (so scores are the same in every run).
    var terms: SharedRun<TermCount>
    /// Numbers the sentence states, canonical ("30", "1000000").
    var numbers: Set<String>
    /// Words as a reader counts them.
    var wordCount: Int
    /// Content stems written as names (capitalised inside the sentence), in text order.
    var names: SharedRun<Int> = SharedRun([])

    /// The profile of one free-standing sentence.
    static func make(_ text: String, tokens: [Token], keyIDs: [Int], vocabulary: inout Vocabulary) -> SentenceProfile {
        var table = ProfileTable(sentences: 1)
        table.append(text, tokens: tokens, keyIDs: keyIDs, vocabulary: &vocabulary)
        return table[0]
    }

    /// Stem ids with their counts, sorted by id.
    static func counted(_ ids: [Int]) -> [TermCount] {
        var result: [TermCount] = []
        for id in ids.sorted() {
            if result.last?.term == id { result[result.count - 1].count += 1 } else { result.append(TermCount(term: id, count: 1)) }
        }
        return result
    }

    /// A word's matching forms: split at hyphens ("30-day" → "30", "day"), possessives and
    /// acronym dots dropped ("Kyiv's" → "kyiv", "u.s." → "us"), thousands separators dropped
    /// ("1,000" → "1000"), number words as digits ("eight" → "8"). Works on the folded bytes.
    static func normalisedParts(folded word: String) -> [String] {
        var bytes = Array(word.utf8)
        if bytes.count > 2, bytes[bytes.count - 2] == 0x27, bytes[bytes.count - 1] == 0x73 { bytes.removeLast(2) }
        if bytes.last == 0x27 { bytes.removeLast() }
        var parts: [String] = []
        var current: [UInt8] = []
        func flush() {
            guard !current.isEmpty else { return }
            let part = String(decoding: current, as: UTF8.self)
            parts.append(Lexicon.numberWords[part] ?? Lexicon.ordinalWords[part] ?? part)
            current.removeAll(keepingCapacity: true)
        }
        for byte in bytes {
            let inNumber = current.first.map { $0 >= 0x30 && $0 <= 0x39 } ?? false
            switch byte {
            case 0x2D: flush()                               // hyphen
            case 0x2C where inNumber: continue               // 1,000
            case 0x2E where !inNumber: continue              // u.s.
            default: current.append(byte)
            }
        }
        flush()
        return parts
    }

    /// Merges the profiles of several sentences (a split or merged group).
    static func joined(_ profiles: [SentenceProfile]) -> SentenceProfile {
        if profiles.count == 1 { return profiles[0] }
        var order: [Int] = [], terms: [TermCount] = [], numbers = Set<String>(), wordCount = 0, names: [Int] = []
        for profile in profiles {
            order += profile.order
            names += profile.names
            terms = merged(terms, profile.terms)
            numbers.formUnion(profile.numbers)
            wordCount += profile.wordCount
        }
        return SentenceProfile(identity: profiles.map(\.identity).joined(separator: " "), order: SharedRun(order),
                               terms: SharedRun(terms), numbers: numbers, wordCount: wordCount, names: SharedRun(names))
    }

    /// Two sorted term lists as one, counts added.
    static func merged(_ x: some RandomAccessCollection<TermCount>, _ y: some RandomAccessCollection<TermCount>) -> [TermCount] {
        let x = Array(x), y = Array(y)
        var result: [TermCount] = []
        result.reserveCapacity(x.count + y.count)
        var i = 0, j = 0
        while i < x.count || j < y.count {
            if j == y.count || (i < x.count && x[i].term < y[j].term) { result.append(x[i]); i += 1 }
            else if i == x.count || y[j].term < x[i].term { result.append(y[j]); j += 1 }
            else { result.append(TermCount(term: x[i].term, count: x[i].count + y[j].count)); i += 1; j += 1 }
        }
        return result
    }
}
