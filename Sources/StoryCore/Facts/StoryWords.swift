/// The words of one story, folded (lower case, hyphens and punctuation as breaks), for asking
/// whether it states a fact the rules found only in the other version, spelt another way:
/// "Carphedon" / "carphedon", "Anti Doping" / "Anti-Doping", "BingDian" / "Bing Dian",
/// "7 figure" / "seven-figure", "6" / "6th".
struct StoryWords {
    struct Word {
        var key: String
        var capitalised: Bool
        var span: TextSpan
        var sentence: Int
    }

    private(set) var words: [Word] = []
    /// Positions of each folded word, and of each two neighbours written together.
    private var positions: [String: [Int]] = [:]
    private var joined: [String: [Int]] = [:]
    private var firstWordOfSentence: [Int] = []

    init(_ story: Story) {
        let scalars = story.scalars
        // ASCII answered directly: Unicode's property tables are most of the cost otherwise.
        func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
            if scalar.isASCII {
                let v = scalar.value
                return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
            }
            return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
        func isDigit(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII ? (scalar.value >= 0x30 && scalar.value <= 0x39) : scalar.properties.numericType != nil
        }
        func isUpper(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII ? (scalar.value >= 0x41 && scalar.value <= 0x5A) : scalar.properties.isUppercase
        }
        func isLower(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII ? (scalar.value >= 0x61 && scalar.value <= 0x7A) : scalar.properties.isLowercase
        }
        /// The folded key of a word: ASCII lower-cased by hand (a String built scalar by scalar
        /// and lower-cased again was most of the index's cost).
        var bytes: [UInt8] = []
        func key(_ range: Range<Int>) -> String {
            bytes.removeAll(keepingCapacity: true)
            for index in range {
                let scalar = scalars[index]
                guard scalar.isASCII else { return String(String.UnicodeScalarView(scalars[range])).lowercased() }
                let v = UInt8(scalar.value)
                bytes.append(v >= 0x41 && v <= 0x5A ? v + 0x20 : v)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        for sentence in story.sentences {
            firstWordOfSentence.append(words.count)
            var start: Int?
            var position = sentence.span.start
            let end = min(sentence.span.end, scalars.count)
            while position <= end {
                // "500,000" and "40.90" are one word: a comma or point between digits.
                let isDigitJoint = position > sentence.span.start && position + 1 < end && (scalars[position] == "," || scalars[position] == ".")
                    && isDigit(scalars[position - 1]) && isDigit(scalars[position + 1])
                let isPart = position < end && (isLetterOrDigit(scalars[position]) || isDigitJoint)
                // Words run together are two: "ThursdayJanuary", "eBay" (found again as a pair).
                let glued = isPart && start != nil && position > 0 && isUpper(scalars[position]) && isLower(scalars[position - 1])
                if glued, let begin = start {
                    words.append(Word(key: key(begin..<position), capitalised: isUpper(scalars[begin]), span: TextSpan(begin, position), sentence: sentence.index))
                    start = position
                }
                if isPart, start == nil { start = position }
                if !isPart, let begin = start {
                    let capitalised = isUpper(scalars[begin])
                    words.append(Word(key: key(begin..<position), capitalised: capitalised, span: TextSpan(begin, position), sentence: sentence.index))
                    start = nil
                }
                position += 1
            }
        }
        for (index, word) in words.enumerated() {
            positions[word.key, default: []].append(index)
            // Only a name is found split in two ("Bing Dian" for "BingDian"): pairs that open
            // with a capital, not every pair of the story.
            if word.capitalised, index + 1 < words.count, words[index + 1].sentence == word.sentence {
                joined[word.key + words[index + 1].key, default: []].append(index)
            }
        }
    }

    /// The folded words of a phrase.
    static func fold(_ text: String) -> [String] {
        var pieces: [String] = []
        for run in text.unicodeScalars.split(whereSeparator: { !($0.properties.isAlphabetic || $0.properties.numericType != nil) }) {
            var piece = String.UnicodeScalarView()
            var previous: Unicode.Scalar?
            for scalar in run {
                if let previous, previous.properties.isLowercase, scalar.properties.isUppercase, !piece.isEmpty {
                    pieces.append(String(piece).lowercased()); piece = String.UnicodeScalarView()
                }
                piece.append(scalar); previous = scalar
            }
            if !piece.isEmpty { pieces.append(String(piece).lowercased()) }
        }
        return pieces
    }

    /// Where the story has the phrase's words in a row (or written as one word, or a one-word
    /// phrase split in two): the span and sentence of each place, and whether a word of it is
    /// capitalised.
    func occurrences(of phrase: String) -> [(span: TextSpan, sentence: Int, capitalised: Bool)] {
        let keys = Self.fold(phrase)
        guard let first = keys.first else { return [] }
        var found: [(TextSpan, Int, Bool)] = []
        for start in positions[first] ?? [] {
            let last = start + keys.count - 1
            guard last < words.count, words[last].sentence == words[start].sentence else { continue }
            if (1..<keys.count).allSatisfy({ words[start + $0].key == keys[$0] }) {
                found.append((TextSpan(words[start].span.start, words[last].span.end), words[start].sentence,
                              words[start...last].contains { $0.capitalised }))
            }
        }
        let together = keys.joined()
        if keys.count > 1 {
            for index in positions[together] ?? [] { found.append((words[index].span, words[index].sentence, words[index].capitalised)) }
        } else {
            for index in joined[together] ?? [] {
                found.append((TextSpan(words[index].span.start, words[index + 1].span.end), words[index].sentence, words[index].capitalised))
            }
        }
        return found
    }

    /// The words of one sentence.
    func words(inSentence sentence: Int) -> ArraySlice<Word> {
        guard firstWordOfSentence.indices.contains(sentence) else { return [] }
        let end = sentence + 1 < firstWordOfSentence.count ? firstWordOfSentence[sentence + 1] : words.count
        return words[firstWordOfSentence[sentence]..<end]
    }

    /// The value a word writes, as a figure or a number word, an ordinal included ("6th",
    /// "seven", "twenty").
    static func value(of key: String) -> Double? {
        var digits = Substring(key)
        for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) && digits.dropLast(2).allSatisfy(\.isNumber) {
            digits = digits.dropLast(2)
        }
        let figure = digits.filter { $0 != "," }
        if !figure.isEmpty, figure.allSatisfy({ $0.isNumber || $0 == "." }) { return Double(figure) }
        if let word = Lexicon.numberWords[key], key != "dozen" { return Double(word) }
        return nil
    }
}
