/// Cleans text pasted from PDFs and emails: quoted-email markers (`>`) and soft hyphens before
/// the layout is read, and words hyphenated at line ends ("negoti-\nations" → "negotiations")
/// inside paragraphs after it (joining them first would spoil the line widths the layout reads).
/// What it changed is reported, since offsets then index the cleaned text.
enum TextCleaner {
    static func clean(_ text: String) -> (text: String, notes: [String]) {
        var notes: [String] = []
        // Most text has no quoted lines and no soft hyphens: say so from one pass over the bytes,
        // without splitting it into lines.
        let soft: [UInt8] = [0xC2, 0xAD]
        var sawQuote = false, lineStart = true, hasSoftHyphen = false, previous: UInt8 = 0
        for byte in text.utf8 {
            if lineStart && byte == UInt8(ascii: ">") { sawQuote = true }
            if byte == 0x0A { lineStart = true } else if byte != 0x20 { lineStart = false }
            if previous == soft[0] && byte == soft[1] { hasSoftHyphen = true }
            previous = byte
        }
        if !sawQuote && !hasSoftHyphen { return (text, notes) }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Quoted email: most non-blank lines start with ">".
        let nonBlank = lines.filter { !$0.trimmingSpaces().isEmpty && $0 != "\r" }
        let quoted = nonBlank.filter { $0.drop { $0 == " " }.hasPrefix(">") }
        if nonBlank.count >= 2, quoted.count * 10 >= nonBlank.count * 6 {
            lines = lines.map { line in
                var rest = Substring(line)
                while true {
                    let trimmed = rest.drop { $0 == " " }
                    guard trimmed.hasPrefix(">") else { break }
                    rest = trimmed.dropFirst()
                    if rest.hasPrefix(" ") { rest = rest.dropFirst() }
                }
                return String(rest)
            }
            notes.append("removed email quotation marks (>) from \(quoted.count) lines")
        }
        var result = lines.joined(separator: "\n")
        if result.unicodeScalars.contains("\u{AD}") {
            result = String(String.UnicodeScalarView(result.unicodeScalars.filter { $0 != "\u{AD}" }))
            notes.append("removed soft hyphens")
        }
        return (result, notes)
    }

    /// Whether a stretch has a hyphen right before a line break (a word that may be broken there).
    static func hasLineEndHyphen(_ scalars: [Unicode.Scalar], in span: TextSpan) -> Bool {
        var index = span.start
        while index + 1 < span.end {
            if scalars[index] == "-" && scalars[index + 1].isLineBreak { return true }
            index += 1
        }
        return false
    }

    /// Joins words broken by a hyphen at a line end inside one paragraph; returns how many.
    static func joinHyphenation(_ paragraph: String) -> (String, Int) {
        let scalars = Array(paragraph.unicodeScalars)
        var out = String.UnicodeScalarView()
        var joined = 0
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "-", index > 0, scalars[index - 1].isLowercaseLetter, index + 1 < scalars.count, scalars[index + 1].isLineBreak {
                var next = index + 1
                while next < scalars.count, scalars[next].isSpace { next += 1 }
                if next < scalars.count, scalars[next].isLowercaseLetter {
                    joined += 1
                    index = next
                    continue
                }
            }
            out.append(scalar)
            index += 1
        }
        return (String(out), joined)
    }
}
