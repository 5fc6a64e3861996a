import StoryCore

/// The reader's state and behaviour, independent of any terminal: keys in, frames out.
public struct Reader: Sendable {
    public enum LayoutChoice: Sendable, Equatable { case automatic, sideBySide, stacked }
    public enum Overlay: Sendable, Equatable { case none, help, summary, facts, quotes, detail, overview }

    public let comparison: Comparison
    /// The facts ledger and the quotes: the panels, the gutter flags and the status notes. On a
    /// long document they are found after the first screen (`LedgerTiming.later`) and arrive
    /// through `install(_:)`; until then the panels say so and no sentence is flagged.
    public private(set) var ledgers: Ledgers?
    /// When the facts and quotes are found: at once, or by the caller, off the main loop.
    public enum LedgerTiming: Sendable { case now, later }
    /// A panel or jump was asked for before the ledgers arrived: say when they do.
    var ledgersAwaited = false
    /// The lines of the facts and quotes panels (empty until the ledgers arrive).
    public private(set) var factItems: [PanelItem] = []
    public private(set) var quoteItems: [PanelItem] = []
    /// The facts and quotes panels: the selected item and the first one shown.
    public internal(set) var panelSelection = 0
    var panelTop = 0
    /// The detail view: the sentence it describes and its first line shown.
    var detailFor: SentenceRef?
    var detailTop = 0
    /// The first line shown of the help or the summary.
    var overlayTop = 0
    /// After a jump from a panel: the item's place on the other side, for Tab.
    var pendingOtherPlace: SentenceRef?
    /// Whether each sentence is flagged (a fact or quotation that differs), per side.
    private(set) var flaggedA: [Bool] = []
    private(set) var flaggedB: [Bool] = []
    public var themes: [Theme]
    public var themeIndex = 0
    /// Colours the terminal can show (256, 8, or 0 for none) and whether NO_COLOR is set.
    public var colors = 256
    public var noColor = false
    /// Draw in ASCII only (marks, frames, punctuation): `--ascii`, or a non-UTF-8 locale.
    public var ascii = false

    /// Each story's title, sanitised (found once: a story without a headline is searched to its end).
    let titles: [String]
    public internal(set) var width: Int
    public internal(set) var height: Int
    /// First visible line of the scrolling area.
    public internal(set) var top = 0
    public internal(set) var cursor: SentenceRef?
    public internal(set) var focus: Side = .a
    public var layoutChoice: LayoutChoice = .automatic
    /// Which rows are shown: all, those with a difference, or those where one side has one.
    public enum RowFilter: Sendable, Equatable {
        case everything, differences, differencesOf(Side)
        /// With many versions: rows holding a base sentence that some copy drops or changes.
        case changedInSomeCopy
    }
    public internal(set) var filter: RowFilter = .everything
    /// Site chrome shown row by row (`z`), rather than folded into one dim line a run.
    public internal(set) var showChrome = false
    /// Whether a filter hides rows (a report of the screen then leaves out identical rows).
    public var hideIdentical: Bool { filter != .everything }
    public internal(set) var wordEmphasis = true
    public internal(set) var overlay: Overlay = .none
    /// The search being typed after "/", if any.
    public var searchInput: String? { searchEditor?.string }
    /// The search being typed, with its cursor.
    public private(set) var searchEditor: LineEditor?
    public private(set) var searchQuery: String?
    public private(set) var matches: [SearchMatch] = []
    public private(set) var currentMatch: Int?
    /// Places jumped from, newest last (Ctrl-O, '').
    var jumpList: [SentenceRef] = []
    /// Places Ctrl-O left, so that '' returns to the newest of them.
    var jumpedBackFrom: [SentenceRef] = []
    /// The first ' of '' was typed.
    var awaitingQuote = false
    /// The filter being typed after / in a panel, and the filter in force.
    public internal(set) var panelFilterEditor: LineEditor?
    public internal(set) var panelFilter: String?
    /// The phrase `a`/`A` stepped to, highlighted as a search match is.
    var phrase: SearchMatch?
    public internal(set) var message: String?
    public private(set) var quit = false
    /// With three or more stories: the collation and which copy is shown (nil: two stories).
    public internal(set) var versions: VersionState?
    /// With many versions, while the copies after the first are still being compared.
    public internal(set) var copiesPending: CopiesPending?

    /// Writes a report (path, only differences, theme) and says what happened; set by the program.
    public typealias Exporter = @Sendable (_ path: String, _ hideIdentical: Bool, _ theme: Theme) -> String
    public var exporter: Exporter?
    /// Whether a path names an existing file: export asks before it overwrites one.
    public var fileExists: (@Sendable (String) -> Bool)?
    /// A path that exists, waiting for y to overwrite it.
    public private(set) var overwritePending: String?
    /// The path being typed after "e", if any.
    public var exportInput: String? { exportEditor?.string }
    /// The path being typed, with its cursor.
    public private(set) var exportEditor: LineEditor?
    public static let defaultExportPath = "storydiff-report.html"

    private var cachedLayout: ReaderLayout?
    private var cachedKey: LayoutKey?
    /// Word widths of both stories, measured at the first layout and kept for every other.
    private var metrics: WrapMetrics?
    /// On a long document, the rows laid out (see ReaderWindow.swift); nil: all of them.
    var window: Range<Int>?

    /// What line breaks depend on (search matches only restyle words).
    private struct LayoutKey: Equatable {
        var width: Int
        var mode: ReaderLayout.Mode
        var filter: RowFilter
        var showChrome: Bool
        var window: Range<Int>?
    }
    private var cachedQuery: String?
    private var cachedPhrase: SearchMatch?

    /// A place where the search query was found.
    public struct SearchMatch: Sendable, Equatable {
        public var sentence: SentenceRef
        public var span: TextSpan
    }

    public init(comparison: Comparison, themes: [Theme], width: Int, height: Int, ledgers timing: LedgerTiming = .now) {
        // The emphasis of reworded pairs, worked out once rather than on every redraw.
        self.comparison = comparison.withEssentialEmphasis()
        titles = [SafeText.sanitize(comparison.a.title), SafeText.sanitize(comparison.b.title)]
        self.themes = themes.isEmpty ? [ThemeLoader.builtInDefault] : themes
        self.width = min(max(1, width), Key.largestScreen.width)
        self.height = min(max(1, height), Key.largestScreen.height)
        let firstA = comparison.a.sentences.first { $0.role.isCompared } ?? comparison.a.sentences.first
        cursor = firstA.map { SentenceRef(.a, $0.index) }
        window = Self.initialWindow(rows: comparison.rows.count)
        if timing == .now { install(Ledgers(comparison)) }
        openAtFirstPair()
        // A page whose article may be lost says so at once, where the reader looks.
        if let warning = (comparison.a.warnings + comparison.b.warnings).first(where: WebPage.isSmallArticleWarning) {
            message = SafeText.sanitize(warning)
        }
    }

    /// When the top of the document is only chrome and a headline, the first screen starts at
    /// the first row where both versions have matched text, and says so (g goes to the very top).
    mutating func openAtFirstPair() {
        let rows = comparison.rows
        guard let first = rows.indices.first(where: { index in
            let row = rows[index]
            return !row.a.isEmpty && !row.b.isEmpty && row.link != .boilerplate && row.link != .unique
        }), first > 0 else { return }
        let onlyTop = rows[..<first].allSatisfy { row in
            for (side, paragraphs) in [(Side.a, row.a), (.b, row.b)] {
                let story = comparison.story(side)
                for paragraph in paragraphs where !(story.paragraphs[paragraph].role == .headline
                    || story.paragraphs[paragraph].sentences.allSatisfy({ comparison.classes(side)[$0] == .boilerplate })) { return false }
            }
            return true
        }
        guard onlyTop else { return }
        reveal(row: first)
        let layout = layout()
        guard let line = layout.rowLine[first] else { return }
        top = line
        clampTop()
        cursor = layout.order.first { layout.line(of: $0) == line && $0.side == .a } ?? layout.order.first { (layout.line(of: $0) ?? -1) >= line } ?? cursor
        message = "opened at the first matched paragraph, past headline and chrome · g: top"
    }

    /// Takes the facts and quotes, found now or in the background.
    public mutating func install(_ ledgers: Ledgers) {
        self.ledgers = ledgers
        factItems = Self.factItems(ledgers)
        quoteItems = Self.quoteItems(ledgers)
        flaggedA = comparison.a.sentences.indices.map { ledgers.isFlagged(.a, sentence: $0) }
        flaggedB = comparison.b.sentences.indices.map { ledgers.isFlagged(.b, sentence: $0) }
        if ledgersAwaited {
            ledgersAwaited = false
            message = "facts and quotes are ready: F facts, Q quotes, x next flagged sentence"
        }
    }

    /// Whether a comparison is long enough for its reader to open before its facts and quotes
    /// are found (above 4,000 sentences, both sides: they take about 0.05 ms a sentence).
    public static func findsLedgersLater(_ comparison: Comparison) -> Bool {
        comparison.a.sentences.count + comparison.b.sentences.count > 4_000
    }

    /// Says that the facts and quotes are still being found; true when they are.
    mutating func stillFindingLedgers() -> Bool {
        guard ledgers == nil else { return false }
        ledgersAwaited = true
        message = "still finding facts and quotes in this long document…"
        return true
    }

    public var theme: Theme { themes[themeIndex].adapted(colors: colors, noColor: noColor) }

    // MARK: Layout

    public var mode: ReaderLayout.Mode {
        switch layoutChoice {
        case .automatic: return width < ReaderLayout.stackBelow ? .stacked : .sideBySide
        case .sideBySide: return .sideBySide
        case .stacked: return .stacked
        }
    }

    /// Lines for the scrolling area: the screen less the header, status and message lines.
    public var contentHeight: Int { max(1, height - 3) }

    public static let minimumWidth = 30
    public static let minimumHeight = 8
    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    public mutating func layout() -> ReaderLayout {
        let key = LayoutKey(width: width, mode: mode, filter: filter, showChrome: showChrome, window: window)
        if let cachedLayout, cachedKey == key, cachedQuery == searchQuery, cachedPhrase == phrase { return cachedLayout }
        var spans: [Side: [TextSpan]] = [:]
        for match in matches { spans[match.sentence.side, default: []].append(match.span) }
        // A stepped-to phrase is lit as a match (not over a search's, which would overlap it).
        if let phrase, matches.isEmpty { spans[phrase.sentence.side] = [phrase.span] }
        let layout: ReaderLayout
        if let cachedLayout, cachedKey == key {
            layout = cachedLayout.with(matches: spans)
        } else {
            layout = ReaderLayout(comparison: comparison, width: width, mode: mode, hidden: hiddenRows(),
                                  folded: showChrome ? nil : wrapMetrics().chromeRows, matches: spans,
                                  metrics: wrapMetrics(), rows: window,
                                  gutter: versions == nil && copiesPending == nil ? ReaderLayout.gutterWidth : ReaderLayout.versionsGutterWidth)
        }
        cachedLayout = layout
        cachedKey = key
        cachedQuery = searchQuery
        cachedPhrase = phrase
        return layout
    }

    /// The rows the filter hides (nil: none).
    mutating func hiddenRows() -> [Bool]? {
        switch filter {
        case .everything: return nil
        case .differences: return wrapMetrics().identicalRows
        case .differencesOf(let side): return side == .a ? wrapMetrics().quietRowsA : wrapMetrics().quietRowsB
        case .changedInSomeCopy: return rowsKeptEverywhere()
        }
    }

    /// Whether the filter hides a row, or it is chrome folded away.
    mutating func isHidden(row: Int) -> Bool {
        if !showChrome, isChrome(row: row) { return true }
        guard filter != .everything else { return false }
        return hiddenRows().map { $0.indices.contains(row) && $0[row] } ?? false
    }

    /// Whether a row is site chrome alone.
    mutating func isChrome(row: Int) -> Bool {
        wrapMetrics().chromeRows.map { $0.indices.contains(row) && $0[row] } ?? false
    }

    mutating func wrapMetrics() -> WrapMetrics {
        if let metrics { return metrics }
        let made = WrapMetrics(comparison: comparison)
        metrics = made
        return made
    }

    // MARK: Keys

    public mutating func handle(_ key: Key) {
        // A jump (not a step) leaves its place on the jump list, for Ctrl-O and ''.
        let before = cursor
        let jumping = ((overlay == .facts || overlay == .quotes) && key == .enter && panelFilterEditor == nil)
            || (searchEditor != nil && key == .enter)
            || (overlay == .none && searchEditor == nil && exportEditor == nil && Self.jumpKeys.contains(key))
        handleKey(key)
        if jumping, let before, cursor != before { recordJump(from: before) }
        followWithWindow()
    }

    /// Keys that jump rather than step (vim's jump motions, less's marks).
    static let jumpKeys: Set<Key> = [.character("g"), .character("G"), .home, .end, .enter, .character("n"), .character("N"),
                                     .character("u"), .character("U"), .character("c"), .character("C"), .character("o"),
                                     .character("O"), .character("x"), .character("X")]

    mutating func recordJump(from place: SentenceRef) {
        if jumpList.last != place { jumpList.append(place) }
        if jumpList.count > 100 { jumpList.removeFirst(jumpList.count - 100) }
    }

    /// Back to where the last jump came from (Ctrl-O goes on back; '' comes back again).
    mutating func jumpBack(toggle: Bool) {
        guard let cursor else { return }
        var target: SentenceRef?
        while let last = jumpList.popLast() {
            if last != cursor, isShown(last) { target = last; break }
        }
        guard let target else { message = "the jump list is empty: jumps (g G n u c x Enter …) leave their place on it"; return }
        if toggle { recordJump(from: cursor) } else { jumpedBackFrom.append(cursor) }
        reveal(target)
        self.cursor = target
        focus = target.side
        scrollToShow(target, jump: true)
        message = "back to \(label(target))" + (toggle ? " ('' returns)" : " (Ctrl-O goes on back, '' returns)")
    }

    private mutating func handleKey(_ key: Key) {
        if case .resize(let newWidth, let newHeight) = key {
            // A terminal larger than the reader lays out is drawn at the largest size it does.
            let width = min(max(1, newWidth), Key.largestScreen.width), height = min(max(1, newHeight), Key.largestScreen.height)
            relayout { $0.width = width; $0.height = height }
            return
        }
        if key == .interrupt { quit = true; return }
        // The "too small" screen shows nothing to act on: only quitting (or resizing) works there.
        if isTooSmall {
            if key == .character("q") { quit = true }
            return
        }
        message = nil
        if searchEditor != nil { handleSearchInput(key); return }
        if exportEditor != nil { handleExportInput(key); return }
        if let path = overwritePending {
            overwritePending = nil
            if key == .character("y") || key == .character("Y"), let exporter {
                message = exporter(path, hideIdentical, themes[themeIndex])
            } else {
                message = "export cancelled: \(path) left as it was"
            }
            return
        }
        if overlay == .facts || overlay == .quotes { handlePanel(key); return }
        if overlay == .detail { handleDetail(key); return }
        if overlay == .overview { handleOverview(key); return }
        if overlay != .none {
            // j k and the page keys scroll a help or summary taller than the screen; any other
            // key closes it.
            let lines = overlay == .help ? Self.helpLines.count : summaryLines().count
            let rows = max(1, min(height - 2, lines + 4) - 4)
            switch key {
            case .character("j"), .down: overlayTop += 1
            case .character("k"), .up: overlayTop -= 1
            case .character(" "), .pageDown: overlayTop += rows - 1
            case .character("b"), .pageUp: overlayTop -= rows - 1
            default: overlay = .none; overlayTop = 0; return
            }
            overlayTop = max(0, min(overlayTop, lines - rows))
            return
        }
        let pending = pendingOtherPlace
        pendingOtherPlace = nil
        // A phrase stays highlighted only while a/A step through them.
        if key != .character("a") && key != .character("A") && phrase != nil { relayout { $0.phrase = nil } }
        if awaitingQuote {
            awaitingQuote = false
            if key == .character("'") {
                if let back = jumpedBackFrom.popLast() { jumpList.append(back) }
                jumpBack(toggle: true)
            } else {
                message = "' then ' goes back to the last place"
            }
            return
        }
        if key != .character("\u{0F}") && key != .character("'") { jumpedBackFrom.removeAll() }
        switch key {
        case .character("q"): quit = true
        case .character("\u{0F}"): jumpBack(toggle: false)
        case .character("'"): awaitingQuote = true; message = "'"
        // Esc closes what is open and never quits (as in less and tig): here, with nothing open,
        // it clears the search highlight, or says how to quit.
        case .escape:
            if searchQuery != nil {
                relayout { $0.searchQuery = nil; $0.matches = [] }
                message = "search cleared"
            } else {
                message = "nothing to close · q quits"
            }
        case .character("j"), .down: moveCursor(by: 1)
        case .character("k"), .up: moveCursor(by: -1)
        case .character(" "), .pageDown: page(1)
        case .character("b"), .pageUp: page(-1)
        case .character("g"), .home: goToTop()
        case .character("G"), .end: goToBottom()
        case .character("}"), .character("]"): jumpRow(1)
        case .character("{"), .character("["): jumpRow(-1)
        case .character("u"): jump(1, description: "unique sentence") { $0 == .unique }
        case .character("U"): jump(-1, description: "unique sentence") { $0 == .unique }
        case .character("c"): jump(1, description: "change") { $0 == .near || $0 == .paraphrase || $0 == .partial || $0 == .unique }
        case .character("C"): jump(-1, description: "change") { $0 == .near || $0 == .paraphrase || $0 == .partial || $0 == .unique }
        case .tab, .backTab, .left, .right:
            if let pending, isShown(pending) {
                reveal(pending)
                // After a jump from a panel, Tab shows the item's place on the other side.
                cursor = pending
                focus = pending.side
                scrollToShow(pending, jump: true)
                message = "\(label(pending)) · " + (ledgers?.note(pending.side, sentence: pending.index) ?? "")
            } else {
                switchPane()
            }
        case .enter: jumpToCounterpart()
        case .character("i"): openDetail()
        case .character("/"): searchEditor = LineEditor()
        case .character("e"):
            if exporter == nil { message = "export is not available here" } else { exportEditor = LineEditor(Self.defaultExportPath) }
        case .character("n"): nextMatch(1)
        case .character("N"): nextMatch(-1)
        case .character("f"):
            relayout { $0.filter = $0.filter == .everything ? .differences : .everything }
            message = hideIdentical ? "showing only differences (f shows everything)" : "showing everything"
        case .character("z"):
            relayout { $0.showChrome.toggle() }
            message = showChrome ? "site chrome shown row by row (z folds it)" : "site chrome folded (z shows it)"
        case .character("d"):
            // The focused side's differences: what it says alone or otherwise; d again shows all.
            let wanted: RowFilter = .differencesOf(focus)
            relayout { $0.filter = $0.filter == wanted ? .everything : wanted }
            message = filter == wanted ? "showing only \(focus == .a ? "A" : "B")'s differences (d or f shows everything)" : "showing everything"
        case .character("w"):
            wordEmphasis.toggle()
            message = wordEmphasis ? "word changes emphasised" : "word emphasis off"
        case .character("t"):
            themeIndex = (themeIndex + 1) % themes.count
            message = "theme: \(themes[themeIndex].name)"
        // L, not l (vim's "right"), switches the layout; h is help as in less.
        case .character("L"):
            let next: LayoutChoice = mode == .sideBySide ? .stacked : .sideBySide
            relayout { $0.layoutChoice = next }
            message = "layout: \(mode.rawValue)"
        case .character("?"), .character("h"): overlay = .help
        case .character("s"): overlay = .summary
        case .character("F"): openPanel(.facts)
        case .character("Q"): openPanel(.quotes)
        case .character("o") where versions != nil || copiesPending != nil: openOverview()
        case .character("o"), .character(">"): jumpOwnSentence(1)
        case .character("O"), .character("<"): jumpOwnSentence(-1)
        case .character("v"): showCopy(step: 1)
        case .character("V"): showCopy(step: -1)
        case .character("D"): toggleChangedInSomeCopy()
        case .character("a"): relayout { $0.jumpPhrase(1) }
        case .character("A"): relayout { $0.jumpPhrase(-1) }
        case .character("x"): jumpFlagged(1)
        case .character("X"): jumpFlagged(-1)
        case .wheelDown: scroll(by: 3)
        case .wheelUp: scroll(by: -3)
        case .character(let character):
            // A key that does nothing says so, instead of seeming ignored.
            let shown = character.unicodeScalars.allSatisfy { $0.properties.generalCategory != .control && !$0.properties.isWhitespace }
                && character.unicodeScalars.allSatisfy({ $0.isASCII }) ? "\(character)" : "this key"
            message = character == "l" ? "l does nothing: L switches the layout · ? help" : "\(shown) does nothing here · ? help"
        default: break
        }
    }

    /// Forgets the layout (the gutter changed: it is laid out again when next asked for).
    mutating func cachedLayoutReset() {
        cachedLayout = nil
        cachedKey = nil
    }

    /// Sets the row filter, keeping the cursor's place on screen.
    mutating func relayoutFiltered(_ filter: RowFilter) { relayout { $0.filter = filter } }

    /// Changes something the layout depends on, keeping the cursor's place on screen.
    private mutating func relayout(_ change: (inout Reader) -> Void) {
        let before = cursorLine().map { $0 - top }
        change(&self)
        let layout = layout()
        if let cursor, layout.line(of: cursor) == nil {
            // Hidden by the filter: the nearest visible sentence after it.
            self.cursor = layout.order.first { $0.side == cursor.side && $0.index >= cursor.index } ?? layout.order.first
        }
        if let line = cursorLine() {
            top = line - min(max(0, before ?? 0), contentHeight - 1)
        }
        clampTop()
        ensureCursorVisible()
    }

    private mutating func cursorLine() -> Int? {
        guard let cursor else { return nil }
        return layout().line(of: cursor)
    }

    mutating func clampTop() {
        let count = layout().lineCount
        top = max(0, min(top, count - contentHeight))
    }

    private mutating func ensureCursorVisible() {
        guard let line = cursorLine() else { return }
        if line < top { top = line }
        else if line >= top + contentHeight { top = line - contentHeight + 1 }
        // Show as much of the cursor's sentence as fits.
        clampTop()
    }

    private mutating func moveCursor(by step: Int) {
        let layout = layout()
        let order = layout.order
        guard let cursor, cursor.side == focus, var position = layout.position(of: cursor) else {
            self.cursor = order.first { $0.side == focus }
            ensureCursorVisible()
            return
        }
        // The step-th sentence of the focused side from here, or the last one there is.
        let direction = step > 0 ? 1 : -1
        var remaining = abs(step), probe = position
        while remaining > 0 {
            probe += direction
            guard probe >= 0, probe < order.count else { break }
            if order[probe].side == focus { position = probe; remaining -= 1 }
        }
        self.cursor = order[position]
        scrollToShow(order[position])
    }

    /// Scrolls so that the whole sentence is visible when it fits. A jump (rather than a step)
    /// that has to scroll puts the sentence a quarter down the screen, so that what leads to it
    /// is in view too.
    mutating func scrollToShow(_ sentence: SentenceRef, jump: Bool = false) {
        let layout = layout()
        guard let first = layout.line(of: sentence), let last = layout.lastLine(of: sentence) else { return }
        let visible = first >= top && last < top + contentHeight
        if jump && !visible {
            top = first - contentHeight / 4
        } else if first < top {
            top = first
        } else if last >= top + contentHeight {
            top = min(first, last - contentHeight + 1)
        }
        clampTop()
    }

    private mutating func page(_ direction: Int) {
        scroll(by: direction * max(1, contentHeight - 2))
    }

    /// Scrolls the view; the cursor follows when it leaves the screen.
    private mutating func scroll(by lines: Int) {
        top += lines
        clampTop()
        guard let line = cursorLine(), line < top || line >= top + contentHeight else { return }
        let layout = layout()
        var visible: [SentenceRef] = []
        var position = layout.firstPosition(atOrAfterLine: top)
        while position < layout.order.count, let l = layout.line(of: layout.order[position]), l < top + contentHeight {
            visible.append(layout.order[position])
            position += 1
        }
        cursor = visible.first { $0.side == focus } ?? visible.first ?? cursor
        if let cursor { focus = cursor.side }
    }

    private mutating func goToTop() {
        reveal(row: 0)
        top = 0
        cursor = layout().order.first { $0.side == focus } ?? layout().order.first
    }

    private mutating func goToBottom() {
        reveal(row: comparison.rows.count - 1)
        top = Int.max
        clampTop()
        cursor = layout().order.last { $0.side == focus } ?? layout().order.last
    }

    /// The next or previous row (aligned paragraph group), its first sentence on the focused side.
    private mutating func jumpRow(_ direction: Int) {
        let before = layout()
        let currentRow = cursorLine().flatMap { before.row(ofLine: $0) } ?? before.row(ofLine: top) ?? 0
        var row = currentRow + direction
        // Rows of chrome alone are skipped, folded or not.
        while row >= 0, row < comparison.rows.count, isHidden(row: row) || isChrome(row: row) { row += direction }
        guard row >= 0, row < comparison.rows.count else {
            message = direction > 0 ? "last paragraph" : "first paragraph"
            return
        }
        reveal(row: row)
        let layout = layout()
        guard let line = layout.rowLine[row] else { return }
        var sentences: [SentenceRef] = []
        var position = layout.firstPosition(atOrAfterLine: line)
        while position < layout.order.count, let l = layout.line(of: layout.order[position]), layout.row(ofLine: l) == row {
            sentences.append(layout.order[position])
            position += 1
        }
        cursor = sentences.first { $0.side == focus } ?? sentences.first ?? cursor
        if let cursor { focus = cursor.side }
        top = line
        clampTop()
    }

    /// The next or previous sentence (either side) whose class passes `test`, in reading order.
    private mutating func jump(_ direction: Int, description: String, where test: (SentenceClass) -> Bool) {
        let comparison = self.comparison
        if let found = nextInReadingOrder(direction, where: { test(comparison.classes($0.side)[$0.index]) }) {
            cursor = found
            focus = found.side
            scrollToShow(found, jump: true)
            return
        }
        message = "no \(direction > 0 ? "next" : "previous") \(description)"
    }

    /// The next or previous sentence in reading order that passes `test`: in the rows laid out,
    /// then (on a long document) beyond them.
    mutating func nextInReadingOrder(_ direction: Int, where test: (SentenceRef) -> Bool) -> SentenceRef? {
        let layout = layout()
        let order = layout.order
        let start = cursor.flatMap { layout.position(of: $0) } ?? (direction > 0 ? -1 : order.count)
        var position = start + direction
        while position >= 0, position < order.count {
            if test(order[position]) { return order[position] }
            position += direction
        }
        return findBeyondWindow(direction, where: test)
    }

    private mutating func switchPane() {
        focus = focus.other
        guard let cursor else { return }
        if let counterpart = comparison.counterparts(cursor.side, sentence: cursor.index).first {
            self.cursor = SentenceRef(focus, counterpart)
            reveal(SentenceRef(focus, counterpart))
        } else {
            // The nearest sentence on the other side by screen position.
            let layout = layout()
            let line = layout.line(of: cursor) ?? top
            // The closest before and after it, scanning out from its place in reading order.
            let here = layout.firstPosition(atOrAfterLine: line)
            var after = here, before = here - 1
            while after < layout.order.count, layout.order[after].side != focus { after += 1 }
            while before >= 0, layout.order[before].side != focus { before -= 1 }
            let candidates = [before >= 0 ? layout.order[before] : nil, after < layout.order.count ? layout.order[after] : nil].compactMap { $0 }
            self.cursor = candidates.min { abs((layout.line(of: $0) ?? 0) - line) < abs((layout.line(of: $1) ?? 0) - line) } ?? cursor
        }
        if let cursor = self.cursor { scrollToShow(cursor) }
    }

    private mutating func jumpToCounterpart() {
        guard let cursor else { return }
        let counterparts = comparison.counterparts(cursor.side, sentence: cursor.index)
        guard let first = counterparts.first else {
            // Nothing to jump to: Enter shows what the sentence is instead.
            openDetail()
            return
        }
        let target = SentenceRef(cursor.side.other, first)
        guard isShown(target) else {
            message = "the counterpart is hidden (f shows everything)"
            return
        }
        reveal(target)
        self.cursor = target
        focus = target.side
        scrollToShow(target, jump: true)
        message = "counterpart \(label(target))"
    }

    // MARK: Export

    private mutating func handleExportInput(_ key: Key) {
        guard var editor = exportEditor else { return }
        switch editor.handle(key) {
        case .editing: exportEditor = editor
        case .cancelled: exportEditor = nil; message = "export cancelled"
        case .submitted(let path):
            exportEditor = nil
            guard !path.isEmpty, let exporter else { message = "export cancelled"; return }
            // An existing file is overwritten only when the user says so, as cp -i asks.
            if fileExists?(path) == true {
                overwritePending = path
                message = "\(path) exists: overwrite it? (y overwrites, any other key keeps it)"
                return
            }
            // The report of what is on screen: the same comparison and filter, the current theme.
            message = exporter(path, hideIdentical, themes[themeIndex])
        }
    }

    // MARK: Search

    private mutating func handleSearchInput(_ key: Key) {
        guard var editor = searchEditor else { return }
        // Backspace on an empty search leaves it, as in less and vim.
        if key == .backspace && editor.text.isEmpty { searchEditor = nil; return }
        switch editor.handle(key) {
        case .editing: searchEditor = editor
        case .cancelled: searchEditor = nil
        case .submitted(let query):
            searchEditor = nil
            search(query)
        }
    }

    /// Finds a query in both stories (case, quotes and dashes folded) and goes to the first match
    /// after the cursor. A query with a regular expression's marks (`\\ . * + ? [ ] ( ) { } | ^ $`)
    /// is one, as in less and vim; one that does not compile, or finds nothing where its plain
    /// words would, is searched as plain text, and the message says so.
    public mutating func search(_ query: String) {
        let needle = Self.foldedScalars(query)
        guard !needle.isEmpty else { relayout { $0.searchQuery = nil; $0.matches = [] }; return }
        var found: [SearchMatch] = []
        var note = ""
        if query.unicodeScalars.contains(where: { "\\.*+?[](){}|^$".unicodeScalars.contains($0) }) {
            // ASCII stays as typed (\D is not \d); curly quotes and dashes fold as the text does.
            let pattern = String(String.UnicodeScalarView(query.unicodeScalars.map { $0.isASCII ? $0 : Self.foldedScalars([$0])[0] }))
            if let regex = try? Regex(pattern).ignoresCase() {
                found = regexMatches(regex)
                if found.isEmpty {
                    found = literalMatches(needle)
                    if !found.isEmpty { note = "no match as a regular expression; found as plain text · " }
                }
            } else {
                found = literalMatches(needle)
                note = "not a regular expression (\\ before . * + ? ( ) [ ] { } | ^ $ to search for one); searched as plain text · "
            }
        } else {
            found = literalMatches(needle)
        }
        relayout { $0.searchQuery = query; $0.matches = found }
        let layout = layout(), metrics = wrapMetrics(), comparison = self.comparison
        let keyed = matches.map { match in
            let key = Self.readingKey(match.sentence, layout: layout, metrics: metrics, comparison: comparison)
            return (match, key.row, key.line, match.sentence.side == .a ? 0 : 1, match.span.start)
        }
        matches = keyed.sorted { ($0.1, $0.2, $0.3, $0.4) < ($1.1, $1.2, $1.3, $1.4) }.map(\.0)
        currentMatch = nil
        guard !matches.isEmpty else { message = note + "not found: \(query)"; return }
        nextMatch(1)
        if let message { self.message = note + message }
    }

    /// Every place a folded needle occurs, sentence by sentence.
    private func literalMatches(_ needle: [Unicode.Scalar]) -> [SearchMatch] {
        var found: [SearchMatch] = []
        for side in Side.allCases {
            let story = comparison.story(side)
            for sentence in story.sentences {
                let scalars = story.scalars[sentence.span.start..<sentence.span.end]
                let folded = Self.foldedScalars(scalars)
                guard folded.count >= needle.count else { continue }
                var index = 0
                while index + needle.count <= folded.count {
                    if folded[index] == needle[0], folded[index..<index + needle.count].elementsEqual(needle) {
                        found.append(SearchMatch(sentence: SentenceRef(side, sentence.index),
                                                 span: TextSpan(sentence.span.start + index, sentence.span.start + index + needle.count)))
                        index += needle.count
                    } else {
                        index += 1
                    }
                }
            }
        }
        return found
    }

    /// Every place a regular expression matches (empty matches left out), sentence by sentence,
    /// on the folded text: folding keeps one scalar for one, so offsets are the story's.
    private func regexMatches(_ regex: Regex<AnyRegexOutput>) -> [SearchMatch] {
        var found: [SearchMatch] = []
        for side in Side.allCases {
            let story = comparison.story(side)
            for sentence in story.sentences {
                let folded = String(String.UnicodeScalarView(Self.foldedScalars(story.scalars[sentence.span.start..<sentence.span.end])))
                let scalars = folded.unicodeScalars
                for match in folded.matches(of: regex) where !match.range.isEmpty {
                    let start = scalars.distance(from: scalars.startIndex, to: match.range.lowerBound)
                    let end = scalars.distance(from: scalars.startIndex, to: match.range.upperBound)
                    found.append(SearchMatch(sentence: SentenceRef(side, sentence.index),
                                             span: TextSpan(sentence.span.start + start, sentence.span.start + end)))
                }
            }
        }
        return found
    }

    private mutating func nextMatch(_ direction: Int) {
        guard let query = searchQuery else { message = "no search yet: / to search"; return }
        let layout = layout(), metrics = wrapMetrics(), comparison = self.comparison
        let visible = matches.indices.filter { isShown(matches[$0].sentence) }
        guard let firstVisible = visible.first, let lastVisible = visible.last else { message = "not found: \(query)"; return }
        let next: Int
        if let current = currentMatch, let position = visible.firstIndex(of: current) {
            next = visible[(position + direction + visible.count) % visible.count]
        } else {
            // Matches after (or before) the cursor in reading order: by row, then line.
            func key(_ index: Int) -> (Int, Int) {
                let key = Self.readingKey(matches[index].sentence, layout: layout, metrics: metrics, comparison: comparison)
                return (key.row, key.line)
            }
            let here: (Int, Int) = cursor.map { Self.readingKey($0, layout: layout, metrics: metrics, comparison: comparison) }
                .map { ($0.row, $0.line) } ?? (layout.row(ofLine: top) ?? 0, top)
            let after = visible.first { key($0) > here } ?? firstVisible
            let before = visible.last { key($0) < here } ?? lastVisible
            next = direction > 0 ? after : before
        }
        // Past the last match (or the first), the search goes round, and says so.
        var wrapped = ""
        if let current = currentMatch, let from = visible.firstIndex(of: current), let to = visible.firstIndex(of: next) {
            if direction > 0, to <= from { wrapped = "search hit bottom, continuing at top · " }
            if direction < 0, to >= from { wrapped = "search hit top, continuing at bottom · " }
        }
        currentMatch = next
        reveal(matches[next].sentence)
        cursor = matches[next].sentence
        focus = matches[next].sentence.side
        scrollToShow(matches[next].sentence, jump: true)
        message = wrapped + "match \((visible.firstIndex(of: next) ?? 0) + 1) of \(visible.count) for “\(query)”"
    }

    /// Where a sentence comes in reading order: its row, then its line when its row is laid out
    /// (lines grow with rows, so on a short document this is simply its line).
    static func readingKey(_ sentence: SentenceRef, layout: ReaderLayout, metrics: WrapMetrics, comparison: Comparison) -> (row: Int, line: Int) {
        (metrics.row(of: sentence, in: comparison), layout.line(of: sentence) ?? 0)
    }

    /// Scalars folded one for one (so offsets still count the original scalars).
    static func foldedScalars<S: Sequence>(_ scalars: S) -> [Unicode.Scalar] where S.Element == Unicode.Scalar {
        scalars.map { scalar in
            // ASCII, nearly all of a story, without making a string per scalar.
            if scalar.value < 0x80 {
                switch scalar.value {
                case 0x41...0x5A: return Unicode.Scalar(scalar.value + 0x20) ?? scalar
                case 0x09...0x0D: return " "
                case 0x60: return "'"
                default: return scalar
                }
            }
            return MatchKey.fold(String(scalar)).unicodeScalars.first ?? " "
        }
    }

    static func foldedScalars(_ text: String) -> [Unicode.Scalar] { foldedScalars(text.unicodeScalars) }

    // MARK: Descriptions

    /// "A12" or "B3", counted from 1 as on screen.
    public func label(_ ref: SentenceRef) -> String { "\(ref.side == .a ? "A" : "B")\(ref.index + 1)" }

    /// Why the cursor's sentence is what it is: the status line's explanation.
    public var explanation: String {
        guard let cursor else { return "" }
        var base = classExplanation(cursor)
        // With many versions, a base sentence says first what all the copies did with it.
        if let fate = copiesNote(cursor) { base = fate + " · " + base }
        guard let note = ledgers?.note(cursor.side, sentence: cursor.index) else { return base }
        return base + " · ! " + note
    }

    private func classExplanation(_ cursor: SentenceRef) -> String {
        let sentenceClass = comparison.classes(cursor.side)[cursor.index]
        let role = comparison.story(cursor.side).sentences[cursor.index].role
        let roleNote = role == .body ? "" : " · \(role.rawValue)"
        switch sentenceClass {
        case .boilerplate: return "\(label(cursor)) · boilerplate (site chrome, not compared)"
        case .unique: return "\(label(cursor)) · only in \(cursor.side == .a ? "A" : "B")\(roleNote)"
        default:
            guard let groupIndex = comparison.groupIndex(cursor.side, sentence: cursor.index) else { return label(cursor) }
            let group = comparison.groups[groupIndex]
            let left = group.a.map { label(SentenceRef(.a, $0)) }.joined(separator: "+")
            let right = group.b.map { label(SentenceRef(.b, $0)) }.joined(separator: "+")
            // The selected side first: "B7 paraphrase A7" reads from where the cursor is.
            var text = cursor.side == .a ? "\(left) \(sentenceClass.rawValue) \(right)" : "\(right) \(sentenceClass.rawValue) \(left)"
            if group.shape != .oneToOne { text += " (\(group.shape.rawValue))" }
            if sentenceClass != .identical {
                text += " · score \(TextReport.format2(group.score))"
                // What a partial pair's extra content is comes first: it is why the pair is partial.
                if let note = group.partialNote { text += " · " + note }
                if !group.features.sharedWords.isEmpty { text += " · shared: " + group.features.sharedWords.prefix(4).joined(separator: ", ") }
                let numbers = group.features.numbersOnlyA.map { "A " + $0 } + group.features.numbersOnlyB.map { "B " + $0 }
                if !numbers.isEmpty { text += " · numbers: " + numbers.joined(separator: ", ") }
                if !group.features.synonyms.isEmpty { text += " · same sense: " + group.features.synonyms.prefix(3).joined(separator: ", ") }
            }
            if group.moved { text += " · moved (Enter jumps)" }
            return text + roleNote
        }
    }
}

extension VisualLine {
    func contains(_ sentence: SentenceRef) -> Bool {
        left.contains { $0.sentence == sentence } || right.contains { $0.sentence == sentence }
    }
}


extension Reader {
    /// Shows a one-line message until the next key.
    public mutating func show(_ text: String) { message = text }

    /// Selects a sentence (tests and callers that restore a position).
    mutating func setCursor(_ sentence: SentenceRef?) { cursor = sentence }
}
