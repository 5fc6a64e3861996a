/// A word or punctuation mark of a sentence, with its place in the story's text.
public struct Token: Hashable, Sendable {
    public var span: TextSpan
    /// The token folded for matching (`MatchKey.fold`): lowercase, ASCII quotes and dashes.
    public var key: String
    public var isWord: Bool
    /// Written with a capital first letter (a name, a title, or the first word of a sentence).
    public var isCapitalized: Bool = false
}

/// Splits text into words and punctuation, keeping offsets. Words keep their inner apostrophes,
/// hyphens, acronym dots and number separators ("Kyiv’s", "cease-fire", "U.S.", "1,000.50").
public enum Tokenizer {
    public static func tokens(_ scalars: [Unicode.Scalar], in span: TextSpan) -> [Token] {
        var tokens: [Token] = []
        var index = span.start
        let end = span.end
        while index < end {
            let scalar = scalars[index]
            if scalar.isSpace { index += 1; continue }
            if isIdeograph(scalar) {
                tokens.append(make(scalars, index, index + 1, word: true))
                index += 1
                continue
            }
            if isWordScalar(scalar) {
                var cursor = index + 1
                while cursor < end {
                    let current = scalars[cursor]
                    if isWordScalar(current) && !isIdeograph(current) { cursor += 1; continue }
                    // A joiner stays inside the word only when a word character follows it.
                    guard cursor + 1 < end, isWordScalar(scalars[cursor + 1]), !isIdeograph(scalars[cursor + 1]) else { break }
                    let digits = scalars[cursor - 1].isNumeric && scalars[cursor + 1].isNumeric
                    let joins: Bool
                    switch current {
                    case "'", "\u{2019}", "-", "\u{2010}", "\u{2011}", "&", "@", "_": joins = true
                    case ".": joins = digits || isAcronymDot(scalars, cursor, start: index)
                    case ",": joins = digits
                    default: joins = false
                    }
                    guard joins else { break }
                    cursor += 1
                }
                // "U.S." keeps its final dot.
                if cursor < end, scalars[cursor] == ".", isAcronymEnd(scalars, cursor, start: index) { cursor += 1 }
                tokens.append(make(scalars, index, cursor, word: true))
                index = cursor
                continue
            }
            tokens.append(make(scalars, index, index + 1, word: false))
            index += 1
        }
        return tokens
    }

    private static func make(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int, word: Bool) -> Token {
        let first = scalars[start]
        let capital = first.value < 0x80 ? (0x41...0x5A).contains(first.value) : first.properties.isUppercase
        return Token(span: TextSpan(start, end), key: MatchKey.fold(scalars: scalars[start..<end], capacity: end - start + 4),
                     isWord: word, isCapitalized: capital)
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.isASCIILetterOrDigit }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
            || properties.generalCategory == .spacingMark
    }

    static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x3040 { return false }
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: return true
        default: return false
        }
    }

    /// A dot between single letters: the "U.S" of "U.S.", the "a.m" of "a.m.".
    private static func isAcronymDot(_ scalars: [Unicode.Scalar], _ dot: Int, start: Int) -> Bool {
        let before = dot - 1
        let singleBefore = before == start || !isWordScalar(scalars[before - 1]) || scalars[before - 1] == "."
        let after = dot + 1
        let singleAfter = after + 1 >= scalars.count || !isWordScalar(scalars[after + 1])
        return singleBefore && singleAfter && scalars[before].properties.isAlphabetic && scalars[after].properties.isAlphabetic
    }

    private static func isAcronymEnd(_ scalars: [Unicode.Scalar], _ dot: Int, start: Int) -> Bool {
        // The word so far looks like X.Y (letters separated by dots).
        guard dot - start >= 3, scalars[dot - 2] == "." else { return false }
        return scalars[dot - 1].properties.isAlphabetic
    }
}
