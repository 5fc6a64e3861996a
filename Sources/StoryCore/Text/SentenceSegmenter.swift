/// A rule-based sentence segmenter for news prose.
///
/// It finds runs of terminators (". ! ? …", spaced ellipses, closing quotes after them) and decides
/// from the word before and the word after whether the run ends a sentence. Titles ("Mr.",
/// "Gen.") never do; initials, acronyms and abbreviations that may end a sentence ("S.",
/// "U.S.", "Co.") do only before a typical sentence opener ("the U.S. How" but not
/// "the U.S. Government"); abbreviations before numbers ("Feb. 12", "p. 55") never do.
/// Numbered, lettered and bulleted list items start sentences of their own.
/// Spans are offsets into the story's scalars; text is never lost or reordered.
public enum SentenceSegmenter {
    public static func sentences(_ scalars: [Unicode.Scalar], in span: TextSpan) -> [TextSpan] {
        var scanner = Scanner(scalars: scalars, start: span.start, end: span.end)
        return scanner.run()
    }

    /// Convenience for tests and tools: the sentences of a string.
    public static func split(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return sentences(scalars, in: TextSpan(0, scalars.count)).map { span in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[span.start..<span.end])
            return String(view)
        }
    }

    private struct Scanner {
        let s: [Unicode.Scalar]
        let start: Int
        let end: Int
        var boundaries: [Int] = []
        var listStarts: Set<Int> = []
        var sentenceStart: Int

        init(scalars: [Unicode.Scalar], start: Int, end: Int) {
            self.s = scalars
            self.start = start
            self.end = end
            self.sentenceStart = start
        }

        mutating func run() -> [TextSpan] {
            sentenceStart = skipSpace(start)
            listStarts = Set(listItemStarts() + inlineListStarts())
            boundaries.append(contentsOf: listStarts)
            var i = start
            while i < end {
                let c = s[i]
                if c == "。" || c == "！" || c == "？" || c == "．" || c == "｡" {
                    var j = i + 1
                    while j < end, isCloser(s[j]) { j += 1 }
                    addBoundary(j)
                    i = j
                    continue
                }
                if isTerminator(c) {
                    i = handleRun(at: i)
                    continue
                }
                i += 1
            }
            return spans()
        }

        mutating func addBoundary(_ position: Int) {
            boundaries.append(position)
            sentenceStart = skipSpace(position)
        }

        /// Decides one run of terminators starting at `runStart`; returns where scanning goes on.
        mutating func handleRun(at runStart: Int) -> Int {
            var j = runStart
            var dots = 0, marks = 0, ellipsisChars = 0
            var spaced = false
            while j < end {
                let c = s[j]
                if c == "." { dots += 1; j += 1 }
                else if c == "!" || c == "?" || c == "‼" || c == "⁇" || c == "⁈" || c == "⁉" { marks += 1; j += 1 }
                else if c == "…" { ellipsisChars += 1; j += 1 }
                else if c == " ", dots > 0, marks == 0, j + 1 < end, s[j + 1] == ".",
                        j + 2 >= end || isSpace(s[j + 2]) || s[j + 2] == "." || isCloser(s[j + 2]) {
                    spaced = true
                    j += 1
                } else { break }
            }
            let runEnd = j
            var closersEnd = runEnd
            while closersEnd < end {
                if isCloser(s[closersEnd]) { closersEnd += 1; continue }
                // Citation marks after the stop stay with their sentence: "the treaty.[3]", "[citation needed]".
                if let citationEnd = citationEnd(at: closersEnd) { closersEnd = citationEnd; continue }
                break
            }
            // A footnote number after a word's full stop: "the report.12 It found…".
            if closersEnd == runEnd, dots == 1, marks == 0, let footnoteEnd = footnoteEnd(runStart: runStart, at: runEnd) { closersEnd = footnoteEnd }
            // Terminators inside a token ("U.S.A", "Jr.'s", "mean...see", "3.5") end nothing.
            if closersEnd < end, !isSpace(s[closersEnd]) { return closersEnd }
            let next = skipSpace(closersEnd)
            if next >= end { return end }

            let attached = runStart > start && !isSpace(s[runStart - 1])
            if marks > 0 {
                if startsSentence(next) { addBoundary(closersEnd) }
            } else if ellipsisChars > 0 || dots == 3 {
                // An ellipsis leaves the sentence open ("what I mean . . . I didn’t").
            } else if dots >= 4 {
                guard startsWithCapital(next) else { return closersEnd }
                if attached, spaced, s[runStart + 1] == " " {
                    // "compounds. . . . The": a full stop, then an ellipsis that opens the next sentence.
                    addBoundary(runStart + 1)
                } else {
                    addBoundary(closersEnd)
                }
            } else if periodEndsSentence(runStart: runStart, runEnd: runEnd, closersEnd: closersEnd, next: next) {
                addBoundary(closersEnd)
            }
            return closersEnd
        }

        func periodEndsSentence(runStart: Int, runEnd: Int, closersEnd: Int, next: Int) -> Bool {
            if isLowercaseStart(next) { return false }
            var wordStart = runStart
            while wordStart > start, !isSpace(s[wordStart - 1]) { wordStart -= 1 }
            while wordStart < runStart, isOpener(s[wordStart]) || isBullet(s[wordStart]) { wordStart += 1 }
            let word = String(scalars: s[wordStart..<runStart])
            let lower = word.lowercased()
            let closers = String(scalars: s[runEnd..<closersEnd])

            // "1." "a." "⁃9." "1.)" opening a list item.
            if (closers.isEmpty || closers == ")") && isListMarkerWord(word) && startsSentenceHere(wordStart) { return false }
            // A closing quote or bracket after the full stop: the quotation ended the sentence.
            if !closers.isEmpty { return startsSentence(next) }
            if Lexicon.titles.contains(lower) { return false }
            if s[next].isNumeric { return !Lexicon.beforeNumber.contains(lower) }
            // "9 p.m. Rescuers arrived": a time of day ends its sentence before a capitalised word
            // that is not a time zone, a day or a month, nor a place before "time".
            if lower == "a.m" || lower == "p.m" {
                let following = nextWord(next)
                guard startsWithCapital(next), !following.isEmpty else { return false }
                // An opening time phrase leads into its clause: "At 5 a.m. Mr. Smith went…".
                let wordsSoFar = String(scalars: s[min(sentenceStart, wordStart)..<wordStart]).split(whereSeparator: \.isWhitespace).count
                if wordsSoFar < 3 { return false }
                if Lexicon.timeWords.contains(following.lowercased()) { return false }
                return wordAfter(next).lowercased() != "time"
            }
            if isInitial(word) || isAcronym(word) || Lexicon.ambiguous.contains(lower) || lower == "n°" {
                return Lexicon.sentenceStarters.contains(nextWord(next).lowercased())
            }
            return startsSentence(next)
        }

        /// The end of a citation mark at `position`: "[3]", "[12][13]", "[a]", "[citation needed]".
        func citationEnd(at position: Int) -> Int? {
            guard position < end, s[position] == "[" else { return nil }
            var q = position + 1
            while q < end, q - position <= 30, s[q] != "]" {
                guard s[q].isLetter || s[q].isNumeric || s[q] == " " || s[q] == "," || s[q] == "-" || s[q] == "–" else { return nil }
                q += 1
            }
            guard q < end, s[q] == "]", q > position + 1 else { return nil }
            return q + 1
        }

        /// The end of a footnote number stuck to a full stop after a word ("report.12 It"): one to
        /// three digits, then a space and a capital. Not after a number ("3.5") or inside a token.
        func footnoteEnd(runStart: Int, at position: Int) -> Int? {
            guard runStart > start, s[runStart - 1].isLetter else { return nil }
            var wordStart = runStart
            while wordStart > start, !isSpace(s[wordStart - 1]) { wordStart -= 1 }
            guard runStart - wordStart >= 2, s[wordStart..<runStart].allSatisfy({ $0.isLetter || isOpener($0) }) else { return nil }
            var q = position
            while q < end, q - position < 4, s[q].properties.numericType == .decimal { q += 1 }
            guard q > position, q - position <= 3, q < end, isSpace(s[q]) else { return nil }
            let next = skipSpace(q)
            return next < end && startsWithCapital(next) ? q : nil
        }

        /// The word after the one at `p` ("Moscow time": "time").
        func wordAfter(_ p: Int) -> String {
            var q = p
            while q < end, !isSpace(s[q]) { q += 1 }
            return nextWord(skipSpace(q))
        }

        // MARK: Lists

        /// Items of a list written inside a paragraph: "1. first 2. second", "a) one b) two",
        /// "(i) one (ii) two". Two markers in sequence make a list; each starts a sentence.
        func inlineListStarts() -> [Int] {
            var starts: [Int] = []
            var position = sentenceStart
            while position < end {
                if position == sentenceStart || isSpace(s[position - 1]) || s[position - 1] == ":",
                   let first = inlineMarker(at: position), first.value == 1 {
                    var items = [position]
                    var search = position + first.length
                    var expected = 2
                    while let found = findInlineMarker(kind: first.kind, value: expected, from: search) {
                        items.append(found.position)
                        search = found.position + found.length
                        expected += 1
                    }
                    if items.count >= 2 {
                        starts += items
                        position = search
                        continue
                    }
                }
                position += 1
            }
            return starts
        }

        enum MarkerKind: Equatable { case numberDot, numberParen, numberBoth, letterParen, letterBoth, romanParen, romanBoth }

        static let romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]

        /// A marker at `position` followed by a space: "1." "1)" "(1)" "a)" "(a)" "i)" "(i)".
        func inlineMarker(at position: Int) -> (kind: MarkerKind, value: Int, length: Int)? {
            var q = position
            let parenthesised = s[q] == "("
            if parenthesised { q += 1 }
            var label = ""
            while q < end, q - position < 5, s[q].isASCII, s[q].properties.isAlphabetic || s[q].properties.numericType == .decimal {
                label.unicodeScalars.append(s[q]); q += 1
            }
            guard !label.isEmpty, q < end else { return nil }
            let closer = s[q]
            guard closer == ")" || (closer == "." && !parenthesised) else { return nil }
            if parenthesised && closer != ")" { return nil }
            q += 1
            guard q < end, isSpace(s[q]) else { return nil }
            let length = q - position
            if let number = Int(label), label.count <= 2 {
                return (parenthesised ? .numberBoth : closer == "." ? .numberDot : .numberParen, number, length)
            }
            guard closer == ")" else { return nil }
            if let roman = Self.romans.firstIndex(of: label) {
                // "i)" could be the letter i: a roman list starts at i and goes on with ii.
                return (parenthesised ? .romanBoth : .romanParen, roman + 1, length)
            }
            if label.count == 1, let scalar = label.unicodeScalars.first, ("a"..."z").contains(scalar) {
                return (parenthesised ? .letterBoth : .letterParen, Int(scalar.value) - 0x60, length)
            }
            return nil
        }

        func findInlineMarker(kind: MarkerKind, value: Int, from position: Int) -> (position: Int, length: Int)? {
            var p = position
            while p < end {
                if isSpace(s[p - 1]), let marker = inlineMarker(at: p), marker.kind == kind, marker.value == value { return (p, marker.length) }
                // A list's items stand in one paragraph, but not a whole story apart.
                if p - position > 400 { return nil }
                p += 1
            }
            return nil
        }

        /// Where list items begin when the paragraph opens with a list marker: "1.", "1)", "1.)",
        /// "a.", or a bullet; the following items are found by their next marker.
        func listItemStarts() -> [Int] {
            let first = sentenceStart
            guard first < end else { return [] }
            if isBullet(s[first]) {
                let bullet = s[first]
                return (first + 1..<end).filter { s[$0] == bullet && isSpace(s[$0 - 1]) }
            }
            guard let (value, suffix, isLetter) = marker(at: first) else { return [] }
            var starts: [Int] = []
            var expected = value + 1
            var position = first + 1
            while position < end {
                let label = isLetter ? String(UnicodeScalar(UInt8(expected))) : String(expected)
                let pattern = Array((label + suffix).unicodeScalars)
                guard let found = find(pattern, from: position) else { break }
                starts.append(found)
                position = found + pattern.count
                expected += 1
                if isLetter, expected > 0x7A { break }
            }
            return starts
        }

        /// A marker at `position`: its number (or letter code), the punctuation after it, and whether it is a letter.
        func marker(at position: Int) -> (Int, String, Bool)? {
            var j = position
            var digits = ""
            while j < end, j - position < 3, let digit = s[j].properties.numericType, digit == .decimal {
                digits.unicodeScalars.append(s[j]); j += 1
            }
            var value: Int
            var isLetter = false
            if let number = Int(digits) {
                value = number
            } else if ("a"..."z").contains(s[position]) {
                value = Int(s[position].value); isLetter = true; j = position + 1
            } else { return nil }
            var suffix = ""
            while j < end, s[j] == "." || s[j] == ")", suffix.count < 2 { suffix.unicodeScalars.append(s[j]); j += 1 }
            guard !suffix.isEmpty, j < end, isSpace(s[j]) else { return nil }
            if isLetter, suffix == ".", value != Int(("a" as Unicode.Scalar).value) { return nil }
            return (value, suffix, isLetter)
        }

        func find(_ pattern: [Unicode.Scalar], from position: Int) -> Int? {
            var p = position
            while p + pattern.count < end {
                if isSpace(s[p - 1]), s[p..<p + pattern.count].elementsEqual(pattern), isSpace(s[p + pattern.count]) { return p }
                p += 1
            }
            return nil
        }

        func isListMarkerWord(_ word: String) -> Bool {
            let core = word.unicodeScalars.filter { !isBullet($0) }
            if core.count == 1, let letter = core.first, ("a"..."z").contains(letter) || ("A"..."Z").contains(letter) { return true }
            return !core.isEmpty && core.count <= 3 && core.allSatisfy { $0.properties.numericType == .decimal }
        }

        func startsSentenceHere(_ wordStart: Int) -> Bool {
            var p = wordStart
            while true {
                if p <= sentenceStart || listStarts.contains(p) { return true }
                guard p > start, isSpace(s[p - 1]) || isBullet(s[p - 1]) else { return false }
                p -= 1
            }
        }

        // MARK: Spans

        func spans() -> [TextSpan] {
            var result: [TextSpan] = []
            var from = start
            for boundary in boundaries.sorted() + [end] where boundary >= from {
                var a = from, b = boundary
                while a < b, isSpace(s[a]) { a += 1 }
                while b > a, isSpace(s[b - 1]) { b -= 1 }
                if a < b { result.append(TextSpan(a, b)) }
                from = boundary
            }
            return result
        }

        // MARK: Characters

        func skipSpace(_ position: Int) -> Int {
            var p = position
            while p < end, isSpace(s[p]) { p += 1 }
            return p
        }

        func isSpace(_ c: Unicode.Scalar) -> Bool { c.isSpace }
        func isTerminator(_ c: Unicode.Scalar) -> Bool {
            switch c { case ".", "!", "?", "…", "‼", "⁇", "⁈", "⁉": return true; default: return false }
        }
        func isCloser(_ c: Unicode.Scalar) -> Bool {
            switch c { case "\"", "'", "”", "’", ")", "]", "}", "»", "›": return true; default: return false }
        }
        func isOpener(_ c: Unicode.Scalar) -> Bool {
            switch c { case "\"", "'", "“", "‘", "(", "[", "{", "«", "‹", "¿", "¡": return true; default: return false }
        }
        func isBullet(_ c: Unicode.Scalar) -> Bool {
            switch c { case "•", "·", "▪", "◦", "‣", "⁃": return true; default: return false }
        }

        func isLowercaseStart(_ p: Int) -> Bool {
            var q = p
            while q < end, isOpener(s[q]) { q += 1 }
            return q < end && s[q].isLowercaseLetter
        }

        func startsWithCapital(_ p: Int) -> Bool {
            var q = p
            while q < end, isOpener(s[q]) { q += 1 }
            return q < end && s[q].isUppercaseLetter
        }

        /// What may open a sentence: not a lowercase letter, not punctuation that continues one.
        func startsSentence(_ p: Int) -> Bool {
            switch s[p] { case ",", ";", ":", ")", "]", "}", "–", "—", "-": return false; default: break }
            return !isLowercaseStart(p)
        }

        func nextWord(_ p: Int) -> String {
            var q = p
            while q < end, isOpener(s[q]) { q += 1 }
            var r = q
            while r < end, s[r].isLetter || s[r] == "'" || s[r] == "’" { r += 1 }
            return String(scalars: s[q..<r])
        }

        func isInitial(_ word: String) -> Bool {
            word.unicodeScalars.count == 1 && word.unicodeScalars.first?.properties.isUppercase == true
        }

        /// "U.S", "a.m", "J.D", "U.S.A": single letters joined by dots.
        func isAcronym(_ word: String) -> Bool {
            let parts = word.split(separator: ".", omittingEmptySubsequences: false)
            return parts.count >= 2 && parts.allSatisfy { $0.unicodeScalars.count == 1 && $0.unicodeScalars.first?.properties.isAlphabetic == true }
        }
    }
}
