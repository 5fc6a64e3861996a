import Foundation
import Synchronization

/// Princeton WordNet 3.0 as Debian's `wordnet-base` installs it (`/usr/share/wordnet`), read from
/// its database files (format in wndb(5WN), morphology in morphy(7WN)):
/// - the exception lists (`verb.exc`, `noun.exc`) give the base form of irregular words
///   ("fled" → "flee", "went" → "go", "children" → "child");
/// - the index files (`index.noun`, …), sorted by lemma, give each lemma's synsets, found by
///   binary search in the file's bytes; two words that share a synset are synonyms.
///
/// The files are read, not called through `libwordnet`: that library keeps its open files, its
/// search results and static buffers in global state (one caller at a time), and seeks the file
/// on every look-up. Mapped into memory once, the files answer from immutable bytes, on any
/// thread, in a microsecond, and only the pages a comparison looks at are ever read.
/// Without the database (not installed) every look-up answers nothing, and matching falls back
/// to stems alone.
public struct WordNet: Sendable {
    /// The database every comparison shares, read on first use.
    public static let shared = WordNet(directory: WordNet.defaultDirectory)

    /// Where the database is: `STORYDIFF_WORDNET` (tests, other systems), else Debian's place.
    static var defaultDirectory: String {
        ProcessInfo.processInfo.environment["STORYDIFF_WORDNET"] ?? "/usr/share/wordnet"
    }

    /// Parts of speech, in the order base forms are tried.
    enum PartOfSpeech: Int, CaseIterable, Sendable {
        case noun, verb, adjective, adverb
        var fileSuffix: String { ["noun", "verb", "adj", "adv"][rawValue] }
    }

    /// Irregular word → base form (verbs first, then nouns: "saw" is read as "see").
    private let exceptions: [String: String]
    /// Per part of speech: the exceptions of that part (for synonym look-ups by part).
    private let exceptionsByPart: [[String: [String]]]
    /// The index files' bytes, one per part of speech (empty when missing).
    private let indexes: [Data]
    /// The synsets (`data.noun`, …), one file per part of speech: their words (names are written
    /// with capitals) and pointers (pertainyms, hypernyms, derivations).
    private let data: [Data]
    private var nounData: Data { data[PartOfSpeech.noun.rawValue] }

    /// Senses already looked up, for the process: a batch of comparisons meets the same words.
    private let cache = SenseCache()

    /// The database was found.
    public var isAvailable: Bool { indexes.contains { !$0.isEmpty } }

    init(directory: String) {
        var exceptions: [String: String] = [:]
        var byPart: [[String: [String]]] = []
        var indexes: [Data] = []
        for part in PartOfSpeech.allCases {
            var table: [String: [String]] = [:]
            if let data = FileManager.default.contents(atPath: "\(directory)/\(part.fileSuffix).exc") {
                // Bytes, not Characters: the lists are ASCII, and splitting by grapheme took a
                // fifth of a small comparison's time.
                for line in [UInt8](data).split(separator: 0x0A) {
                    let fields = line.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
                    guard fields.count >= 2 else { continue }
                    let bases = Array(fields.dropFirst())
                    table[fields[0], default: []] += bases
                    // Only verbs and nouns give a matching form: "better" → "good" is a change of sense.
                    if part == .verb || part == .noun, exceptions[fields[0]] == nil, !fields[0].contains("_") {
                        exceptions[fields[0]] = bases[0]
                    }
                }
            }
            byPart.append(table)
            indexes.append(Self.read("\(directory)/index.\(part.fileSuffix)"))
        }
        self.exceptions = exceptions
        self.exceptionsByPart = byPart
        self.indexes = indexes
        data = PartOfSpeech.allCases.map { Self.read("\(directory)/data.\($0.fileSuffix)") }
    }

    /// A file's bytes, mapped (not read: a comparison touches a few pages of them), or empty
    /// when missing.
    private static func read(_ path: String) -> Data {
        (try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)) ?? Data()
    }

    /// A capitalised word that WordNet does not know, or knows as a name in one of its first
    /// noun senses ("india", "syria"; not "crisis", nor "turkey" first of all the bird).
    public func isName(_ word: String) -> Bool {
        guard isAvailable else { return true }
        if let known = cache.names.withLock({ $0[word] }) { return known }
        let found = looksLikeName(word)
        cache.names.withLock { if $0.count < SenseCache.capacity { $0[word] = found } }
        return found
    }

    private func looksLikeName(_ word: String) -> Bool {
        if !contains(word) { return true }
        for offset in offsets(word, .noun).prefix(3) {
            let fields = Self.line(at: Int(offset), in: nounData).split(separator: 0x20, maxSplits: 4 + 2 * 8)
            guard fields.count > 4, let words = Self.number(fields[3], radix: 16) else { continue }
            for k in 0..<min(words, 8) where 4 + 2 * k < fields.count {
                let lemma = fields[4 + 2 * k]
                if let first = lemma.first, first >= 0x41 && first <= 0x5A,
                   String(decoding: lemma, as: UTF8.self).lowercased() == word { return true }
            }
        }
        return false
    }

    /// The base form an irregular noun or verb has, if it is irregular ("fled" → "flee").
    public func irregularBase(_ word: String) -> String? { exceptions[word] }

    /// A word's senses in any part of speech, through its base forms, most frequent first within
    /// each part and `limit` per part at most (rare senses make false synonyms: "run" has 41 as a
    /// verb), and the senses one step from them, found together (the base forms are looked up
    /// once for both).
    public struct Senses: Sendable, Equatable {
        /// The word's synsets (an adjective's also the nouns it pertains to: "Turkish", "Turkey").
        public var synsets: [UInt32] = []
        /// Synsets one step away: hypernyms ("ambassador" → "diplomat") and derivations
        /// ("hospitalize" ↔ "hospital"), for nouns and verbs. Weaker than a shared sense.
        public var neighbours: [UInt32] = []
    }

    public func senses(of word: String, limit: Int = .max) -> Senses {
        let key = "\(limit) \(word)"
        if let known = cache.known.withLock({ $0[key] }) { return known }
        let found = lookUpSenses(of: word, limit: limit)
        cache.known.withLock { if $0.count < SenseCache.capacity { $0[key] = found } }
        return found
    }

    private func lookUpSenses(of word: String, limit: Int) -> Senses {
        var senses = Senses()
        for part in PartOfSpeech.allCases {
            for line in baseLines(word, part) {
                for offset in offsets(line, part).prefix(limit) {
                    // A synset is an offset within its part's data file: the part goes in the top bits.
                    let id = UInt32(part.rawValue) << 28 | offset
                    if !senses.synsets.contains(id) { senses.synsets.append(id) }
                    switch part {
                    case .adjective:
                        for noun in pertainyms(offset) where !senses.synsets.contains(noun) { senses.synsets.append(noun) }
                    case .noun, .verb:
                        for (symbol, target) in pointers(offset, part) where symbol == "@" || symbol == "@i" || symbol == "+" {
                            if !senses.neighbours.contains(target) { senses.neighbours.append(target) }
                        }
                    case .adverb: break
                    }
                }
            }
        }
        return senses
    }

    /// The senses of a phrasal verb ("stepped" + "down" → step_down: resign), most frequent first.
    public func phrasalSynsets(verb: String, particle: String, limit: Int = .max) -> [UInt32] {
        var result: [UInt32] = []
        for base in baseForms(verb, .verb) {
            for offset in offsets("\(base)_\(particle)", .verb).prefix(limit) {
                let id = UInt32(PartOfSpeech.verb.rawValue) << 28 | offset
                if !result.contains(id) { result.append(id) }
            }
        }
        return result
    }

    /// The word (or its base form) is in WordNet as any part of speech.
    public func knows(_ word: String) -> Bool { PartOfSpeech.allCases.contains { !baseEntries(word, $0).isEmpty } }

    /// The word (or its base form) is a noun in WordNet.
    public func isNoun(_ word: String) -> Bool { !baseEntries(word, .noun).isEmpty }

    /// The word (or its base form) is a verb in WordNet ("paid" → "pay").
    public func isVerb(_ word: String) -> Bool { !baseEntries(word, .verb).isEmpty }

    /// A noun written in the plural: WordNet has it only through a base form other than itself
    /// ("hours" → "hour", "children" → "child"; not "news", not "hour").
    public func isPluralNoun(_ word: String) -> Bool {
        let forms = baseEntries(word, .noun).map(\.form)
        return !forms.isEmpty && !forms.contains(word)
    }

    /// The word is an adjective in WordNet and not a noun ("nautical", not "commercial").
    public func isOnlyAdjective(_ word: String) -> Bool {
        !baseEntries(word, .adjective).isEmpty && baseEntries(word, .noun).isEmpty
    }

    /// Whether a lemma ("gain_ground") is in WordNet as any part of speech.
    public func contains(_ lemma: String) -> Bool {
        PartOfSpeech.allCases.contains { line(of: lemma, in: indexes[$0.rawValue]) != nil }
    }

    /// Morphy: the word itself if it is a lemma, its exceptions, and the forms its detachment
    /// rules give that are lemmas.
    func baseForms(_ word: String, _ part: PartOfSpeech) -> [String] { baseEntries(word, part).map(\.form) }

    /// The base forms with their index lines.
    private func baseLines(_ word: String, _ part: PartOfSpeech) -> [Range<Int>] { baseEntries(word, part).map(\.line) }

    private func baseEntries(_ word: String, _ part: PartOfSpeech) -> [(form: String, line: Range<Int>)] {
        let index = indexes[part.rawValue]
        guard !index.isEmpty else { return [] }
        var forms: [(form: String, line: Range<Int>)] = []
        func add(_ form: String) {
            if !forms.contains(where: { $0.form == form }), let found = line(of: form, in: index) { forms.append((form, found)) }
        }
        add(word)
        for base in exceptionsByPart[part.rawValue][word] ?? [] { add(base) }
        let rules: [(String, String)]
        switch part {
        case .noun: rules = [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y")]
        case .verb: rules = [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")]
        case .adjective: rules = [("er", ""), ("est", ""), ("er", "e"), ("est", "e")]
        case .adverb: rules = []
        }
        for (suffix, ending) in rules where word.count > suffix.count + 1 && word.hasSuffix(suffix) {
            add(String(word.dropLast(suffix.count)) + ending)
        }
        // A doubled consonant before -ed/-ing ("stopped" → "stop").
        if part == .verb {
            for suffix in ["ed", "ing"] where word.hasSuffix(suffix) {
                let stem = Array(word.utf8.dropLast(suffix.utf8.count))
                if stem.count >= 3, stem[stem.count - 1] == stem[stem.count - 2] {
                    add(String(decoding: stem.dropLast(), as: UTF8.self))
                }
            }
        }
        return forms
    }

    /// A synset's pointers: (symbol, target synset id).
    private func pointers(_ offset: UInt32, _ part: PartOfSpeech) -> [(String, UInt32)] {
        let line = Self.line(at: Int(offset), in: data[part.rawValue])
        let fields = line.prefix { $0 != 0x7C }.split(separator: 0x20)   // up to the gloss
        guard fields.count > 4, let words = Self.number(fields[3], radix: 16) else { return [] }
        let countField = 4 + 2 * words
        guard countField < fields.count, let count = Self.number(fields[countField]) else { return [] }
        var result: [(String, UInt32)] = []
        for k in 0..<count {
            let at = countField + 1 + 4 * k
            guard at + 2 < fields.count, let target = Self.number(fields[at + 1]) else { break }
            let targetPart: PartOfSpeech
            switch fields[at + 2].first {
            case 0x6E: targetPart = .noun      // n
            case 0x76: targetPart = .verb      // v
            case 0x61, 0x73: targetPart = .adjective   // a, s
            case 0x72: targetPart = .adverb    // r
            default: continue
            }
            let symbol = fields[at]
            // Only the pointers the matcher follows get a string.
            let name: String
            switch (symbol.first, symbol.count) {
            case (0x40, 1): name = "@"
            case (0x40, 2) where symbol.last == 0x69: name = "@i"
            case (0x2B, 1): name = "+"
            case (0x5C, 1): name = "\\"
            default: continue
            }
            result.append((name, UInt32(targetPart.rawValue) << 28 | UInt32(target)))
        }
        return result
    }

    /// A decimal (or hexadecimal) field of a database line.
    private static func number(_ field: ArraySlice<UInt8>, radix: Int = 10) -> Int? {
        guard !field.isEmpty, field.count < 12 else { return nil }
        var value = 0
        for byte in field {
            let digit: Int
            switch byte {
            case 0x30...0x39: digit = Int(byte - 0x30)
            case 0x61...0x66 where radix == 16: digit = Int(byte - 0x61 + 10)
            default: return nil
            }
            value = value * radix + digit
        }
        return value
    }

    /// The noun synsets an adjective synset pertains to (its `\\` pointers to nouns).
    private func pertainyms(_ offset: UInt32) -> [UInt32] {
        pointers(offset, .adjective).filter { $0.0 == "\\" && $0.1 >> 28 == UInt32(PartOfSpeech.noun.rawValue) }.map(\.1)
    }

    /// The synset offsets of a lemma's index line (the line's last fields, in sense order).
    private func offsets(_ lemma: String, _ part: PartOfSpeech) -> [UInt32] {
        guard let range = line(of: lemma, in: indexes[part.rawValue]) else { return [] }
        return offsets(range, part)
    }

    private func offsets(_ range: Range<Int>, _ part: PartOfSpeech) -> [UInt32] {
        let fields = Self.line(at: range.lowerBound, in: indexes[part.rawValue]).split(separator: 0x20)
        // lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt synset_offset…
        guard fields.count > 4, let synsetCount = Int(String(decoding: fields[2], as: UTF8.self)),
              let pointerCount = Int(String(decoding: fields[3], as: UTF8.self)) else { return [] }
        let first = 4 + pointerCount + 2
        guard synsetCount >= 0, first + synsetCount <= fields.count else { return [] }
        return fields[first..<(first + synsetCount)].compactMap { UInt32(String(decoding: $0, as: UTF8.self)) }
    }

    /// The byte range of the line that starts with `lemma` and a space, by binary search over
    /// the sorted lines (the licence header's lines start with spaces and sort first).
    private func line(of lemma: String, in index: Data) -> Range<Int>? {
        let key = Array(lemma.utf8)
        guard !key.isEmpty, !index.isEmpty, !key.contains(0x20), !key.contains(0x0A) else { return nil }
        // Raw bytes: Data's subscript costs more than the search itself.
        return index.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Range<Int>? in
            var low = 0, high = bytes.count
            while low < high {
                let middle = (low + high) / 2
                var start = middle
                while start > 0 && bytes[start - 1] != 0x0A { start -= 1 }
                var end = start
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                switch Self.compare(key, bytes, start, end) {
                case 0: return start..<end
                case -1: high = start
                default: low = end + 1
                }
            }
            return nil
        }
    }

    /// The bytes of the line that starts at `start` (a synset's offset in its data file), copied
    /// out of the mapping in one piece.
    private static func line(at start: Int, in file: Data) -> [UInt8] {
        file.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> [UInt8] in
            guard start >= 0, start < bytes.count else { return [] }
            var end = start
            while end < bytes.count && bytes[end] != 0x0A && end - start < 16_384 { end += 1 }
            return Array(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
        }
    }

    /// -1 if the key sorts before the line's first field, 0 if it is that field, 1 if after.
    private static func compare(_ key: [UInt8], _ bytes: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> Int {
        var i = 0, j = start
        while true {
            let lineDone = j >= end || bytes[j] == 0x20
            if i == key.count { return lineDone ? 0 : -1 }
            if lineDone { return 1 }
            if key[i] != bytes[j] { return key[i] < bytes[j] ? -1 : 1 }
            i += 1; j += 1
        }
    }
}

/// Words' senses as looked up, shared by all comparisons of a process.
private final class SenseCache: Sendable {
    static let capacity = 200_000
    let known = Mutex<[String: WordNet.Senses]>([:])
    let names = Mutex<[String: Bool]>([:])
}
