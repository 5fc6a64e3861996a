import StoryCore

/// On a long document the reader lays out a window of rows around the reader's place, not the
/// whole document, so that a resize, a layout switch or the filter costs the window (a few
/// milliseconds), whatever the document's length. The window follows the reader: when the view
/// comes near one of its edges it is laid out again around the view, and a jump to a far place
/// (a change, a match, a counterpart, the end) lays it out around the target first. Line numbers
/// (`top`, `ReaderLayout.line(of:)`) count from the window's first row.
extension Reader {
    /// Rows in a window, and how close to its edge the view may come before it moves.
    public static let windowRows = 1_200
    static let windowMargin = 300

    /// Whether this document is long enough to be laid out a window at a time.
    var usesWindow: Bool { comparison.rows.count > 2 * Self.windowRows }

    static func initialWindow(rows: Int) -> Range<Int>? {
        rows > 2 * windowRows ? 0..<windowRows : nil
    }

    /// Lays the window out around a row, keeping the view where it was when `keepView` (the
    /// window moved under it) and putting it at the row otherwise (a jump).
    mutating func moveWindow(around row: Int, keepView: Bool = false) {
        guard usesWindow else { return }
        let old = layout()
        // The view's place in rows: the first row shown at `top`, and the offset into it.
        let anchorRow = old.row(ofLine: top).flatMap { old.rowLine[$0] != nil ? $0 : nil }
        let anchorOffset = anchorRow.flatMap { old.rowLine[$0] }.map { top - $0 }
        let count = comparison.rows.count
        let start = max(0, min(row - Self.windowRows / 2, count - Self.windowRows))
        window = start..<min(count, start + Self.windowRows)
        let new = layout()
        if keepView, let anchorRow, let anchorOffset, let line = new.rowLine[anchorRow] {
            top = line + anchorOffset
        } else if let line = new.rowLine[row] {
            top = line
        }
        clampTop()
    }

    /// After each key: moves the window when the view has come near one of its edges.
    mutating func followWithWindow() {
        guard usesWindow, !quit else { return }
        let layout = layout()
        guard let row = layout.row(ofLine: top) else { return }
        let nearStart = layout.window.lowerBound > 0 && row - layout.window.lowerBound < Self.windowMargin
        let nearEnd = layout.window.upperBound < comparison.rows.count && layout.window.upperBound - row < Self.windowMargin
        if nearStart || nearEnd { moveWindow(around: row, keepView: true) }
    }

    /// Whether a sentence is shown at all (the filter may hide its row), wherever it is.
    mutating func isShown(_ sentence: SentenceRef) -> Bool {
        let metrics = wrapMetrics()
        return !isHidden(row: metrics.row(of: sentence, in: comparison))
    }

    /// Makes sure a sentence's row is laid out (moving the window to it if need be).
    mutating func reveal(_ sentence: SentenceRef) {
        guard usesWindow else { return }
        let row = wrapMetrics().row(of: sentence, in: comparison)
        if !layout().window.contains(row) { moveWindow(around: row) }
    }

    /// Makes sure a row is laid out.
    mutating func reveal(row: Int) {
        guard usesWindow, !layout().window.contains(row) else { return }
        moveWindow(around: row)
    }

    /// Past the window, in reading order: the first (or, going back, the last) sentence that passes
    /// `test`, with its window laid out. Rows are looked at through their paragraphs' sentences,
    /// without laying them out, until one holds a match.
    mutating func findBeyondWindow(_ direction: Int, where test: (SentenceRef) -> Bool) -> SentenceRef? {
        guard usesWindow else { return nil }
        let window = layout().window
        var row = direction > 0 ? window.upperBound : window.lowerBound - 1
        while row >= 0, row < comparison.rows.count {
            defer { row += direction }
            if isHidden(row: row) { continue }
            let holds = comparison.rows[row].a.contains { paragraph in
                comparison.a.paragraphs[paragraph].sentences.contains { test(SentenceRef(.a, $0)) }
            } || comparison.rows[row].b.contains { paragraph in
                comparison.b.paragraphs[paragraph].sentences.contains { test(SentenceRef(.b, $0)) }
            }
            guard holds else { continue }
            moveWindow(around: row)
            // The row's sentences in reading order: the first match going on, the last going back.
            let layout = layout()
            guard let line = layout.rowLine[row] else { return nil }
            var position = layout.firstPosition(atOrAfterLine: line)
            var found: SentenceRef?
            while position < layout.order.count, let l = layout.line(of: layout.order[position]), layout.row(ofLine: l) == row {
                if test(layout.order[position]) {
                    found = layout.order[position]
                    if direction > 0 { break }
                }
                position += 1
            }
            return found
        }
        return nil
    }
}
