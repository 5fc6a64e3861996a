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
    /// `chrome`: a run of rows of site chrome folded into one dim line (its first row, its count).
    public enum Kind: Sendable, Equatable { case content, blank, hidden(Int), chrome(first: Int, count: Int) }
    public var kind: Kind
    public var row: Int
    /// Side by side: left pane (A) and right pane (B). Stacked: `left` only, for `side`.
    public var left: [Piece] = []
    public var right: [Piece] = []
    public var side: Side?
    public var mark: GutterMark?
}

/// The whole comparison laid out for one width: rows of aligned paragraphs as visual lines.
///
/// Where every line is and where every sentence starts are known for the whole document
/// (from `WrapMetrics`, integers only); the lines themselves, with their pieces of text, are
/// made when asked for, row by row, so that a long document costs only what is on screen.
public struct ReaderLayout: Sendable {
    public enum Mode: String, Sendable { case sideBySide = "side by side", stacked }

    public static let gutterWidth = 5
    /// With many versions: room before the flags for how many copies keep each base sentence.
    public static let versionsGutterWidth = 8
    /// The columns between the panes (side by side) or before the text (stacked).
    public let gutter: Int
    /// Below this width side by side is too cramped; the reader stacks on its own.
    public static let stackBelow = 80

    public let mode: Mode
    public let width: Int
    let comparison: Comparison
    /// Search matches to highlight, per side (they never move a line break).
    var matches: [Side: [TextSpan]]

    /// A row, or a run of hidden identical rows, and the lines it takes.
    struct Block: Sendable {
        var row: Int
        /// Rows hidden here (0: this block shows row `row`).
        var hidden: Int
        /// The rows hidden here are folded chrome (from `row` on), not rows the filter hides.
        var chrome = false
        /// First line, which is blank when `blank` (the space between rows).
        var start: Int
        var blank: Bool
        var count: Int
        var contentStart: Int { start + (blank ? 1 : 0) }
    }

    private var blocks: [Block] = []
    public private(set) var lineCount = 0
    /// First line of each comparison row (nil when hidden by the filter).
    public private(set) var rowLine: [Int?]
    /// First line of each sentence, per side (-1 when hidden): plain integers, as this is
    /// rewritten for every sentence on each resize.
    private var sentenceLineA: [Int32]
    private var sentenceLineB: [Int32]
    /// Visible sentences in reading order (by line, A before B).
    public private(set) var order: [SentenceRef] = []

    /// Rows shown, and how many of them come up to each row (for "¶ 12/40").
    public var visibleRowCount: Int { shownBefore.last.map(Int.init) ?? 0 }
    private var shownBefore: [Int32] = [0]

    public func visibleRows(through row: Int) -> Int {
        Int(shownBefore[min(max(0, row + 1), shownBefore.count - 1)])
    }

    public func line(of sentence: SentenceRef) -> Int? {
        let line = sentence.side == .a ? sentenceLineA[sentence.index] : sentenceLineB[sentence.index]
        return line < 0 ? nil : Int(line)
    }

    public var paneWidths: (left: Int, right: Int) {
        switch mode {
        case .sideBySide:
            let left = (width - gutter) / 2
            return (left, width - gutter - left)
        case .stacked:
            return (width - gutter, 0)
        }
    }

    /// The rows laid out: all of them, or on a long document a window around the reader's place
    /// (line numbers then count from the window's first row; `Reader` moves the window as the
    /// reader goes, so a resize costs the window, not the document).
    public let window: Range<Int>
    public var coversDocument: Bool { window.lowerBound == 0 && window.upperBound == comparison.rows.count }

    /// The layout with the rows a filter hides: identical ones (`hideIdentical`).
    public init(comparison: Comparison, width: Int, mode: Mode, hideIdentical: Bool, matches: [Side: [TextSpan]] = [:],
                metrics: WrapMetrics? = nil, rows window: Range<Int>? = nil) {
        let metrics = metrics ?? WrapMetrics(comparison: comparison)
        self.init(comparison: comparison, width: width, mode: mode, hidden: hideIdentical ? metrics.identicalRows : nil, matches: matches,
                  metrics: metrics, rows: window)
    }

    /// The layout with the rows `hidden` marks left out (nil: every row shown).
    public init(comparison: Comparison, width: Int, mode: Mode, hidden hiddenRows: [Bool]?, folded foldedRows: [Bool]? = nil,
                matches: [Side: [TextSpan]] = [:], metrics: WrapMetrics? = nil, rows window: Range<Int>? = nil,
                gutter: Int = ReaderLayout.gutterWidth) {
        self.mode = mode
        self.gutter = gutter
        self.width = width
        self.comparison = comparison
        self.matches = matches
        let metrics = metrics ?? WrapMetrics(comparison: comparison)
        let hidden = hiddenRows.flatMap { $0.count == comparison.rows.count ? $0 : nil }
        let folded = foldedRows.flatMap { $0.count == comparison.rows.count ? $0 : nil }
        // A window never cuts a run of hidden rows: it would miscount them.
        var window = (window ?? 0..<comparison.rows.count).clamped(to: 0..<comparison.rows.count)
        if let hidden {
            var lower = window.lowerBound, upper = window.upperBound
            while lower > 0, hidden[lower - 1], lower < upper, hidden[lower] { lower -= 1 }
            while upper < comparison.rows.count, upper > lower, hidden[upper - 1], hidden[upper] { upper += 1 }
            window = lower..<upper
        }
        self.window = window
        // Placed in locals, not in `self`: this loop runs over every row and sentence on each
        // resize, and must stay within a keypress on the longest documents.
        var blocks: [Block] = [], lineCount = 0
        var rowLine = [Int?](repeating: nil, count: comparison.rows.count)
        var sentenceLineA = [Int32](repeating: -1, count: comparison.a.sentences.count)
        var sentenceLineB = [Int32](repeating: -1, count: comparison.b.sentences.count)
        var order: [SentenceRef] = []
        blocks.reserveCapacity(window.count)
        let panes = mode == .sideBySide ? ((width - gutter) / 2, width - gutter - (width - gutter) / 2)
                                        : (width - gutter, width - gutter)
        metrics.withBuffers { wordsA, wordsB in
            var hiddenRun = 0, foldedRun = 0, foldedStart = 0
            var startsA: [(Int, Int)] = [], startsB: [(Int, Int)] = []
            let rows = comparison.rows
            for rowIndex in window {
                // A run of chrome rows ends where anything else begins: one dim line for all of it.
                func flushFolded() {
                    guard foldedRun > 0 else { return }
                    let count = lineCount > 0 ? 2 : 1
                    blocks.append(Block(row: foldedStart, hidden: foldedRun, chrome: true, start: lineCount, blank: lineCount > 0, count: count))
                    lineCount += count
                    foldedRun = 0
                }
                if hidden?[rowIndex] == true {
                    flushFolded()
                    hiddenRun += 1
                    continue
                }
                if folded?[rowIndex] == true, hiddenRun == 0 {
                    if foldedRun == 0 { foldedStart = rowIndex }
                    foldedRun += 1
                    continue
                }
                flushFolded()
                if hiddenRun > 0 {
                    let count = lineCount > 0 ? 2 : 1
                    blocks.append(Block(row: rowIndex, hidden: hiddenRun, start: lineCount, blank: lineCount > 0, count: count))
                    lineCount += count
                    hiddenRun = 0
                }
                let blank = lineCount > 0
                let contentStart = lineCount + (blank ? 1 : 0)
                rowLine[rowIndex] = contentStart
                startsA.removeAll(keepingCapacity: true)
                startsB.removeAll(keepingCapacity: true)
                // Measured from word widths; a row with a word wider than its pane, wrapped for real.
                func measure(_ side: Side, _ words: WrapMetrics.Buffers, width: Int, offset: Int, into starts: inout [(Int, Int)]) -> Int {
                    let paragraphs = side == .a ? rows[rowIndex].a : rows[rowIndex].b
                    let mark = starts.count
                    if let lines = WrapMetrics.measureRow(paragraphs, words: words, width: width, lineOffset: offset, starts: &starts) { return lines }
                    starts.removeSubrange(mark...)
                    guard width > 0, !paragraphs.isEmpty else { return 0 }
                    let wrapped = Self.wrap(comparison, side, paragraphs, width: width, matches: [])
                    for (sentence, line) in wrapped.starts { starts.append((sentence, offset + line)) }
                    return wrapped.lines.count
                }
                let left = measure(.a, wordsA, width: panes.0, offset: 0, into: &startsA)
                let height: Int
                switch mode {
                case .sideBySide: height = max(left, measure(.b, wordsB, width: panes.1, offset: 0, into: &startsB), 1)
                case .stacked: height = left + measure(.b, wordsB, width: panes.0, offset: left, into: &startsB)
                }
                for (sentence, line) in startsA { sentenceLineA[sentence] = Int32(truncatingIfNeeded: contentStart + line) }
                for (sentence, line) in startsB { sentenceLineB[sentence] = Int32(truncatingIfNeeded: contentStart + line) }
                // Reading order within the row: by line, A before B on the same line.
                var i = 0, j = 0
                while i < startsA.count || j < startsB.count {
                    if j == startsB.count || (i < startsA.count && startsA[i].1 <= startsB[j].1) {
                        order.append(SentenceRef(.a, startsA[i].0)); i += 1
                    } else {
                        order.append(SentenceRef(.b, startsB[j].0)); j += 1
                    }
                }
                let count = height + (blank ? 1 : 0)
                blocks.append(Block(row: rowIndex, hidden: 0, start: lineCount, blank: blank, count: count))
                lineCount += count
            }
            if hiddenRun > 0 {
                let count = lineCount > 0 ? 2 : 1
                blocks.append(Block(row: window.upperBound - 1, hidden: hiddenRun, start: lineCount, blank: lineCount > 0, count: count))
                lineCount += count
            }
            if foldedRun > 0 {
                let count = lineCount > 0 ? 2 : 1
                blocks.append(Block(row: foldedStart, hidden: foldedRun, chrome: true, start: lineCount, blank: lineCount > 0, count: count))
                lineCount += count
            }
        }
        // Rows shown, counted over the whole document (the filter, not the window, decides).
        var shownBefore: [Int32] = [0]
        shownBefore.reserveCapacity(comparison.rows.count + 1)
        var shown: Int32 = 0
        for row in comparison.rows.indices { if hidden?[row] != true { shown += 1 }; shownBefore.append(shown) }
        self.blocks = blocks
        self.lineCount = lineCount
        self.rowLine = rowLine
        self.sentenceLineA = sentenceLineA
        self.sentenceLineB = sentenceLineB
        self.order = order
        self.shownBefore = shownBefore
    }

    /// The same layout with other search matches highlighted.
    func with(matches: [Side: [TextSpan]]) -> ReaderLayout {
        var copy = self
        copy.matches = matches
        return copy
    }

    // MARK: Lines, made on demand

    /// The block that holds a line (binary search).
    private func blockIndex(ofLine line: Int) -> Int? {
        guard line >= 0, line < lineCount else { return nil }
        var low = 0, high = blocks.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if blocks[middle].start <= line { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The comparison row a line belongs to.
    public func row(ofLine line: Int) -> Int? {
        blockIndex(ofLine: line).map { blocks[$0].row }
    }

    public func line(_ index: Int) -> VisualLine? {
        lines(index..<index + 1).first
    }

    /// The lines in a range (clamped to the layout), each row's made once.
    public func lines(_ range: Range<Int>) -> [VisualLine] {
        let range = max(0, range.lowerBound)..<min(lineCount, range.upperBound)
        guard !range.isEmpty, var blockIndex = blockIndex(ofLine: range.lowerBound) else { return [] }
        var result: [VisualLine] = []
        result.reserveCapacity(range.count)
        while blockIndex < blocks.count, blocks[blockIndex].start < range.upperBound {
            let block = blocks[blockIndex]
            let made = lines(of: block)
            let from = max(range.lowerBound, block.start) - block.start, to = min(range.upperBound, block.start + block.count) - block.start
            result.append(contentsOf: made[from..<to])
            blockIndex += 1
        }
        return result
    }

    /// Every line of the layout (for tests and small documents: it makes them all).
    public var lines: [VisualLine] { lines(0..<lineCount) }

    /// The last line of a sentence: its first, and on while the lines hold it.
    public func lastLine(of sentence: SentenceRef) -> Int? {
        guard let first = line(of: sentence), let blockIndex = blockIndex(ofLine: first) else { return nil }
        let block = blocks[blockIndex]
        let made = lines(of: block)
        var last = first
        while last + 1 < block.start + block.count, made[last + 1 - block.start].contains(sentence) { last += 1 }
        return last
    }

    /// Position of a visible sentence in `order` (binary search by line).
    public func position(of sentence: SentenceRef) -> Int? {
        guard let line = line(of: sentence) else { return nil }
        var low = firstPosition(atOrAfterLine: line)
        while low < order.count, let l = self.line(of: order[low]), l == line {
            if order[low] == sentence { return low }
            low += 1
        }
        return nil
    }

    /// The first position in `order` whose sentence starts on or after a line.
    public func firstPosition(atOrAfterLine line: Int) -> Int {
        var low = 0, high = order.count
        while low < high {
            let middle = (low + high) / 2
            if (self.line(of: order[middle]) ?? Int.max) < line { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private func lines(of block: Block) -> [VisualLine] {
        var result: [VisualLine] = []
        if block.blank { result.append(VisualLine(kind: .blank, row: block.row)) }
        if block.hidden > 0 {
            result.append(VisualLine(kind: block.chrome ? .chrome(first: block.row, count: block.hidden) : .hidden(block.hidden), row: block.row))
            return result
        }
        let row = comparison.rows[block.row]
        let mark = Self.mark(for: row, in: comparison)
        let panes = paneWidths
        let height = block.count - (block.blank ? 1 : 0)
        switch mode {
        case .sideBySide:
            let left = Self.wrap(comparison, .a, row.a, width: panes.left, matches: matches[.a] ?? [])
            let right = Self.wrap(comparison, .b, row.b, width: panes.right, matches: matches[.b] ?? [])
            for offset in 0..<height {
                result.append(VisualLine(kind: .content, row: block.row,
                                         left: offset < left.lines.count ? left.lines[offset] : [],
                                         right: offset < right.lines.count ? right.lines[offset] : [],
                                         mark: offset == 0 ? mark : nil))
            }
        case .stacked:
            var made = 0
            for (side, paragraphs) in [(Side.a, row.a), (.b, row.b)] where !paragraphs.isEmpty {
                let wrapped = Self.wrap(comparison, side, paragraphs, width: panes.left, matches: matches[side] ?? [])
                for pieces in wrapped.lines where made < height {
                    result.append(VisualLine(kind: .content, row: block.row, left: pieces, side: side, mark: made == 0 ? mark : nil))
                    made += 1
                }
            }
            // Measured and made agree; should a rare grapheme split by a search match ever
            // differ, the row keeps the lines it was measured to take.
            while made < height { result.append(VisualLine(kind: .content, row: block.row, side: .b)); made += 1 }
        }
        return result
    }

    static func mark(for row: ParagraphRow, in comparison: Comparison) -> GutterMark {
        let mark = comparison.mark(of: row)
        let role: ThemeRole
        switch mark {
        case .identical: role = .identical
        case .near: role = .near
        case .paraphrase: role = .paraphrase
        case .partial: role = .partial
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
    static func wrap(_ comparison: Comparison, _ side: Side, _ paragraphs: Range<Int>, width: Int, matches: [TextSpan]) -> (lines: [[Piece]], starts: [(Int, Int)]) {
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
