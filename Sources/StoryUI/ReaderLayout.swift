import StoryCore

/// A sentence of one side.
public struct SentenceRef: Hashable, Sendable, Comparable {
    public var side: Side
    public var index: Int
    public init(_ side: Side, _ index: Int) { self.side = side; self.index = index }
    public static func < (l: Self, r: Self) -> Bool { (l.side == .a ? 0 : 1, l.index) < (r.side == .a ? 0 : 1, r.index) }
}

/// A stretch of text on one visual line, with what it is (for styling).
public struct Piece: Hashable, Sendable {
    public var text: String
    public var width: Int
    public var sentence: SentenceRef?
    public var sentenceClass: SentenceClass
    public var role: ParagraphRole
    public var operation: WordDiff.Operation?
    public var isMatch: Bool
}

/// The mark in the gutter on the first line of a row.
public struct GutterMark: Hashable, Sendable {
    public var symbol: String
    public var role: ThemeRole
}

/// One line of the scrolling area.
public struct VisualLine: Sendable {
    public enum Kind: Sendable, Equatable { case content, blank, hidden(Int) }
    public var kind: Kind
    public var row: Int
    /// Side by side: left pane (A) and right pane (B). Stacked: `left` only, for `side`.
    public var left: [Piece] = []
    public var right: [Piece] = []
    public var side: Side?
    public var mark: GutterMark?
}

/// The whole comparison laid out for one width: rows of aligned paragraphs as visual lines.
public struct ReaderLayout: Sendable {
    public enum Mode: String, Sendable { case sideBySide = "side by side", stacked }

    public static let gutterWidth = 3
    /// Below this width side by side is too cramped; the reader stacks on its own.
    public static let stackBelow = 80

    public let mode: Mode
    public let width: Int
    public private(set) var lines: [VisualLine] = []
    /// First line of each comparison row (nil when hidden by the filter).
    public private(set) var rowLine: [Int?]
    /// First line of each sentence, per side (nil when hidden).
    public private(set) var sentenceLineA: [Int?]
    public private(set) var sentenceLineB: [Int?]
    /// Visible sentences in reading order (by line, A before B).
    public private(set) var order: [SentenceRef] = []

    public func line(of sentence: SentenceRef) -> Int? {
        sentence.side == .a ? sentenceLineA[sentence.index] : sentenceLineB[sentence.index]
    }

    public var paneWidths: (left: Int, right: Int) {
        switch mode {
        case .sideBySide:
            let left = (width - Self.gutterWidth) / 2
            return (left, width - Self.gutterWidth - left)
        case .stacked:
            return (width - Self.gutterWidth, 0)
        }
    }

    public init(comparison: Comparison, width: Int, mode: Mode, hideIdentical: Bool, matches: [Side: [TextSpan]] = [:]) {
        self.mode = mode
        self.width = width
        rowLine = Array(repeating: nil, count: comparison.rows.count)
        sentenceLineA = Array(repeating: nil, count: comparison.a.sentences.count)
        sentenceLineB = Array(repeating: nil, count: comparison.b.sentences.count)
        let panes = paneWidths
        var hiddenRun = 0
        for (rowIndex, row) in comparison.rows.enumerated() {
            if hideIdentical && comparison.isIdenticalRow(row) {
                hiddenRun += 1
                continue
            }
            if hiddenRun > 0 {
                if !lines.isEmpty { lines.append(VisualLine(kind: .blank, row: rowIndex)) }
                lines.append(VisualLine(kind: .hidden(hiddenRun), row: rowIndex))
                hiddenRun = 0
            }
            if !lines.isEmpty { lines.append(VisualLine(kind: .blank, row: rowIndex)) }
            rowLine[rowIndex] = lines.count
            let mark = Self.mark(for: row, in: comparison)
            switch mode {
            case .sideBySide:
                let left = Self.wrap(comparison, .a, row.a, width: panes.left, matches: matches[.a] ?? [])
                let right = Self.wrap(comparison, .b, row.b, width: panes.right, matches: matches[.b] ?? [])
                let first = lines.count
                for offset in 0..<max(left.lines.count, right.lines.count, 1) {
                    lines.append(VisualLine(kind: .content, row: rowIndex,
                                            left: offset < left.lines.count ? left.lines[offset] : [],
                                            right: offset < right.lines.count ? right.lines[offset] : [],
                                            mark: offset == 0 ? mark : nil))
                }
                record(left.starts, side: .a, base: first)
                record(right.starts, side: .b, base: first)
            case .stacked:
                for (side, paragraphs) in [(Side.a, row.a), (.b, row.b)] where !paragraphs.isEmpty {
                    let wrapped = Self.wrap(comparison, side, paragraphs, width: panes.left, matches: matches[side] ?? [])
                    let first = lines.count
                    for (offset, pieces) in wrapped.lines.enumerated() {
                        lines.append(VisualLine(kind: .content, row: rowIndex, left: pieces, side: side,
                                                mark: offset == 0 && first == rowLine[rowIndex] ? mark : nil))
                    }
                    record(wrapped.starts, side: side, base: first)
                }
            }
        }
        if hiddenRun > 0 {
            if !lines.isEmpty { lines.append(VisualLine(kind: .blank, row: comparison.rows.count - 1)) }
            lines.append(VisualLine(kind: .hidden(hiddenRun), row: comparison.rows.count - 1))
        }
        var ordered: [(Int, SentenceRef)] = []
        for (index, line) in sentenceLineA.enumerated() { if let line { ordered.append((line, SentenceRef(.a, index))) } }
        for (index, line) in sentenceLineB.enumerated() { if let line { ordered.append((line, SentenceRef(.b, index))) } }
        order = ordered.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.1)
    }

    private mutating func record(_ starts: [(Int, Int)], side: Side, base: Int) {
        for (sentence, offset) in starts {
            if side == .a { sentenceLineA[sentence] = base + offset } else { sentenceLineB[sentence] = base + offset }
        }
    }

    static func mark(for row: ParagraphRow, in comparison: Comparison) -> GutterMark {
        let mark = comparison.mark(of: row)
        let role: ThemeRole
        switch mark {
        case .identical: role = .identical
        case .near: role = .near
        case .paraphrase: role = .paraphrase
        case .onlyA, .onlyB, .unmatched: role = .unique
        case .moved: role = .moved
        case .grouped: role = .gutter
        case .boilerplate: role = .boilerplate
        }
        return GutterMark(symbol: mark.symbol, role: role)
    }

    // MARK: Wrapping

    /// A word or a space with what it is.
    private struct Atom {
        var text: String
        var width: Int
        var isSpace: Bool
        var piece: Piece
    }

    /// Wraps one side's paragraphs of a row: lines, and each sentence's first line.
    static func wrap(_ comparison: Comparison, _ side: Side, _ paragraphs: [Int], width: Int, matches: [TextSpan]) -> (lines: [[Piece]], starts: [(Int, Int)]) {
        let story = comparison.story(side)
        let classes = comparison.classes(side)
        var lines: [[Piece]] = []
        var starts: [(Int, Int)] = []
        guard width > 0 else { return ([], []) }
        for (position, paragraphIndex) in paragraphs.enumerated() {
            if position > 0 { lines.append([]) }               // a blank line between paragraphs
            let paragraph = story.paragraphs[paragraphIndex]
            var atoms: [(atom: Atom, sentence: Int?)] = []
            for sentenceIndex in paragraph.sentences {
                let ref = SentenceRef(side, sentenceIndex)
                if let previous = atoms.last?.atom.piece {
                    // The space between two sentences looks like the end of the first.
                    let space = Piece(text: " ", width: 1, sentence: nil, sentenceClass: previous.sentenceClass, role: paragraph.role, operation: nil, isMatch: false)
                    atoms.append((Atom(text: " ", width: 1, isSpace: true, piece: space), nil))
                }
                var first = true
                for segment in comparison.segments(side, sentence: sentenceIndex) {
                    for (span, isMatch) in split(segment.span, at: matches) {
                        let base = Piece(text: "", width: 0, sentence: ref, sentenceClass: classes[sentenceIndex], role: paragraph.role,
                                         operation: segment.operation, isMatch: isMatch)
                        for (text, isSpace) in words(SafeText.sanitize(story.text(of: span))) {
                            var piece = base
                            piece.text = text
                            piece.width = isSpace ? 1 : DisplayWidth.of(text)
                            atoms.append((Atom(text: text, width: piece.width, isSpace: isSpace, piece: piece), first && !isSpace ? sentenceIndex : nil))
                            if !isSpace { first = false }
                        }
                    }
                }
            }
            // Words: runs of non-space atoms, which may differ in style ("difficult" kept, ",”"
            // added) but never break between them.
            var words: [(pieces: [Piece], width: Int, starts: Int?, spaceBefore: Piece?)] = []
            var pendingSpace: Piece?
            var joinNext = false
            for (atom, startsSentence) in atoms {
                if atom.isSpace {
                    pendingSpace = atom.piece
                    joinNext = false
                    continue
                }
                if joinNext, !words.isEmpty {
                    words[words.count - 1].pieces.append(atom.piece)
                    words[words.count - 1].width += atom.width
                    if words[words.count - 1].starts == nil { words[words.count - 1].starts = startsSentence }
                } else {
                    words.append(([atom.piece], atom.width, startsSentence, pendingSpace))
                }
                pendingSpace = nil
                joinNext = true
            }
            // Greedy fill; a space is written only between two words on the same line.
            var current: [Piece] = []
            var column = 0
            func newLine() { lines.append(current); current = []; column = 0 }
            for word in words {
                let spaceWidth = column > 0 && word.spaceBefore != nil ? 1 : 0
                if column > 0 && column + spaceWidth + word.width > width { newLine() }
                if column > 0, let space = word.spaceBefore { append(space, to: &current); column += 1 }
                if let sentence = word.starts { starts.append((sentence, lines.count)) }
                if word.width <= width - column {
                    for piece in word.pieces { append(piece, to: &current) }
                    column += word.width
                    continue
                }
                // A word longer than the pane: break it by characters.
                for piece in word.pieces {
                    var chunk = piece
                    chunk.text = ""; chunk.width = 0
                    for character in piece.text {
                        let w = DisplayWidth.of(character)
                        if column + w > width {
                            if !chunk.text.isEmpty { append(chunk, to: &current) }
                            newLine()
                            chunk.text = ""; chunk.width = 0
                        }
                        chunk.text.append(character); chunk.width += w; column += w
                    }
                    if !chunk.text.isEmpty { append(chunk, to: &current) }
                }
            }
            if !current.isEmpty || lines.isEmpty { lines.append(current) }
        }
        return (lines, starts)
    }

    /// Joins a piece to the last one when they look the same (fewer, longer pieces to draw).
    private static func append(_ piece: Piece, to line: inout [Piece]) {
        if var last = line.last, last.sentence == piece.sentence, last.operation == piece.operation, last.isMatch == piece.isMatch,
           last.role == piece.role, last.sentenceClass == piece.sentenceClass {
            last.text += piece.text
            last.width += piece.width
            line[line.count - 1] = last
        } else {
            line.append(piece)
        }
    }

    /// Words and single spaces (runs of white space fold to one). Splits on scalars: the text
    /// is sanitised, and a space never belongs to a grapheme cluster of a word.
    static func words(_ text: String) -> [(String, Bool)] {
        var result: [(String, Bool)] = []
        var word = String.UnicodeScalarView()
        var sawSpace = false
        for scalar in text.unicodeScalars {
            if scalar.isSpace {
                if !word.isEmpty { result.append((String(word), false)); word = String.UnicodeScalarView() }
                if !sawSpace { result.append((" ", true)); sawSpace = true }
            } else {
                word.append(scalar)
                sawSpace = false
            }
        }
        if !word.isEmpty { result.append((String(word), false)) }
        return result
    }

    /// Cuts a span at the boundaries of search matches.
    static func split(_ span: TextSpan, at matches: [TextSpan]) -> [(TextSpan, Bool)] {
        var result: [(TextSpan, Bool)] = []
        var cursor = span.start
        for match in matches where match.end > span.start && match.start < span.end {
            let start = max(match.start, span.start), end = min(match.end, span.end)
            if start > cursor { result.append((TextSpan(cursor, start), false)) }
            result.append((TextSpan(start, end), true))
            cursor = end
        }
        if cursor < span.end { result.append((TextSpan(cursor, span.end), false)) }
        return result
    }
}
