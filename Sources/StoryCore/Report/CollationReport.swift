/// The reports of one base and many copies: the overview, what each copy did with each base
/// sentence, then each copy's own side-by-side report (the same as the two-story report).
public enum CollationReport {
    public static func write(_ collation: Collation, format: ReportFormat, options: ReportOptions, color: Bool = false, to output: ReportOutput) throws {
        switch format {
        case .text: text(collation, options: options, color: color, to: output)
        case .md: markdown(collation, options: options, to: output)
        case .html: html(collation, options: options, to: output)
        case .json: try CollationDocument.write(collation, generator: options.generator, to: output)
        }
        output.flush()
    }

    public static func render(_ collation: Collation, format: ReportFormat, options: ReportOptions) throws -> String {
        let (output, text) = ReportOutput.collecting()
        try write(collation, format: format, options: options, to: output)
        return text()
    }

    /// The base sentences a report lists: all compared ones, or (only differences) those some
    /// copy did not keep word for word.
    static func listed(_ collation: Collation, _ options: ReportOptions) -> [BaseSentenceFate] {
        options.hideIdentical ? collation.baseSentences.filter { !$0.keptVerbatimEverywhere } : collation.baseSentences
    }

    /// One mark per copy: = ~ ≈ ∩ for kept, · for dropped.
    static func strip(_ fate: BaseSentenceFate) -> String {
        fate.classes.map { $0 == .unique ? "·" : TextReport.symbol($0) }.joined()
    }

    /// "identical: 1, 2 · dropped: 3".
    static func copyList(_ fate: BaseSentenceFate) -> String {
        fate.groups.map { "\($0.sentenceClass == .unique ? "dropped" : $0.sentenceClass.rawValue): \($0.copies.map(String.init).joined(separator: ", "))" }
            .joined(separator: " · ")
    }

    static let columns = OverviewColumn.allCases

    // MARK: Text

    static func text(_ collation: Collation, options: ReportOptions, color: Bool, to out: ReportOutput) {
        let base = collation.base, count = collation.copyCount
        out += "storydiff: base = \(SafeText.sanitize(base.name)), \(count) copies\n\n"
        out += "Base  \(SafeText.sanitize(base.title))\n"
        let compared = base.sentences.count { $0.role.isCompared }
        out += "   \(collation.comparisons.first?.statisticsA.comparedWords ?? 0) words, \(compared) sentences compared\n"
        for warning in base.warnings { out += "   warning: \(SafeText.sanitize(warning))\n" }
        out += "\nCopies\n"
        let rows = collation.overview.map { row in columns.map { column in
            column == .name ? TextReport.middleCut(SafeText.sanitize(column.cell(row)), 28) : column.cell(row)
        } }
        let widths = columns.indices.map { index in max(columns[index].heading.count, rows.map { $0[index].count }.max() ?? 0) }
        func line(_ cells: [String]) -> String {
            cells.indices.map { index in
                columns[index].isNumeric ? String(repeating: " ", count: widths[index] - cells[index].count) + cells[index]
                    : cells[index].padding(widths[index])
            }.joined(separator: "  ").trimmingSpaces() + "\n"
        }
        out += line(columns.map(\.heading))
        for row in rows { out += line(row) }
        for (row, overview) in zip(collation.overview.indices, collation.overview) where overview.title != overview.name {
            out += "  \(row + 1): \(SafeText.sanitize(overview.title))\n"
        }
        let headingWidth = columns.map(\.heading.count).max() ?? 0
        out += "\nColumns:\n" + columns.dropFirst(2).map { "  " + $0.heading.padding(headingWidth) + "  " + $0.meaning + "\n" }.joined()

        out += "\nBase sentences: one mark per copy (= identical  ~ near  ≈ paraphrase  ∩ partial  · dropped)\n"
        if options.hideIdentical { out += "Only differences: sentences every copy keeps word for word are left out.\n" }
        for fate in listed(collation, options) {
            let sentence = base.sentences[fate.sentence]
            out += "\nA\(fate.sentence + 1)  \(strip(fate))  kept by \(fate.keptCount) of \(count): \(fate.summary)\n"
            if !fate.keptVerbatimEverywhere { out += "     \(copyList(fate))\n" }
            out += "     \(SafeText.sanitize(sentence.text))\n"
        }
        for number in 1...max(1, count) where number <= count {
            out += "\n════ copy \(number) of \(count): \(SafeText.sanitize(collation.copy(number).name)) ════\n\n"
            TextReport.write(collation.comparison(number), ledgers: collation.ledgers[number - 1], options: options, color: color, to: out)
        }
    }

    // MARK: Markdown

    static func markdown(_ collation: Collation, options: ReportOptions, to md: ReportOutput) {
        let base = collation.base, count = collation.copyCount
        md += "# storydiff report: a base and \(count) copies\n\n"
        md += "**Base:** \(MarkdownReport.escape(base.title))" + (base.title == base.name ? "" : " (\(MarkdownReport.escape(base.name)))") + "\n\n"
        if !options.date.isEmpty { md += "Made \(MarkdownReport.escape(options.date)) by \(MarkdownReport.escape(options.generator)).\n\n" }
        md += "## Copies\n\n"
        md += "| " + columns.map { MarkdownReport.escape($0.heading) }.joined(separator: " | ") + " |\n"
        md += "|" + columns.map { $0.isNumeric ? "---:" : "---" }.joined(separator: "|") + "|\n"
        for row in collation.overview {
            md += "| " + columns.map { column in
                column == .name ? "[\(MarkdownReport.escape(row.name))](#copy-\(row.copy))" : MarkdownReport.escape(column.cell(row))
            }.joined(separator: " | ") + " |\n"
        }
        md += "\n" + columns.dropFirst().map { "**\(MarkdownReport.escape($0.heading))** \($0.meaning)" }.joined(separator: "; ") + ".\n\n"
        md += "## Base sentences\n\nOne mark per copy: = identical, ~ near, ≈ paraphrase, ∩ partial, · dropped.\n"
        if options.hideIdentical { md += "Only differences: sentences every copy keeps word for word are left out.\n" }
        md += "\n| sentence | copies | kept by | what the copies did | text |\n|---|---|---:|---|---|\n"
        for fate in listed(collation, options) {
            md += "| A\(fate.sentence + 1) | `\(strip(fate))` | \(fate.keptCount) of \(count) | \(MarkdownReport.escape(copyList(fate))) "
            md += "| \(MarkdownReport.escape(base.sentences[fate.sentence].text)) |\n"
        }
        var section = options
        section.headingOffset = 1
        for number in 1...max(1, count) where number <= count {
            md += "\n<a id=\"copy-\(number)\"></a>\n\n## Copy \(number) of \(count): \(MarkdownReport.escape(collation.copy(number).title))\n\n"
            MarkdownReport.write(collation.comparison(number), ledgers: collation.ledgers[number - 1], options: section, to: md)
        }
    }

    // MARK: HTML

    static func html(_ collation: Collation, options: ReportOptions, to html: ReportOutput) {
        let base = collation.base, count = collation.copyCount
        html += HTMLReport.documentHead(title: "storydiff: \(HTMLReport.text(base.title)) and \(count) copies", options: options)
        html += "<header>\n<h1>storydiff report: a base and \(count) copies</h1>\n"
        html += "<p><b>Base:</b> \(HTMLReport.text(base.title)) <span class=\"made\">\(HTMLReport.text(base.name))</span></p>\n"
        if !options.date.isEmpty { html += "<p class=\"made\">Made \(HTMLReport.escape(options.date)) by \(HTMLReport.escape(options.generator)).</p>\n" }
        html += "</header>\n<section class=\"overview\" id=\"overview\">\n<h2>Copies</h2>\n<div class=\"wide\"><table class=\"overview\">\n<tr>"
        for column in columns { html += "<th title=\"\(HTMLReport.escape(column.meaning))\">\(HTMLReport.escape(column.heading))</th>" }
        html += "</tr>\n"
        for row in collation.overview {
            html += "<tr>" + columns.map { column in
                switch column {
                case .name: return "<td><a href=\"#c\(row.copy)\">\(HTMLReport.text(row.name))</a><div class=\"made\">\(HTMLReport.text(row.title))</div></td>"
                case .closest: return "<td>" + (row.closest == 0 ? "base" : "<a href=\"#c\(row.closest)\">copy \(row.closest)</a>") + " \(TextReport.percent(row.closestShare))</td>"
                default: return "<td class=\"n\">\(HTMLReport.escape(column.cell(row)))</td>"
                }
            }.joined() + "</tr>\n"
        }
        html += "</table></div>\n<p class=\"note\">" + columns.dropFirst().map { "<b>\(HTMLReport.escape($0.heading))</b> \(HTMLReport.escape($0.meaning))" }.joined(separator: "; ") + ".</p>\n</section>\n"
        html += HTMLReport.legend()
        html += "<section class=\"base-sentences\" id=\"base\">\n<h2>Base sentences</h2>\n"
        html += "<p class=\"note\">Each base sentence, then what every copy did with it; a copy's mark links to the sentence in that copy's side-by-side section.</p>\n"
        if options.hideIdentical { html += "<p class=\"made\">Only differences: sentences every copy keeps word for word are left out.</p>\n" }
        for fate in listed(collation, options) {
            let sentence = base.sentences[fate.sentence]
            html += "<div class=\"fate\" id=\"base-a\(fate.sentence)\"><p><b>A\(fate.sentence + 1)</b> \(HTMLReport.text(sentence.text))</p>\n<p class=\"copies\">"
            html += fate.classes.indices.map { index in
                let sentenceClass = fate.classes[index], number = index + 1
                let what = sentenceClass == .unique ? "dropped" : sentenceClass.rawValue
                let mark = sentenceClass == .unique ? "·" : TextReport.symbol(sentenceClass)
                return "<a class=\"s \(sentenceClass.rawValue)\" href=\"#c\(number)-a\(fate.sentence)\" title=\"copy \(number): \(what)\">\(number)\(HTMLReport.escape(mark))</a>"
            }.joined(separator: " ")
            html += " <span class=\"made\">kept by \(fate.keptCount) of \(count): \(HTMLReport.escape(fate.summary))</span></p></div>\n"
        }
        html += "</section>\n"
        for number in 1...max(1, count) where number <= count {
            var section = options
            section.anchorPrefix = "c\(number)-"
            html += "<section class=\"copy\" id=\"c\(number)\">\n<header>\n<h1>Copy \(number) of \(count): \(HTMLReport.text(collation.copy(number).title))</h1>\n"
            HTMLReport.writeBody(collation.comparison(number), ledgers: collation.ledgers[number - 1], options: section, to: html)
            html += "<p class=\"note\"><a href=\"#overview\">back to the copies</a></p>\n</section>\n"
        }
        html += HTMLReport.footer(options)
    }
}
