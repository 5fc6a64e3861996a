/// The HTML report: one self-contained file (inline CSS, no scripts), readable offline, printable,
/// and stacked on narrow screens. Every piece of story text is sanitised and escaped.
public enum HTMLReport {
    public static func render(_ comparison: Comparison, options: ReportOptions) -> String {
        let (output, text) = ReportOutput.collecting()
        write(comparison, options: options, to: output)
        return text()
    }

    /// Writes the report as it is made, row by row.
    public static func write(_ comparison: Comparison, ledgers: Ledgers? = nil, options: ReportOptions, to html: ReportOutput) {
        html += documentHead(title: "storydiff: \(text(comparison.a.title)) ⟷ \(text(comparison.b.title))", options: options)
        html += "<header>\n<h1>storydiff report</h1>\n"
        writeBody(comparison, ledgers: ledgers ?? Ledgers(comparison), options: options, to: html)
        html += footer(options)
    }

    /// Everything up to `<body>`: the page's title and its style sheet.
    static func documentHead(title: String, options: ReportOptions) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="\(escape(options.generator))">
        <title>\(title)</title>
        <style>
        \(css(options.palette))
        </style>
        </head>
        <body>

        """
    }

    static func footer(_ options: ReportOptions) -> String {
        "<footer>Made by \(escape(options.generator))\(options.date.isEmpty ? "" : " on " + escape(options.date)). Offsets and the full data: storydiff --format json.</footer>\n</body>\n</html>\n"
    }

    /// One pair's report after its opening `<header>` and heading: sources, summary, the aligned
    /// rows, facts and quotes (anchors prefixed with `options.anchorPrefix`).
    static func writeBody(_ comparison: Comparison, ledgers: Ledgers, options: ReportOptions, to html: ReportOutput) {
        let prefix = options.anchorPrefix
        html += header(comparison, options: options)
        html += summary(comparison)
        html += "<nav class=\"note\">Jump to: <a href=\"#\(prefix)facts\">facts</a> (\(ledgers.facts.differences.count) differ) · <a href=\"#\(prefix)quotes\">quotes</a> (\(ledgers.quotes.matches.filter(\.isFlagged).count) not verbatim) · <a href=\"#\(prefix)row-1\">aligned passages</a></nav>\n"
        html += legend()
        html += "<main class=\"rows\">\n"
        for (index, row, hiddenBefore) in comparison.reportRows(options) {
            if hiddenBefore > 0 {
                html += "<p class=\"hidden\">\(hiddenBefore) identical paragraph row\(hiddenBefore == 1 ? "" : "s") left out</p>\n"
            }
            guard index < comparison.rows.count else { continue }
            html += rowHTML(comparison, index: index, row: row, ledgers: ledgers, prefix: prefix)
        }
        html += "</main>\n"
        html += factsSection(ledgers, options: options)
        html += quotesSection(ledgers, options: options)
    }

    // MARK: Parts

    static func header(_ comparison: Comparison, options: ReportOptions) -> String {
        var html = "<div class=\"wide sources-wrap\"><table class=\"sources\">\n"
        html += "<tr><th></th><th>title</th><th>file</th><th>words compared</th><th>sentences</th><th>coverage</th></tr>\n"
        for side in Side.allCases {
            let story = comparison.story(side), stats = comparison.statistics(side)
            html += "<tr><th>\(side == .a ? "A" : "B")</th><td>\(text(story.title))</td><td>\(text(story.name))</td>"
            html += "<td>\(stats.comparedWords)</td><td>\(stats.comparedSentences)</td><td>\(TextReport.percent(stats.coverage))</td></tr>\n"
        }
        html += "</table></div>\n"
        // The same as cards on a narrow screen, coverage first: a phone never scrolls sideways for it.
        html += "<div class=\"cards\">\n"
        for side in Side.allCases {
            let story = comparison.story(side), stats = comparison.statistics(side)
            html += "<div class=\"card\"><div class=\"big\">\(side == .a ? "A" : "B") · \(TextReport.percent(stats.coverage)) matched</div>"
            html += "<div>\(text(story.title))</div><div class=\"made\">\(text(story.name)) · \(stats.comparedWords) words · \(stats.comparedSentences) sentences</div></div>\n"
        }
        html += "</div>\n"
        for side in Side.allCases {
            if let page = comparison.story(side).provenance, !page.summary.isEmpty {
                html += "<p class=\"made\">\(side == .a ? "A" : "B"), as the page says: \(text(page.summary))</p>\n"
            }
            for warning in comparison.story(side).warnings {
                html += "<p class=\"made warning\">\(side == .a ? "A" : "B"), warning: \(text(warning))</p>\n"
            }
        }
        if !options.date.isEmpty { html += "<p class=\"made\">Made \(escape(options.date)) by \(escape(options.generator)).</p>\n" }
        if options.hideIdentical { html += "<p class=\"made\">Only differences: rows whose sentences are all identical are left out.</p>\n" }
        return html + "</header>\n"
    }

    static func summary(_ comparison: Comparison) -> String {
        let a = comparison.statisticsA, b = comparison.statisticsB
        var html = "<section class=\"summary\">\n<h2>Summary</h2>\n<div class=\"wide\"><table>\n"
        html += "<tr><th>class</th><th>A sentences</th><th>A words</th><th>A share</th><th>B sentences</th><th>B words</th><th>B share</th></tr>\n"
        for sentenceClass in SentenceClass.compared {
            html += "<tr class=\"\(sentenceClass.rawValue)\"><th><span class=\"s \(sentenceClass.rawValue)\">\(sentenceClass.rawValue)</span></th>"
            html += "<td>\(a.sentences(sentenceClass))</td><td>\(a.words(sentenceClass))</td><td>\(TextReport.percent(a.share(sentenceClass)))</td>"
            html += "<td>\(b.sentences(sentenceClass))</td><td>\(b.words(sentenceClass))</td><td>\(TextReport.percent(b.share(sentenceClass)))</td></tr>\n"
        }
        html += "<tr class=\"coverage\"><th>coverage</th><td colspan=\"3\">\(TextReport.percent(a.coverage))</td><td colspan=\"3\">\(TextReport.percent(b.coverage))</td></tr>\n"
        html += "<tr class=\"own\"><th>own words</th><td colspan=\"3\">\(a.ownWords) (\(TextReport.percent(a.ownShare)))</td><td colspan=\"3\">\(b.ownWords) (\(TextReport.percent(b.ownShare)))</td></tr>\n"
        html += "</table></div>\n"
        html += "<div class=\"cards\">\n"
        for (side, stats) in [(Side.a, a), (.b, b)] {
            html += "<div class=\"card\"><div class=\"big\">\(side == .a ? "A" : "B") · coverage \(TextReport.percent(stats.coverage))</div><table>"
            html += "<tr><th>class</th><th>sentences</th><th>share</th></tr>"
            for sentenceClass in SentenceClass.compared {
                html += "<tr><th><span class=\"s \(sentenceClass.rawValue)\">\(sentenceClass.rawValue)</span></th><td>\(stats.sentences(sentenceClass))</td><td>\(TextReport.percent(stats.share(sentenceClass)))</td></tr>"
            }
            html += "<tr><th>own words</th><td>\(stats.ownWords)</td><td>\(TextReport.percent(stats.ownShare))</td></tr></table></div>\n"
        }
        html += "</div>\n<p class=\"note\">Coverage: the share of a version's words whose sentence has a counterpart in the other (partial pairs included). Own words: those only that version has (its unique sentences, and words its matched sentences add). Boilerplate (site chrome) is left out: A \(a.boilerplateSentences), B \(b.boilerplateSentences) sentences.</p>\n</section>\n"
        return html
    }

    static func legend() -> String {
        """
        <section class="legend"><h2>Legend</h2><p>
        <span class="s identical">identical</span> · <span class="s near">near (small edits)</span> · <span class="s paraphrase">paraphrase</span> · <span class="s partial">partial (one says more)</span> · <span class="s unique">only in one version</span> · <span class="s moved">moved</span> · <span class="s boilerplate">boilerplate</span> ·
        words: <del>removed</del> <ins>added</ins> <span class="mv">moved</span> · gutter: = ~ ≈ ∩ &lt; &gt; ↕ ÷ (split or merged) · ↗ links jump to the counterpart
        </p></section>

        """
    }

    static func rowHTML(_ comparison: Comparison, index: Int, row: ParagraphRow, ledgers: Ledgers? = nil, prefix: String = "") -> String {
        let (symbol, title) = gutter(comparison, row)
        var html = "<section class=\"row link-\(row.link.rawValue)\" id=\"\(prefix)row-\(index + 1)\">\n"
        for side in Side.allCases {
            let paragraphs = side == .a ? row.a : row.b
            let label = side == .a ? "A" : "B"
            if side == .b { html += "<div class=\"gutter\" title=\"\(escape(title))\" data-meaning=\"\(escape(title))\">\(escape(symbol))</div>\n" }
            if paragraphs.isEmpty {
                html += "<div class=\"side \(side.rawValue) empty\" data-side=\"\(label)\"></div>\n"
                continue
            }
            html += "<div class=\"side \(side.rawValue)\" data-side=\"\(label)\">\n"
            for paragraphIndex in paragraphs {
                let paragraph = comparison.story(side).paragraphs[paragraphIndex]
                html += "<p class=\"\(paragraph.role.rawValue)\" id=\"\(prefix)\(side.rawValue)p\(paragraphIndex)\">"
                html += paragraph.sentences.map { sentenceHTML(comparison, side, $0, ledgers: ledgers, prefix: prefix) }.joined(separator: " ")
                html += "</p>\n"
                html += explanations(comparison, side, paragraph.sentences, ledgers: ledgers)
            }
            html += "</div>\n"
        }
        return html + "</section>\n"
    }

    /// The row's gutter symbol and what it means (for its title).
    static func gutter(_ comparison: Comparison, _ row: ParagraphRow) -> (String, String) {
        let mark = comparison.mark(of: row)
        if mark == .moved { return (mark.symbol, "moved: counterparts in row " + row.movedTo.map { String($0 + 1) }.joined(separator: ", ")) }
        return (mark.symbol, mark.meaning)
    }

    /// Why a paragraph's sentences are what they are, on a tap or a click: what the title
    /// tooltips say, which no touch screen shows.
    static func explanations(_ comparison: Comparison, _ side: Side, _ sentences: Range<Int>, ledgers: Ledgers?) -> String {
        var items: [String] = []
        let letter = side == .a ? "A" : "B", otherLetter = side == .a ? "B" : "A"
        for index in sentences {
            var parts: [String] = []
            let sentenceClass = comparison.classes(side)[index]
            if let groupIndex = comparison.groupIndex(side, sentence: index), sentenceClass != .identical {
                let group = comparison.groups[groupIndex]
                let counterparts = (side == .a ? group.b : group.a).map { "\(otherLetter)\($0 + 1)" }.joined(separator: "+")
                parts.append("\(sentenceClass.rawValue) \(counterparts)" + (group.shape == .oneToOne ? "" : " (\(group.shape.rawValue))") + (group.moved ? ", moved" : ""))
                parts.append("score \(TextReport.format2(group.score))")
                if let note = group.partialNote { parts.append(note) }
                if !group.features.sharedWords.isEmpty { parts.append("shared: " + group.features.sharedWords.joined(separator: ", ")) }
                let numbers = group.features.numbersOnlyA.map { "A " + $0 } + group.features.numbersOnlyB.map { "B " + $0 }
                if !numbers.isEmpty { parts.append("numbers: " + numbers.joined(separator: ", ")) }
                if !group.features.synonyms.isEmpty { parts.append("same sense: " + group.features.synonyms.joined(separator: ", ")) }
            } else if sentenceClass == .unique {
                parts.append("only in \(letter)")
            }
            if let note = ledgers?.note(side, sentence: index) { parts.append("! " + note) }
            guard !parts.isEmpty else { continue }
            items.append("<li><b>\(letter)\(index + 1)</b> \(text(parts.joined(separator: " · ")))</li>")
        }
        guard !items.isEmpty else { return "" }
        return "<details class=\"why\"><summary>why</summary><ul>\(items.joined())</ul></details>\n"
    }

    static func sentenceHTML(_ comparison: Comparison, _ side: Side, _ index: Int, ledgers: Ledgers? = nil, prefix: String = "") -> String {
        let story = comparison.story(side)
        let sentenceClass = comparison.classes(side)[index]
        var classes = ["s", sentenceClass.rawValue]
        var title = sentenceClass == .unique ? "only in \(side == .a ? "A" : "B")" : sentenceClass.rawValue
        var links = ""
        if let groupIndex = comparison.groupIndex(side, sentence: index) {
            let group = comparison.groups[groupIndex]
            let counterparts = side == .a ? group.b : group.a
            let other = side.other
            title += " · score \(TextReport.format2(group.score)) · with " + counterparts.map { "\(other == .a ? "A" : "B")\($0 + 1)" }.joined(separator: "+")
            if group.shape != .oneToOne { title += " (\(group.shape.rawValue))" }
            if let partial = group.partialNote { title += " · " + partial }
            if group.moved { classes.append("moved"); title += " · moved" }
            if group.moved || group.shape != .oneToOne {
                // Linked both ways: the counterpart carries a link back here.
                links = counterparts.map { "<a class=\"link\" href=\"#\(prefix)\(other.rawValue)\($0)\">↗\(other == .a ? "A" : "B")\($0 + 1)</a>" }.joined(separator: " ")
            }
        }
        var html = ""
        // A fact or quotation the other version lacks or changed: flagged as in the reader.
        if let note = ledgers?.note(side, sentence: index) {
            html += "<span class=\"flag\" title=\"\(text(note))\">!</span>"
            title += " · ! " + note
        }
        html += "<span class=\"\(classes.joined(separator: " "))\" id=\"\(prefix)\(side.rawValue)\(index)\" title=\"\(text(title))\">"
        for segment in comparison.segments(side, sentence: index) {
            html += changed(text(story.text(of: segment.span)), segment.operation)
        }
        html += "</span>"
        return links.isEmpty ? html : html + " " + links
    }

    /// Escaped text in the element its word change is shown with.
    static func changed(_ html: String, _ operation: WordDiff.Operation?) -> String {
        switch operation {
        case .removed: return "<del>\(html)</del>"
        case .added: return "<ins>\(html)</ins>"
        case .moved: return "<span class=\"mv\">\(html)</span>"
        case .kept, nil: return html
        }
    }

    // MARK: Escaping

    /// Story text for HTML: control characters and bidi overrides made visible, then escaped.
    public static func text(_ raw: String) -> String { escape(SafeText.sanitize(raw)) }

    public static func escape(_ raw: String) -> String {
        var out = ""
        out.reserveCapacity(raw.utf8.count)
        for scalar in raw.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    // MARK: Style

    static func css(_ palette: ReportPalette) -> String {
        func rule(_ selector: String, _ role: String, extra: String = "") -> String {
            let look = palette[role]
            var declarations: [String] = []
            if let foreground = look.foreground { declarations.append("color: \(ReportPalette.hex(foreground))") }
            if let background = look.background { declarations.append("background: \(ReportPalette.hex(background))") }
            if look.bold { declarations.append("font-weight: bold") }
            if look.italic { declarations.append("font-style: italic") }
            if look.underline { declarations.append("text-decoration: underline") }
            if look.dim { declarations.append("opacity: 0.6") }
            if !extra.isEmpty { declarations.append(extra) }
            return "\(selector) { \(declarations.joined(separator: "; ")) }"
        }
        return [
            rule("body", "page", extra: "font: 16px/1.5 Georgia, 'Times New Roman', serif; margin: 0 auto; max-width: 78rem; padding: 1rem"),
            "h1, h2, th, .gutter, footer, .legend, .note, .made, .hidden { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif }",
            "h1 { font-size: 1.4rem; margin: 0 0 .5rem } h2 { font-size: 1.1rem; margin: 1.2rem 0 .4rem }",
            "table { border-collapse: collapse; font-family: system-ui, sans-serif; font-size: .9rem } th, td { padding: .2rem .6rem; text-align: left; border-bottom: 1px solid rgba(128,128,128,.3) }",
            ".summary td { text-align: right } .wide { overflow-x: auto; max-width: 100% }",
            ".row { display: grid; grid-template-columns: minmax(0, 1fr) 2rem minmax(0, 1fr); gap: .2rem .8rem; border-top: 1px solid rgba(128,128,128,.25); padding: .4rem 0 }",
            ".side p { margin: 0 0 .6rem } .gutter { text-align: center; font-weight: bold; padding-top: .1rem }",
            ".side.empty { background: repeating-linear-gradient(45deg, transparent, transparent 6px, rgba(128,128,128,.08) 6px, rgba(128,128,128,.08) 12px) }",
            rule(".s.identical", "identical"), rule(".s.near", "near"), rule(".s.paraphrase", "paraphrase"), rule(".s.partial", "partial"),
            rule(".s.unique", "unique"),
            rule(".s.moved", "moved"), rule(".s.boilerplate, p.boilerplate", "boilerplate"),
            rule("p.headline", "headline", extra: "font-size: 1.15rem"), rule("p.credit, p.byline, p.dateline", "credit"),
            rule("del", "word.removed", extra: "text-decoration: underline dotted"), rule("ins", "word.added", extra: "text-decoration: none"),
            rule(".mv", "word.moved"), rule(".gutter", "gutter"),
            ".facts td, .quotes td { vertical-align: top } a.place { font-size: .75rem; text-decoration: none; opacity: .8 }",
            "tr.changed td:first-child, tr.altered td:first-child, tr.speaker-changed td:first-child { font-weight: bold }",
            "a.link { font-family: system-ui, sans-serif; font-size: .75rem; text-decoration: none; opacity: .8 } :target { outline: 2px solid currentColor; outline-offset: 2px }",
            ".hidden, .note, .made, footer { font-size: .85rem; opacity: .75 }",
            ".made.warning { opacity: 1; font-weight: 600 }",
            ".cards { display: none } .card { border: 1px solid rgba(128,128,128,.35); border-radius: .4rem; padding: .5rem .7rem } .card .big { font: bold 1.1rem system-ui, sans-serif }",
            ".flag { font: bold .8rem system-ui, sans-serif; padding: 0 .15rem; margin-right: .1rem; border-radius: .2rem } details.why { font: .8rem system-ui, sans-serif; margin: -.4rem 0 .6rem; opacity: .85 } details.why summary { cursor: pointer } details.why ul { margin: .2rem 0; padding-left: 1.2rem }",
            rule(".flag", "flag"),
            "table.overview td.n { text-align: right } .fate { border-top: 1px solid rgba(128,128,128,.25); padding: .3rem 0 } .fate p { margin: .1rem 0 } .copies a { font: .8rem system-ui, sans-serif; text-decoration: none; padding: 0 .15rem } section.copy { border-top: 3px double rgba(128,128,128,.5); margin-top: 2rem }",
            "@media (max-width: 720px) { body { padding: .6rem } table { font-size: .8rem } .sources-wrap, .summary > .wide { display: none } .cards { display: grid; gap: .5rem; margin: .5rem 0 } .row { grid-template-columns: minmax(0, 1fr) } .gutter { text-align: left; font-size: .8rem } .gutter::after { content: \" \" attr(data-meaning); font-weight: normal; opacity: .8 } .side::before { content: attr(data-side); font: bold .75rem system-ui, sans-serif; opacity: .6; display: block } .side.empty { display: none } }",
            "@media print { body { max-width: none } .row { break-inside: avoid } a.link { display: none } }",
        ].joined(separator: "\n")
    }
}
