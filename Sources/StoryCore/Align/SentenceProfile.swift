/// Interns normalised words so that profiles compare integers, not strings.
struct Vocabulary {
    /// The first word seen for each stem: what explanations show ("productive", not "productiv").
    private(set) var words: [String] = []
    private var ids: [String: Int] = [:]
    /// What a folded token normalises to, remembered: news repeats its words, and stemming
    /// every occurrence again was a third of the comparison's time on long stories.
    private var parts: [String: [Part]] = [:]

    struct Part {
        var id: Int
        var isNumber: Bool
        var isStopWord: Bool
        var text: String
    }

    mutating func parts(of key: String) -> [Part] {
        if let known = parts[key] { return known }
        var result: [Part] = []
        for part in SentenceProfile.normalisedParts(folded: key) where !Lexicon.honorifics.contains(part) {
            let isNumber = part.utf8.first.map { $0 >= 0x30 && $0 <= 0x39 } ?? false
            let stem = isNumber ? part : Stemmer.stem(part)
            result.append(Part(id: id(stem, surface: part), isNumber: isNumber, isStopWord: Lexicon.stopWords.contains(part), text: part))
        }
        parts[key] = result
        return result
    }

    mutating func id(_ stem: String, surface: String) -> Int {
        if let id = ids[stem] { return id }
        let id = words.count
        words.append(surface)
        ids[stem] = id
        return id
    }
}

/// What the matcher knows about one sentence.
struct SentenceProfile {
    /// Equal keys mean identical sentences.
    var identity: String
    /// Stems of all words in order (stop words kept, honorifics dropped): for word order.
    var order: [Int]
    /// Stems of content words with their counts: for the weighted cosine and containment.
    var terms: [Int: Int]
    /// Numbers the sentence states, canonical ("30", "1000000").
    var numbers: Set<String>
    /// Words as a reader counts them.
    var wordCount: Int

    static func make(_ text: String, tokens: [Token], vocabulary: inout Vocabulary) -> SentenceProfile {
        var order: [Int] = []
        var terms: [Int: Int] = [:]
        var numbers = Set<String>()
        var wordCount = 0
        for token in tokens where token.isWord {
            wordCount += 1
            for part in vocabulary.parts(of: token.key) {
                order.append(part.id)
                if part.isNumber { numbers.insert(part.text) }
                if !part.isStopWord { terms[part.id, default: 0] += 1 }
            }
        }
        return SentenceProfile(identity: MatchKey.identity(text), order: order, terms: terms, numbers: numbers, wordCount: wordCount)
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
            parts.append(Lexicon.numberWords[part] ?? part)
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
        var result = SentenceProfile(identity: profiles.map(\.identity).joined(separator: " "), order: [], terms: [:], numbers: [], wordCount: 0)
        for profile in profiles {
            result.order += profile.order
            result.terms.merge(profile.terms, uniquingKeysWith: +)
            result.numbers.formUnion(profile.numbers)
            result.wordCount += profile.wordCount
        }
        return result
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        guard contains(target) else { return self }
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
