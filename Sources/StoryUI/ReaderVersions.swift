import StoryCore

/// Copies still being compared: how many there are and how many are done.
public struct CopiesPending: Sendable, Equatable {
    public var total: Int
    public var done: Int
}

/// What the reader keeps from copy to copy when it shows one base and many copies.
public struct VersionState: Sendable {
    public let collation: Collation
    /// The copy shown on the right, from 1.
    public internal(set) var current: Int
    /// The overview: the selected row (in sorted order), its first row shown, the sort.
    var overviewSelection = 0
    var overviewTop = 0
    public internal(set) var sortColumn: OverviewColumn = .copy
    public internal(set) var sortDescending = false

    init(collation: Collation, current: Int) {
        self.collation = collation
        self.current = current
    }

    /// The overview's rows in the order shown.
    var sortedRows: [CopyOverview] { sortColumn.sorted(collation.overview, descending: sortDescending) }
}

extension Reader {
    /// The reader on one base and many copies: the base on the left, copy `copy` on the right.
    public init(collation: Collation, themes: [Theme], width: Int, height: Int, copy: Int = 1) {
        let number = min(max(1, copy), max(1, collation.copyCount))
        self.init(comparison: collation.comparison(number), themes: themes, width: width, height: height, ledgers: .later)
        install(collation.ledgers[number - 1])
        versions = VersionState(collation: collation, current: number)
        cachedLayoutReset()
        openAtFirstPair()
        let opening = message
        message = copyMessage() + (opening.map { " · " + $0 } ?? "")
    }

    /// The reader on copy 1 while the other copies are still being compared: the base on the
    /// left and copy 1 on the right at once, the rest arriving through `install(_ collation:)`.
    public init(firstCopy comparison: Comparison, ledgers: Ledgers, copies: Int, themes: [Theme], width: Int, height: Int) {
        self.init(comparison: comparison, themes: themes, width: width, height: height, ledgers: .later)
        install(ledgers)
        copiesPending = CopiesPending(total: copies, done: 1)
        cachedLayoutReset()
        openAtFirstPair()
        let opening = message
        message = "copy 1 of \(copies): \(SafeText.sanitize(comparison.b.name)) · comparing the other \(copies - 1) in the background…"
            + (opening.map { " · " + $0 } ?? "")
    }

    /// Takes the collation once every copy is compared (copy 1 is the one shown).
    public mutating func install(_ collation: Collation) {
        versions = VersionState(collation: collation, current: 1)
        copiesPending = nil
        cachedLayoutReset()
        message = "all \(collation.copyCount) copies compared: v V other copies · o overview · D what some copy changed"
    }

    /// Copies compared so far, while the rest are (shown by v, V, o and D until they are done).
    public mutating func copiesCompared(_ done: Int) { copiesPending?.done = done }

    /// Says that the copies are still being compared; true when they are.
    mutating func stillComparingCopies() -> Bool {
        guard let pending = copiesPending else { return false }
        message = "still comparing the copies (\(pending.done) of \(pending.total) done)…"
        return true
    }

    /// "copy 3 of 20: name · v next, V previous, o overview".
    func copyMessage() -> String {
        guard let versions else { return "" }
        let row = versions.collation.overview[versions.current - 1]
        return "copy \(versions.current) of \(versions.collation.copyCount): \(SafeText.sanitize(row.name)) · "
            + "keeps \(TextReport.percent(row.coverageOfBase)) of the base · v V other copies · o overview"
    }

    /// "base" or "copy 3/20" in the pane headers; A and B with two stories.
    func versionLetter(_ side: Side) -> String {
        if let pending = copiesPending { return side == .a ? "base" : "copy 1/\(pending.total)" }
        guard let versions else { return side == .a ? "A" : "B" }
        return side == .a ? "base" : "copy \(versions.current)/\(versions.collation.copyCount)"
    }

    // MARK: Switching copies

    /// The next or previous copy (going round).
    mutating func showCopy(step: Int) {
        if stillComparingCopies() { return }
        guard let versions else {
            message = "v and V show other copies: give three or more stories (storydiff BASE COPY1 COPY2 …)"
            return
        }
        let count = versions.collation.copyCount
        showCopy(((versions.current - 1 + step) % count + count) % count + 1)
    }

    /// Shows copy `number`, keeping the base where it is: the base sentence under the cursor
    /// (or the first on screen) stays on the same screen line, as far as the layout allows.
    public mutating func showCopy(_ number: Int) {
        guard var versions, (1...versions.collation.copyCount).contains(number) else { return }
        let layout = layout()
        // The base sentence to keep in place: the cursor's, its counterpart's, or the first shown.
        var anchor: Int?
        if let cursor {
            anchor = cursor.side == .a ? cursor.index : comparison.counterparts(.b, sentence: cursor.index).first
        }
        if anchor == nil {
            let start = layout.firstPosition(atOrAfterLine: top)
            anchor = layout.order[min(start, layout.order.count)...].first { $0.side == .a }?.index
        }
        let screenLine = anchor.flatMap { layout.line(of: SentenceRef(.a, $0)) }.map { $0 - top }
        let wasOnCopy = cursor?.side == .b
        var next = Reader(comparison: versions.collation.comparison(number), themes: themes, width: width, height: height, ledgers: .later)
        next.install(versions.collation.ledgers[number - 1])
        next.themeIndex = themeIndex
        next.colors = colors
        next.noColor = noColor
        next.ascii = ascii
        next.layoutChoice = layoutChoice
        next.filter = filter
        next.showChrome = showChrome
        next.wordEmphasis = wordEmphasis
        next.exporter = exporter
        next.fileExists = fileExists
        versions.current = number
        next.versions = versions
        next.cachedLayoutReset()
        if let anchor {
            var target = SentenceRef(.a, anchor)
            next.reveal(target)
            if !next.isShown(target) {
                // Hidden in this copy (the filter): the nearest base sentence after it that shows.
                let order = next.layout().order
                target = order.first { $0.side == .a && $0.index >= anchor } ?? order.last { $0.side == .a } ?? target
            }
            let counterpart = next.comparison.counterparts(.a, sentence: target.index).first.map { SentenceRef(.b, $0) }
            next.cursor = wasOnCopy ? (counterpart ?? target) : target
            next.focus = next.cursor?.side ?? .a
            if let line = next.layout().line(of: target) {
                next.top = line - max(0, min(screenLine ?? next.contentHeight / 4, next.contentHeight - 1))
                next.clampTop()
            }
            if let cursor = next.cursor { next.scrollToShow(cursor) }
        }
        next.message = next.copyMessage()
        self = next
    }

    // MARK: Base sentences across copies

    /// "copies: identical in 14, paraphrased in 3, dropped by 2 (5, 9)" for a base sentence.
    func copiesNote(_ ref: SentenceRef) -> String? {
        guard let versions, ref.side == .a, let fate = versions.collation.fate(ofBaseSentence: ref.index) else { return nil }
        var note = "copies: " + fate.summary
        let dropped = fate.dropped
        if !dropped.isEmpty && dropped.count <= 6 { note += " (dropped by " + dropped.map { "\($0)" }.joined(separator: ", ") + ")" }
        return note
    }

    /// Rows whose base sentences every copy keeps word for word (hidden by D), rows without base
    /// text among them.
    func rowsKeptEverywhere() -> [Bool]? {
        guard let versions else { return nil }
        let base = comparison.a
        return comparison.rows.map { row in
            !row.a.contains { paragraph in
                base.paragraphs[paragraph].sentences.contains { sentence in
                    versions.collation.fate(ofBaseSentence: sentence).map { !$0.keptVerbatimEverywhere } ?? false
                }
            }
        }
    }

    mutating func toggleChangedInSomeCopy() {
        if stillComparingCopies() { return }
        guard versions != nil else {
            message = "D needs copies: give three or more stories (storydiff BASE COPY1 COPY2 …)"
            return
        }
        let on = filter != .changedInSomeCopy
        relayoutFiltered(on ? .changedInSomeCopy : .everything)
        message = on ? "showing only base sentences some copy drops or changes (D shows everything)" : "showing everything"
    }

    /// The copies-kept count on a base sentence's first line: quiet when every copy keeps it word
    /// for word, louder as copies change or drop it.
    func drawKeptCount(_ pieces: [Piece], index: Int, x: Int, y: Int, layout: ReaderLayout, theme: Theme, grid: inout ScreenGrid) {
        guard let versions else { return }
        var seen: SentenceRef?
        for piece in pieces {
            guard let ref = piece.sentence, ref.side == .a, ref != seen else { continue }
            seen = ref
            guard layout.line(of: ref) == index, let fate = versions.collation.fate(ofBaseSentence: ref.index) else { continue }
            let kept = fate.keptCount, count = fate.classes.count
            let role: ThemeRole = fate.keptVerbatimEverywhere ? .gutter : kept == count ? .near : kept == 0 ? .unique : .partial
            let text = kept > 99 ? "++" : (kept < 10 ? " " : "") + "\(kept)"
            let style = theme[.gutter].patched(with: Style(foreground: theme[role].foreground, bold: role != .gutter))
            grid.put(text, x: x, y: y, style: style)
            return
        }
    }

    // MARK: The overview

    mutating func openOverview() {
        if stillComparingCopies() { return }
        guard var versions else { return }
        // The copy shown is selected.
        versions.overviewSelection = versions.sortedRows.firstIndex { $0.copy == versions.current } ?? 0
        versions.overviewTop = max(0, versions.overviewSelection - overviewRows + 1)
        self.versions = versions
        overlay = .overview
    }

    /// Table rows the overview shows at once.
    var overviewRows: Int { max(1, height - 7) }

    /// The columns that fit the screen, most telling first, in the table's order.
    func overviewColumns(width available: Int) -> [OverviewColumn] {
        guard let versions else { return [] }
        let priority: [OverviewColumn] = [.copy, .name, .baseKept, .dropped, .factsLost, .factsChanged, .quotes, .closest, .ownText,
                                          .words, .fromBase, .factsAdded, .identical, .near, .paraphrase, .partial, .own]
        var chosen: Set<OverviewColumn> = []
        var used = 0
        for column in priority {
            let width = overviewWidth(column, versions)
            if used + width + (chosen.isEmpty ? 0 : 2) > available { continue }
            used += width + (chosen.isEmpty ? 0 : 2)
            chosen.insert(column)
        }
        return OverviewColumn.allCases.filter(chosen.contains)
    }

    func overviewWidth(_ column: OverviewColumn, _ versions: VersionState) -> Int {
        let cells = versions.collation.overview.map { DisplayWidth.of(SafeText.sanitize(column.cell($0))) }
        let widest = max(DisplayWidth.of(column.heading) + 1, cells.max() ?? 0)
        return column == .name ? min(widest, 24) : widest
    }

    mutating func handleOverview(_ key: Key) {
        guard var versions else { overlay = .none; return }
        let rows = versions.sortedRows
        let columns = overviewColumns(width: max(20, width - 4) - 4)
        switch key {
        case .character("j"), .down: versions.overviewSelection += 1
        case .character("k"), .up: versions.overviewSelection -= 1
        case .character(" "), .pageDown: versions.overviewSelection += overviewRows - 1
        case .character("b"), .pageUp: versions.overviewSelection -= overviewRows - 1
        case .character("g"), .home: versions.overviewSelection = 0
        case .character("G"), .end: versions.overviewSelection = rows.count - 1
        case .right, .left, .character("l"), .character("h"), .tab, .backTab:
            // The sorted column moves; the selected copy stays selected.
            let selected = rows.indices.contains(versions.overviewSelection) ? rows[versions.overviewSelection].copy : versions.current
            let position = columns.firstIndex(of: versions.sortColumn) ?? 0
            let step = key == .right || key == .character("l") || key == .tab ? 1 : -1
            versions.sortColumn = columns.isEmpty ? .copy : columns[(position + step + columns.count) % columns.count]
            // Counts read best largest first; names and numbers from the start.
            versions.sortDescending = !(versions.sortColumn == .copy || versions.sortColumn == .name || versions.sortColumn == .closest)
            versions.overviewSelection = versions.sortedRows.firstIndex { $0.copy == selected } ?? 0
            message = "sorted by \(versions.sortColumn.heading) (\(versions.sortColumn.meaning))\(versions.sortDescending ? ", largest first" : "") · r reverses"
        case .character("r"):
            let selected = rows.indices.contains(versions.overviewSelection) ? rows[versions.overviewSelection].copy : versions.current
            versions.sortDescending.toggle()
            versions.overviewSelection = versions.sortedRows.firstIndex { $0.copy == selected } ?? 0
            message = "sorted by \(versions.sortColumn.heading), \(versions.sortDescending ? "largest first" : "smallest first")"
        case .enter:
            let number = rows.indices.contains(versions.overviewSelection) ? rows[versions.overviewSelection].copy : versions.current
            self.versions = versions
            overlay = .none
            if number != versions.current { showCopy(number) } else { message = copyMessage() }
            return
        case .wheelDown: versions.overviewSelection += 3
        case .wheelUp: versions.overviewSelection -= 3
        case .character("o"), .character("q"), .escape: overlay = .none; self.versions = versions; return
        default:
            message = "in the overview: j k move · ← → sort column · r reverse · Enter opens · Esc closes"
        }
        versions.overviewSelection = max(0, min(rows.count - 1, versions.overviewSelection))
        if versions.overviewSelection < versions.overviewTop { versions.overviewTop = versions.overviewSelection }
        if versions.overviewSelection >= versions.overviewTop + overviewRows { versions.overviewTop = versions.overviewSelection - overviewRows + 1 }
        self.versions = versions
    }

    func drawOverview(_ grid: inout ScreenGrid, theme: Theme) {
        guard let versions else { return }
        let boxWidth = max(20, width - 4), boxHeight = max(5, height - 2)
        let x0 = (width - boxWidth) / 2, y0 = 1
        let style = theme[.overlay]
        let count = versions.collation.copyCount
        drawBox(&grid, x0: x0, y0: y0, width: boxWidth, height: boxHeight,
                title: "\(count) copies of “\(truncate(SafeText.sanitize(versions.collation.base.title), max(8, boxWidth / 2)))”", theme: theme)
        let columns = overviewColumns(width: boxWidth - 4)
        let widths = columns.map { overviewWidth($0, versions) }
        func cells(_ texts: [String], y: Int, style: Style, sorted: Bool = false) {
            var x = x0 + 2
            for (index, column) in columns.enumerated() {
                var text = texts[index]
                if column == .name { text = middleTruncate(text, widths[index]) }
                let pad = max(0, widths[index] - DisplayWidth.of(text))
                let shown = column.isNumeric ? String(repeating: " ", count: pad) + text : text + String(repeating: " ", count: pad)
                var look = style
                if sorted && column == versions.sortColumn { look = look.patched(with: Style(bold: true, underline: true)) }
                grid.put(shown, x: x, y: y, style: look, limit: x0 + boxWidth - 2)
                x += widths[index] + 2
            }
        }
        // The heading: the sorted column marked ▲ or ▼.
        cells(columns.map { $0 == versions.sortColumn ? $0.heading + (versions.sortDescending ? "▼" : "▲") : $0.heading },
              y: y0 + 1, style: style.patched(with: Style(bold: true)), sorted: true)
        let rows = versions.sortedRows
        for (offset, row) in rows.dropFirst(versions.overviewTop).prefix(overviewRows).enumerated() {
            let index = versions.overviewTop + offset, y = y0 + 2 + offset
            var look = index == versions.overviewSelection ? style.patched(with: theme[.cursor]) : style
            if row.copy == versions.current && index != versions.overviewSelection { look = look.patched(with: Style(bold: true)) }
            if index == versions.overviewSelection { grid.fill(y: y, from: x0 + 2, to: x0 + boxWidth - 2, style: look) }
            cells(columns.map { SafeText.sanitize($0.cell(row)) }, y: y, style: look)
        }
        // What the selected copy is, and which version it was most likely made from.
        if rows.indices.contains(versions.overviewSelection) {
            let row = rows[versions.overviewSelection]
            var about = "copy \(row.copy): \(SafeText.sanitize(row.title))"
            about += " · closest to \(CopyOverview.versionName(row.closest)) (\(TextReport.percent(row.closestShare)) of its three-word runs"
            about += row.closest == 0 ? ")" : "; the base \(TextReport.percent(row.baseShare)))"
            about += " · own text \(TextReport.percent(row.ownShare))"
            grid.put(truncate(about, boxWidth - 4), x: x0 + 2, y: y0 + boxHeight - 3, style: style)
        }
        let footer = " \(min(rows.count, versions.overviewSelection + 1))/\(rows.count) · j k move · ← → sort · r reverse · Enter opens · Esc closes "
        grid.put(truncate(footer, boxWidth - 4), x: x0 + 2, y: y0 + boxHeight - 1, style: style, limit: x0 + boxWidth - 1)
    }
}
