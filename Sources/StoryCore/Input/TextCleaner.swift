/// Cleans text pasted from PDFs and emails: quoted-email markers (`>`) and soft hyphens before
/// the layout is read, and words hyphenated at line ends ("negoti-\nations" → "negotiations")
/// inside paragraphs after it (joining them first would spoil the line widths the layout reads).
/// What it changed is reported, since offsets then index the cleaned text.
enum TextCleaner {
    static func clean(_ text: String) -> (text: String, notes: [String]) {
        var notes: [String] = []
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
