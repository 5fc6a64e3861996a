/// Splits decoded text into paragraph spans.
///
/// Three layouts occur in practice: paragraphs separated by blank lines, one paragraph per
/// line, and hard-wrapped prose (lines near a fixed width, as in email or text copied from a
/// PDF). A blank line always ends a paragraph; inside a block of lines, a line break is kept
/// as a paragraph break unless the document is hard-wrapped and the break was forced by the
/// wrap width (the next line's first word would not have fitted on the line).
enum LineLayout {
    struct Line {
        var start: Int
        var end: Int      // excluding the line break
        var length: Int { end - start }
    }

    /// Lines of `scalars`, breaking at LF, CRLF, CR, U+2028; U+2029 and form feed count as a blank line.
    static func lines(_ scalars: [Unicode.Scalar]) -> [Line] {
        var result: [Line] = []
        var start = 0
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "\n", "\u{2028}":
                result.append(Line(start: start, end: index))
                index += 1
                start = index
            case "\r":
                result.append(Line(start: start, end: index))
                index += (index + 1 < scalars.count && scalars[index + 1] == "\n") ? 2 : 1
                start = index
            case "\u{2029}", "\u{0C}":
                result.append(Line(start: start, end: index))
                result.append(Line(start: index, end: index))   // a blank line: paragraph break
                index += 1
                start = index
            default:
                index += 1
            }
        }
        if start < scalars.count { result.append(Line(start: start, end: scalars.count)) }
        return result
    }

    static func trimmed(_ line: Line, _ scalars: [Unicode.Scalar]) -> Line {
        var start = line.start, end = line.end
        while start < end, scalars[start].isLayoutSpace { start += 1 }
        while end > start, scalars[end - 1].isLayoutSpace { end -= 1 }
        return Line(start: start, end: end)
    }

    /// The wrap width if the document looks hard-wrapped, else nil.
    static func wrapWidth(of lines: [Line]) -> Int? {
        let lengths = lines.map(\.length).filter { $0 > 0 }.sorted()
        guard lengths.count >= 4 else { return nil }
        let long = lengths.filter { $0 > 100 }.count
        if long * 10 > lengths.count { return nil }          // lines of whole paragraphs
        let width = lengths[min(lengths.count - 1, lengths.count * 95 / 100)]
        guard width >= 40, width <= 100 else { return nil }
        let nearWidth = lengths.filter { $0 * 4 >= width * 3 }.count
        return nearWidth >= 3 && nearWidth * 3 >= lengths.count ? width : nil
    }

    /// Paragraph spans (trimmed, non-empty) in document order.
    static func paragraphSpans(_ scalars: [Unicode.Scalar]) -> [TextSpan] {
        let allLines = lines(scalars).map { trimmed($0, scalars) }
        let documentWidth = wrapWidth(of: allLines)
        // Blocks: runs of non-blank lines.
        var blocks: [[Line]] = [[]]
        for line in allLines {
            if line.length == 0 { if !blocks[blocks.count - 1].isEmpty { blocks.append([]) } } else { blocks[blocks.count - 1].append(line) }
        }
        var spans: [TextSpan] = []
        for block in blocks where !block.isEmpty {
            // Too few lines to tell for the whole document (a pasted snippet): judge the block by
            // its own width when it looks like wrapped prose.
            var width = documentWidth
            if width == nil, block.count >= 2, let longest = block.map(\.length).max(), (40...100).contains(longest) {
                width = longest
            }
            var current = block[0]
            for line in block.dropFirst() {
                let lastStart = lastLineStart(current, scalars)
                if let width, continues(previous: current, lastLineStart: lastStart, next: line, width: width, scalars) {
                    current = Line(start: current.start, end: line.end)
                } else if strandedWord(lastLine: Line(start: lastStart, end: current.end), next: line, scalars) {
                    current = Line(start: current.start, end: line.end)
                } else {
                    spans.append(TextSpan(current.start, current.end))
                    current = line
                }
            }
            spans.append(TextSpan(current.start, current.end))
        }
        return spans
    }

    private static func lastLineStart(_ line: Line, _ scalars: [Unicode.Scalar]) -> Int {
        var index = line.end
        while index > line.start, !scalars[index - 1].isLineBreak { index -= 1 }
        return index
    }

    /// Whether `next` continues the paragraph whose last line starts at `lastLineStart`.
    private static func continues(previous: Line, lastLineStart: Int, next: Line, width: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        var rawNextStart = next.start
        while rawNextStart > 0, !scalars[rawNextStart - 1].isLineBreak { rawNextStart -= 1 }
        if next.start - rawNextStart >= 2 { return false }          // an indented first line
        if startsListItem(scalars, at: next.start, end: next.end) { return false }
        var wordEnd = next.start
        while wordEnd < next.end, !scalars[wordEnd].isLayoutSpace { wordEnd += 1 }
        let previousLength = previous.end - lastLineStart
        let firstWord = wordEnd - next.start
        // The break was forced if the next word would not have fitted (with a little slack
        // for ragged wrappers).
        return previousLength + 1 + firstWord > width - 3
    }

    /// A word wrapped alone onto a line, in the middle of a sentence: the line before it (or it)
    /// is one word, the sentence has not ended, and the next line goes on in lowercase
    /// ("…close the bridge and / reopen / it next year"). A paragraph never opens in lowercase.
    private static func strandedWord(lastLine: Line, next: Line, _ scalars: [Unicode.Scalar]) -> Bool {
        func isOneWord(_ line: Line) -> Bool { line.start < line.end && !scalars[line.start..<line.end].contains { $0.isLayoutSpace } }
        // One of the two is the stranded word; the other is prose (two lone words are a list or chrome).
        guard isOneWord(lastLine) != isOneWord(next), lastLine.end > lastLine.start, next.start < next.end else { return false }
        guard scalars[next.start].properties.isLowercase else { return false }
        switch scalars[lastLine.end - 1] {
        case ".", "!", "?", "…", ":", ";", "”", "\"", "’", ")", "]": return false
        default: return !startsListItem(scalars, at: next.start, end: next.end)
        }
    }

    private static func startsListItem(_ scalars: [Unicode.Scalar], at start: Int, end: Int) -> Bool {
        guard start < end else { return false }
        let first = scalars[start]
        switch first {
        case "•", "·", "▪", "◦", "‣", "⁃", "*", "–", "-": return end - start > 1 && scalars[start + 1].isLayoutSpace
        default: break
        }
        var index = start
        while index < end, index - start < 3, ("0"..."9").contains(scalars[index]) { index += 1 }
        return index > start && index + 1 < end && (scalars[index] == "." || scalars[index] == ")") && scalars[index + 1].isLayoutSpace
    }
}

extension Unicode.Scalar {
    /// Spaces and tabs inside a line (not line breaks).
    var isLayoutSpace: Bool {
        if value < 0x80 { return value == 0x20 || value == 0x09 }
        return isSpace && !isLineBreak
    }

    var isLineBreak: Bool {
        self == "\n" || self == "\r" || self == "\u{2028}" || self == "\u{2029}" || self == "\u{0C}" || self == "\u{0B}" || self == "\u{85}"
    }
}
