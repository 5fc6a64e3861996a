/// Cleans text pasted from PDFs and emails before it is read: quoted-email markers (`>`),
/// soft hyphens, and words hyphenated at line ends ("negoti-\nations" → "negotiations").
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
        // Words broken at a line end by a hyphen, in wrapped lines: join them.
        var joined = 0
        var index = 0
        while index + 1 < lines.count {
            let line = lines[index]
            let trimmedEnd = line.hasSuffix("\r") ? String(line.dropLast()) : line
            let next = lines[index + 1].drop { $0 == " " }
            if trimmedEnd.count >= 30, trimmedEnd.hasSuffix("-"), !trimmedEnd.hasSuffix("--"),
               let before = trimmedEnd.dropLast().last, before.isLowercase,
               let after = next.first, after.isLowercase {
                let word = next.prefix { !$0.isWhitespace }
                lines[index] = String(trimmedEnd.dropLast()) + word
                lines[index + 1] = String(next.dropFirst(word.count).drop { $0 == " " })
                if lines[index + 1].isEmpty || lines[index + 1] == "\r" { lines.remove(at: index + 1) }
                joined += 1
                continue
            }
            index += 1
        }
        if joined > 0 { notes.append("joined \(joined) word\(joined == 1 ? "" : "s") hyphenated at line ends") }
        var result = lines.joined(separator: "\n")
        if result.unicodeScalars.contains("\u{AD}") {
            result = String(String.UnicodeScalarView(result.unicodeScalars.filter { $0 != "\u{AD}" }))
            notes.append("removed soft hyphens")
        }
        return (result, notes)
    }
}
