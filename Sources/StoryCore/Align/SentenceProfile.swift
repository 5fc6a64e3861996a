/// Interns normalised words so that profiles compare integers, not strings.
struct Vocabulary {
    /// The first word seen for each stem: what explanations show ("productive", not "productiv").
    private(set) var words: [String] = []
    private var ids: [String: Int] = [:]

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
            for part in normalisedParts(folded: token.key) {
                if Lexicon.honorifics.contains(part) { continue }
                let isNumber = part.utf8.first.map { $0 >= 0x30 && $0 <= 0x39 } ?? false
                let stem = isNumber ? part : Stemmer.stem(part)
                let id = vocabulary.id(stem, surface: part)
                order.append(id)
                if isNumber { numbers.insert(part) }
                if !Lexicon.stopWords.contains(part) { terms[id, default: 0] += 1 }
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
