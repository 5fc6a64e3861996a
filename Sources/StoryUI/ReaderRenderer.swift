import StoryCore

extension Reader {
    /// Draws the current frame: header, the visible lines only, status line, message line, overlay.
    public mutating func render() -> ScreenGrid {
        let grid = renderUnicode()
        return ascii ? grid.asciiFolded() : grid
    }

    private mutating func renderUnicode() -> ScreenGrid {
        var grid = ScreenGrid(width: width, height: height)
        let theme = self.theme
        if isTooSmall {
            let text = "terminal too small (\(width)×\(height)); storydiff needs \(Self.minimumWidth)×\(Self.minimumHeight)"
            for (offset, line) in wrapPlain(text, width: max(1, width)).enumerated() where offset < height {
                grid.put(line, x: 0, y: min(height / 2, max(0, height - 1)) + offset - (height > 2 ? 1 : 0), style: theme[.text])
            }
            return grid
        }
        let layout = layout()
        drawHeader(&grid, layout: layout, theme: theme)
        let panes = layout.paneWidths
        let ends = linkEnds
        for (y, line) in layout.lines(top..<top + contentHeight).enumerated() {
            drawLine(line, index: top + y, y: y + 1, panes: panes, layout: layout, ends: ends, theme: theme, grid: &grid)
        }
        drawPeek(&grid, layout: layout, theme: theme)
        drawStatus(&grid, layout: layout, theme: theme)
        switch overlay {
        case .none: break
        case .help: drawOverlay(&grid, title: "storydiff keys", lines: Self.helpLines, theme: theme)
        case .summary: drawOverlay(&grid, title: "summary", lines: summaryLines(), theme: theme)
        case .facts: drawPanel(&grid, title: "facts · \(ledgers?.facts.differences.count ?? 0) differ", theme: theme)
        case .quotes: drawPanel(&grid, title: "quotes · \(ledgers?.quotes.matches.filter(\.isFlagged).count ?? 0) not verbatim", theme: theme)
        case .detail: drawDetail(&grid, theme: theme)
        case .overview: drawOverview(&grid, theme: theme)
        }
        return grid
    }

    // MARK: Pieces

    private func drawLine(_ line: VisualLine, index: Int, y: Int, panes: (left: Int, right: Int), layout: ReaderLayout, ends: Set<SentenceRef>,
                          theme: Theme, grid: inout ScreenGrid) {
        switch line.kind {
        case .blank: return
        case .hidden(let count):
            let what: String
            switch filter {
            case .differencesOf(let side): what = "row\(count == 1 ? "" : "s") with nothing of \(side == .a ? "A" : "B")'s own hidden (d shows them)"
            case .changedInSomeCopy: what = "row\(count == 1 ? "" : "s") every copy keeps word for word hidden (D shows them)"
            default: what = "identical paragraph row\(count == 1 ? "" : "s") hidden (f shows them)"
            }
            let text = "··· \(count) \(what) ···"
            grid.put(text, x: max(0, (width - DisplayWidth.of(text)) / 2), y: y, style: theme[.message])
            return
        case .chrome(let first, let count):
            // What the folded chrome says, briefly, so that nothing of the page seems lost.
            var parts: [String] = []
            for row in comparison.rows[first..<min(comparison.rows.count, first + count)] {
                for (side, paragraphs) in [(Side.a, row.a), (.b, row.b)] {
                    let story = comparison.story(side)
                    for paragraph in paragraphs where parts.count < 12 {
                        let span = story.paragraphs[paragraph].span
                        let text = story.text(of: TextSpan(span.start, min(span.end, span.start + 80)))
                        parts.append("\(side == .a ? "A" : "B") “" + truncate(SafeText.sanitize(text), 40) + "”")
                    }
                }
            }
            let paragraphs = comparison.rows[first..<min(comparison.rows.count, first + count)].reduce(0) { $0 + $1.a.count + $1.b.count }
            let head = "··· \(paragraphs) paragraph\(paragraphs == 1 ? "" : "s") of site chrome (z shows): "
            let text = truncate(head + parts.joined(separator: " · "), width - 5) + " ···"
            grid.put(text, x: 0, y: y, style: theme[.boilerplate])
            return
        case .content: break
        }
        // The gutter has a column of its own for each side's flag, with a space between it and
        // the text: " ! ≈ ! " never runs into a word.
        let markStyle = { (mark: GutterMark) in theme[.gutter].patched(with: theme[mark.role]).patched(with: Style(bold: true)) }
        let flagStyle = theme[.gutter].patched(with: theme[.flag])
        // With many versions the gutter is wider: the flags and mark sit at its right, and before
        // them each base sentence's first line says how many copies keep it.
        let gutter = layout.gutter
        switch layout.mode {
        case .sideBySide:
            drawPieces(line.left, x: 0, y: y, limit: panes.left, ends: ends, theme: theme, grid: &grid)
            if let mark = line.mark { grid.put(mark.symbol, x: panes.left + gutter - 3, y: y, style: markStyle(mark)) }
            drawPieces(line.right, x: panes.left + gutter, y: y, limit: width, ends: ends, theme: theme, grid: &grid)
            // A flagged sentence (a fact or quotation that differs) marks its first line, on its side of the gutter.
            if startsFlagged(line.left, index: index, layout: layout) { grid.put("!", x: panes.left + gutter - 4, y: y, style: flagStyle) }
            if startsFlagged(line.right, index: index, layout: layout) { grid.put("!", x: panes.left + gutter - 2, y: y, style: flagStyle) }
            drawKeptCount(line.left, index: index, x: panes.left + 1, y: y, layout: layout, theme: theme, grid: &grid)
        case .stacked:
            grid.put(line.side == .b ? "B" : "A", x: 0, y: y, style: theme[.gutter])
            if let mark = line.mark { grid.put(mark.symbol, x: 1, y: y, style: markStyle(mark)) }
            drawPieces(line.left, x: gutter, y: y, limit: width, ends: ends, theme: theme, grid: &grid)
            if startsFlagged(line.left, index: index, layout: layout) { grid.put("!", x: 2, y: y, style: flagStyle) }
            if line.side != .b { drawKeptCount(line.left, index: index, x: 4, y: y, layout: layout, theme: theme, grid: &grid) }
        }
    }

    private func startsFlagged(_ pieces: [Piece], index: Int, layout: ReaderLayout) -> Bool {
        var seen: SentenceRef?
        for piece in pieces {
            guard let ref = piece.sentence, ref != seen else { continue }
            seen = ref
            if layout.line(of: ref) == index && isFlagged(ref) { return true }
        }
        return false
    }

    private func drawPieces(_ pieces: [Piece], x: Int, y: Int, limit: Int, ends: Set<SentenceRef>, theme: Theme, grid: inout ScreenGrid) {
        var column = x
        for piece in pieces {
            column = grid.put(piece.text, x: column, y: y, style: style(of: piece, ends: ends, theme: theme), limit: limit)
        }
    }

    /// The other ends of the selected sentence's link: its counterparts, and the sentences of its
    /// own side that share the link (A1 of A1+A2 → B5 lights A2 and B5), as vimdiff and tig do.
    var linkEnds: Set<SentenceRef> {
        guard let cursor, let group = comparison.groupIndex(cursor.side, sentence: cursor.index) else { return [] }
        let link = comparison.groups[group]
        var ends = Set(link.a.map { SentenceRef(.a, $0) } + link.b.map { SentenceRef(.b, $0) })
        ends.remove(cursor)
        return ends
    }

    /// A piece's look: its class, its paragraph's role, its word change, the cursor and the other
    /// ends of its link, a search match.
    func style(of piece: Piece, ends: Set<SentenceRef> = [], theme: Theme) -> Style {
        var style = theme[.text]
        switch piece.sentenceClass {
        case .identical: style = style.patched(with: theme[.identical])
        case .near: style = style.patched(with: theme[.near])
        case .paraphrase: style = style.patched(with: theme[.paraphrase])
        case .partial: style = style.patched(with: theme[.partial])
        case .unique: style = style.patched(with: theme[.unique])
        case .boilerplate: style = style.patched(with: theme[.boilerplate])
        }
        if piece.sentence != nil, let ref = piece.sentence, let group = comparison.groupIndex(ref.side, sentence: ref.index),
           comparison.groups[group].moved {
            style = style.patched(with: theme[.moved])
        }
        switch piece.role {
        case .headline: style = style.patched(with: theme[.headline])
        case .credit, .byline, .dateline: style = style.patched(with: theme[.credit])
        default: break
        }
        if wordEmphasis, let operation = piece.operation {
            switch operation {
            case .added: style = style.patched(with: theme[.wordAdded])
            case .removed: style = style.patched(with: theme[.wordRemoved])
            case .moved: style = style.patched(with: theme[.wordMoved])
            case .kept: break
            }
        }
        if piece.sentence != nil && piece.sentence == cursor { style = style.patched(with: theme[.cursor]) }
        else if let ref = piece.sentence, ends.contains(ref) { style = style.patched(with: theme[.counterpart]) }
        if piece.isMatch { style = style.patched(with: theme[.search]) }
        return style
    }

    /// When the selected sentence's counterpart is off screen (a moved sentence, a tall row), a
    /// few lines of the other pane show it, where the cursor is not: the place to look without
    /// losing this one (Enter goes there).
    private mutating func drawPeek(_ grid: inout ScreenGrid, layout: ReaderLayout, theme: Theme) {
        guard overlay == .none, let cursor, contentHeight >= 8 else { return }
        let others = comparison.counterparts(cursor.side, sentence: cursor.index).map { SentenceRef(cursor.side.other, $0) }
        guard let first = others.first else { return }
        let bottom = top + contentHeight
        let onScreen = others.contains { ref in
            guard let line = layout.line(of: ref) else { return false }
            if line >= top { return line < bottom }
            // Starting above the screen: on it if it runs into it (its row is made only then).
            return line >= top - contentHeight && (layout.lastLine(of: ref) ?? line) >= top
        }
        guard !onScreen else { return }
        let panes = layout.paneWidths
        let (x0, x1) = layout.mode == .sideBySide
            ? (cursor.side == .a ? (panes.left + layout.gutter, width) : (0, panes.left))
            : (0, width)
        let story = comparison.story(first.side)
        let text = others.filter { story.sentences.indices.contains($0.index) }
            .map { SafeText.sanitize(story.text(of: story.sentences[$0.index].span)) }.joined(separator: " ")
        let where_: String
        if let line = layout.line(of: first) { where_ = line < top ? "above" : "below" } else { where_ = "hidden" }
        let title = "── \(others.map(label).joined(separator: "+")), \(where_) · Enter jumps "
        let wrapped = wrapPlain(text, width: max(1, x1 - x0 - 2))
        var body = Array(wrapped.prefix(3))
        if wrapped.count > 3 { body[2] = truncate(body[2] + " …", x1 - x0 - 2) }
        let height = body.count + 1
        // Away from the cursor: at the bottom, or at the top when the cursor is low on the screen.
        let cursorY = (layout.line(of: cursor) ?? top) - top
        let y0 = cursorY >= contentHeight / 2 ? 1 : 1 + contentHeight - height
        let style = theme[.overlay]
        for y in y0..<y0 + height { grid.fill(y: y, from: x0, to: x1, style: style) }
        let rule = title + String(repeating: "─", count: max(0, x1 - x0 - DisplayWidth.of(title)))
        grid.put(truncate(rule, x1 - x0), x: x0, y: y0, style: theme[.overlayTitle], limit: x1)
        for (offset, line) in body.enumerated() {
            grid.put(line, x: x0 + 1, y: y0 + 1 + offset, style: style.patched(with: theme[.counterpart]), limit: x1)
        }
    }

    // MARK: Header and status

    private func drawHeader(_ grid: inout ScreenGrid, layout: ReaderLayout, theme: Theme) {
        grid.fill(y: 0, style: theme[.header])
        /// The figures, then the title, cut when it must be: a path in the middle, keeping its file
        /// name ("/work/…/r1/after.txt"), a headline at its end.
        func title(_ side: Side, _ limit: Int) -> String {
            let stats = comparison.statistics(side)
            // The focused pane says so: "» A" (j, k, u and the rest move on its side).
            let letter = (side == focus ? "» " : "") + versionLetter(side), coverage = TextReport.percent(stats.coverage)
            let name = titles[side == .a ? 0 : 1]
            // The figures in full when the name keeps room, then the coverage alone, then the name alone.
            // The name whole with as many figures as leave it room; else the coverage and the name cut.
            let prefixes = ["\(letter) · \(coverage) matched · \(stats.comparedWords) words · ", "\(letter) · \(coverage) matched · ",
                            "\(letter) · \(coverage) · "]
            let nameWidth = DisplayWidth.of(name)
            if let prefix = prefixes.first(where: { limit - DisplayWidth.of($0) >= nameWidth }) { return prefix + name }
            for (prefix, wanted) in [(prefixes[1], 16), (prefixes[2], 8)] {
                let room = limit - DisplayWidth.of(prefix)
                if room >= min(wanted, nameWidth) { return prefix + middleTruncate(name, room) }
            }
            return middleTruncate(name, limit)
        }
        switch layout.mode {
        case .sideBySide:
            let panes = layout.paneWidths
            let focused = theme[.header].patched(with: Style(underline: true))
            grid.put(title(.a, panes.left), x: 0, y: 0, style: focus == .a ? focused : theme[.header], limit: panes.left)
            grid.put(title(.b, panes.right), x: panes.left + layout.gutter, y: 0, style: focus == .b ? focused : theme[.header])
        case .stacked:
            let half = width / 2
            grid.put(title(.a, half - 1), x: 0, y: 0, style: theme[.header], limit: half - 1)
            grid.put(title(.b, width - half), x: half, y: 0, style: theme[.header])
        }
    }

    private func drawStatus(_ grid: inout ScreenGrid, layout: ReaderLayout, theme: Theme) {
        let y = height - 2
        grid.fill(y: y, style: theme[.status])
        let row = (cursor.flatMap { layout.line(of: $0) } ?? top)
        let rowIndex = layout.row(ofLine: row) ?? 0
        let visibleRows = layout.visibleRowCount
        let position = layout.visibleRows(through: rowIndex)
        var x = grid.put(" ¶ \(max(1, position))/\(visibleRows) ", x: 0, y: y, style: theme[.status])
        switch filter {
        case .everything: break
        case .differences: x = grid.put("[differences] ", x: x, y: y, style: theme[.status])
        case .differencesOf(let side): x = grid.put("[\(side == .a ? "A" : "B")'s differences] ", x: x, y: y, style: theme[.status])
        case .changedInSomeCopy: x = grid.put("[changed in some copy] ", x: x, y: y, style: theme[.status])
        }
        let help = " ? help  q quit "
        let helpX = width - DisplayWidth.of(help)
        // The legend in full when it fits, then shorter, then its marks alone: never cut.
        let legends: [[(String, ThemeRole)]] = [
            [("= identical", .identical), ("~ near", .near), ("≈ paraphrase", .paraphrase), ("∩ partial", .partial),
             ("< > unique", .unique), ("↕ moved", .moved), ("÷ split/merge", .gutter)],
            [("=same", .identical), ("~near", .near), ("≈para", .paraphrase), ("∩part", .partial),
             ("<>only", .unique), ("↕moved", .moved), ("÷split", .gutter)],
            [("=", .identical), ("~", .near), ("≈", .paraphrase), ("∩", .partial), ("<>", .unique), ("↕", .moved), ("÷", .gutter)],
        ]
        let room = helpX - x - 1
        let legend = legends.first { tier in tier.reduce(0) { $0 + DisplayWidth.of($1.0) + 1 } <= room } ?? []
        for (text, role) in legend {
            x = grid.put(text, x: x, y: y, style: theme[.status].patched(with: Style(foreground: theme[role].foreground, bold: theme[role].bold)))
            x = grid.put(" ", x: x, y: y, style: theme[.status])
        }
        if helpX > x { grid.put(help, x: helpX, y: y, style: theme[.status]) }

        let line: String
        if let editor = searchEditor { line = "/" + editor.display }
        else if let editor = exportEditor { line = "export to (.html .md .json .txt; Enter writes, Esc cancels, Ctrl-U clears): " + editor.display }
        else if let message { line = message }
        else { line = explanation }
        grid.put(truncate(SafeText.sanitize(line), width), x: 0, y: height - 1, style: theme[.message])
    }

    // MARK: Overlays

    public static let helpLines: [String] = [
        "j k ↓ ↑        next / previous sentence (on the focused side, »)",
        "Space b        page down / up (also PgDn PgUp)",
        "g G            top / bottom (also Home End)",
        "} {  ] [       next / previous aligned paragraph (chrome skipped)",
        "u U            next / previous unique sentence, either side",
        "o O  > <       next / previous sentence only the focused side has",
        "a A            next / previous phrase the focused side adds or drops",
        "c C            next / previous change of any class",
        "x X            next / previous flagged sentence (!)",
        "Tab ← →        switch pane (to the counterpart)",
        "Enter          jump to the counterpart (none: the detail view)",
        "i              detail view: class, score, measures, full word diff",
        "Ctrl-O  ''     back along the jump list / to the last place and back",
        "/ n N          search (text or regular expression), next / previous",
        "f              only differences (hide identical rows)",
        "d              only the focused side's differences",
        "z              show / fold site chrome",
        "w              word-level emphasis on / off",
        "t              next theme",
        "L              side by side / stacked",
        "e              export a report (html, md, json, txt)",
        "s              summary",
        "F Q            facts / quotes panel (/ filters, Enter jumps)",
        "v V            next / previous copy (three or more stories)",
        "o              with copies: the overview (← → sort, r reverse, Enter)",
        "D              with copies: only base sentences some copy changed",
        "? h            this help",
        "Esc            close a panel, an overlay, a prompt, the search",
        "q              quit",
        "",
        "= identical  ~ near  ≈ paraphrase  ∩ partial (one says more)",
        "< > only in A / B   ↕ moved   ÷ split or merged   · chrome",
        "!  a fact or quotation the other version lacks or changed",
        "search: \\. \\( \\$ match . ( $ themselves; \\b a word's edge",
    ]

    func summaryLines() -> [String] {
        let a = comparison.statisticsA, b = comparison.statisticsB
        func cell(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - DisplayWidth.of(text))) + text }
        var lines = [String(repeating: " ", count: 12) + cell("A sentences", 12) + cell("A words", 12) + cell("B sentences", 13) + cell("B words", 12)]
        for sentenceClass in SentenceClass.compared {
            var line = sentenceClass.rawValue + String(repeating: " ", count: 12 - sentenceClass.rawValue.count)
            line += cell("\(a.sentences(sentenceClass))", 12) + cell("\(a.words(sentenceClass)) \(TextReport.percent(a.share(sentenceClass)))", 12)
            line += cell("\(b.sentences(sentenceClass))", 13) + cell("\(b.words(sentenceClass)) \(TextReport.percent(b.share(sentenceClass)))", 12)
            lines.append(line)
        }
        lines.append("coverage    " + cell(TextReport.percent(a.coverage), 24) + cell(TextReport.percent(b.coverage), 25))
        lines.append("own words   " + cell("\(a.ownWords) \(TextReport.percent(a.ownShare))", 24) + cell("\(b.ownWords) \(TextReport.percent(b.ownShare))", 25))
        lines.append("")
        lines.append("coverage: share of a side's words whose sentence has a counterpart (partial included)")
        lines.append("own words: words only that side has (unique sentences, and words its matched sentences add)")
        lines.append("boilerplate left out: A \(a.boilerplateSentences), B \(b.boilerplateSentences) sentences")
        for side in Side.allCases {
            if let page = comparison.story(side).provenance, !page.summary.isEmpty {
                lines.append("\(side == .a ? "A" : "B") page: " + SafeText.sanitize(page.summary))
            }
        }
        if let facts = ledgers?.facts, let quotes = ledgers?.quotes {
            lines.append("facts: \(facts.count(.changed) / 2) changed, \(facts.count(.onlyA)) only in A, \(facts.count(.onlyB)) only in B, \(facts.count(.both)) in both (F)")
            let quoteCounts = QuoteClass.allCases.compactMap { c in quotes.count(c) > 0 ? "\(quotes.count(c)) \(c.label)" : nil }
            lines.append("quotes: " + (quoteCounts.isEmpty ? "none" : quoteCounts.joined(separator: ", ")) + " (Q)")
        } else {
            lines.append("facts and quotes: still being found")
        }
        lines.append("groups: \(comparison.groups.count), moved \(comparison.groups.filter(\.moved).count), split \(comparison.groups.filter { $0.shape == .split }.count), merged \(comparison.groups.filter { $0.shape == .merge }.count)")
        return lines
    }

    private func drawOverlay(_ grid: inout ScreenGrid, title: String, lines: [String], theme: Theme) {
        let inner = min(width - 4, max(DisplayWidth.of(title) + 4, lines.map { DisplayWidth.of($0) }.max() ?? 0))
        let boxWidth = inner + 4
        let boxHeight = min(height - 2, lines.count + 4)
        let x0 = max(0, (width - boxWidth) / 2), y0 = max(0, (height - boxHeight) / 2)
        let style = theme[.overlay]
        drawBox(&grid, x0: x0, y0: y0, width: boxWidth, height: boxHeight, title: title, theme: theme)
        let rows = boxHeight - 4
        for (offset, line) in lines.dropFirst(overlayTop).prefix(rows).enumerated() {
            grid.put(line, x: x0 + 2, y: y0 + 2 + offset, style: style, limit: x0 + boxWidth - 2)
        }
        let footer = lines.count > rows ? " \(min(lines.count, overlayTop + rows))/\(lines.count) · j k scroll · any other key closes " : " any key closes "
        grid.put(footer, x: x0 + max(1, boxWidth - DisplayWidth.of(footer) - 2), y: y0 + boxHeight - 1, style: style, limit: x0 + boxWidth - 1)
    }

    /// A framed box over the reader (help, summary, panels): filled, bordered, titled.
    func drawBox(_ grid: inout ScreenGrid, x0: Int, y0: Int, width boxWidth: Int, height boxHeight: Int, title: String, theme: Theme) {
        let style = theme[.overlay]
        for y in y0..<min(height, y0 + boxHeight) { grid.fill(y: y, from: x0, to: x0 + boxWidth, style: style) }
        grid.put("┌" + String(repeating: "─", count: boxWidth - 2) + "┐", x: x0, y: y0, style: style)
        grid.put("└" + String(repeating: "─", count: boxWidth - 2) + "┘", x: x0, y: y0 + boxHeight - 1, style: style)
        for y in y0 + 1..<y0 + boxHeight - 1 {
            grid.put("│", x: x0, y: y, style: style)
            grid.put("│", x: x0 + boxWidth - 1, y: y, style: style)
        }
        grid.put(" \(title) ", x: x0 + 2, y: y0, style: theme[.overlayTitle], limit: x0 + boxWidth - 1)
    }

    /// A list panel over the reader: the selected item highlighted, scrolled to stay in view.
    private func drawPanel(_ grid: inout ScreenGrid, title: String, theme: Theme) {
        let items = panelItems
        let boxWidth = max(20, width - 4), boxHeight = max(5, height - 2)
        let x0 = (width - boxWidth) / 2, y0 = 1
        let style = theme[.overlay]
        drawBox(&grid, x0: x0, y0: y0, width: boxWidth, height: boxHeight, title: title, theme: theme)
        var y = y0 + 1
        let bottom = y0 + boxHeight - 1
        for (offset, item) in items.dropFirst(panelTop).enumerated() {
            guard y < bottom else { break }
            let index = panelTop + offset
            let selected = index == panelSelection
            let lineStyle = selected ? style.patched(with: theme[.cursor]) : style
            for (number, spans) in panelLines(item, width: boxWidth - 4).enumerated() where y < bottom {
                if selected { grid.fill(y: y, from: x0 + 2, to: x0 + boxWidth - 2, style: lineStyle) }
                var x = x0 + 2
                for span in spans {
                    var look = lineStyle
                    if let role = span.role, number > 0 {
                        look = look.patched(with: Style(foreground: theme[role].foreground, bold: theme[role].bold, underline: theme[role].underline))
                    }
                    x = grid.put(span.text, x: x, y: y, style: look, limit: x0 + boxWidth - 2)
                }
                y += 1
            }
        }
        let position = items.isEmpty ? " none match " : " \(panelSelection + 1)/\(items.count) "
        let filter = panelFilterEditor.map { " /" + $0.display + " ·" } ?? panelFilter.map { " /\($0) ·" } ?? ""
        let footer = "\(filter)\(position)j k move · / filter · Enter jump (Tab: other side) · Esc close "
        grid.put(truncate(footer, boxWidth - 4), x: x0 + 2, y: y0 + boxHeight - 1, style: style, limit: x0 + boxWidth - 1)
    }

    /// The detail view: a framed, scrolling page of styled, wrapped lines.
    private func drawDetail(_ grid: inout ScreenGrid, theme: Theme) {
        let boxWidth = max(20, width - 4), boxHeight = max(5, height - 2)
        let x0 = (width - boxWidth) / 2, y0 = 1
        let style = theme[.overlay]
        let lines = Self.wrap(detailFor.map(detailLines) ?? [], width: boxWidth - 4)
        drawBox(&grid, x0: x0, y0: y0, width: boxWidth, height: boxHeight, title: "why \(detailFor.map(label) ?? "") is what it is", theme: theme)
        for (offset, spans) in lines.dropFirst(detailTop).prefix(detailRows).enumerated() {
            var x = x0 + 2
            for span in spans {
                let look = span.role.map { role in role == .overlayTitle ? theme[.overlayTitle] : style.patched(with: Style(foreground: theme[role].foreground, bold: theme[role].bold, underline: theme[role].underline)) } ?? style
                x = grid.put(span.text, x: x, y: y0 + 1 + offset, style: look, limit: x0 + boxWidth - 2)
            }
        }
        let more = lines.count > detailRows ? " \(min(lines.count, detailTop + detailRows))/\(lines.count) lines · j k scroll ·" : ""
        let footer = "\(more) any other key closes "
        grid.put(truncate(footer, boxWidth - 4), x: x0 + max(1, boxWidth - DisplayWidth.of(footer) - 2), y: y0 + boxHeight - 1, style: style, limit: x0 + boxWidth - 1)
    }

    /// An item's lines in the panel: its text with its places at the right, then its detail, all
    /// wrapped to the box.
    func panelLines(_ item: PanelItem, width: Int) -> [[DetailSpan]] {
        let places = item.places.map(label).joined(separator: " ↔ ")
        let room = max(10, width - DisplayWidth.of(places) - 2)
        let text = SafeText.sanitize(item.text)
        // A line that fits keeps its spacing (the facts panel's columns); a longer one wraps.
        var first = DisplayWidth.of(text) <= room ? [[DetailSpan(text)]] : Self.wrap([[DetailSpan(text)]], width: room)
        if let head = first.first {
            let used = head.reduce(0) { $0 + DisplayWidth.of($1.text) }
            first[0] = head + [DetailSpan(String(repeating: " ", count: max(2, width - used - DisplayWidth.of(places))) + places)]
        }
        return first + Self.wrap(item.detail, width: width)
    }

    // MARK: Text helpers

    func truncate(_ text: String, _ limit: Int) -> String {
        guard limit > 0 else { return "" }
        if DisplayWidth.of(text) <= limit { return text }
        var result = "", used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > limit - 1 { break }
            result.append(character); used += w
        }
        return result + "…"
    }

    /// Cut to fit: a path from the middle, so that its end (the file name) stays whole when it
    /// can; any other title at its end.
    func middleTruncate(_ text: String, _ limit: Int) -> String {
        guard limit > 0 else { return "" }
        if DisplayWidth.of(text) <= limit { return text }
        let characters = Array(text)
        // A headline reads from its start; a path (or an address) keeps its last part.
        guard limit > 4, let slash = characters.lastIndex(of: "/") else { return truncate(text, limit) }
        var endWidth = (limit - 1) * 2 / 3
        let fileName = DisplayWidth.of(String(characters[slash...]))
        if fileName <= limit - 3 { endWidth = fileName }
        var tail = "", used = 0
        for character in characters.reversed() {
            let w = DisplayWidth.of(character)
            if used + w > endWidth { break }
            tail.insert(character, at: tail.startIndex); used += w
        }
        var head = "", headWidth = 0
        for character in characters {
            let w = DisplayWidth.of(character)
            if headWidth + w > limit - 1 - used { break }
            head.append(character); headWidth += w
        }
        return head + "…" + tail
    }

    func wrapPlain(_ text: String, width: Int) -> [String] {
        var lines: [String] = [], current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty && DisplayWidth.of(current) + 1 + DisplayWidth.of(String(word)) > width { lines.append(current); current = "" }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
