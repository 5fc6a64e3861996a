/// The Markdown report: the summary table, then each aligned passage as paired quotes with its
/// class and the changed words marked (~~removed~~, **added**, _moved_), for a ticket or a pull request.
public enum MarkdownReport {
    public static func render(_ comparison: Comparison, options: ReportOptions) -> String {
        let (output, text) = ReportOutput.collecting()
        write(comparison, options: options, to: output)
        return text()
    }

    /// Writes the report as it is made, row by row.
    public static func write(_ comparison: Comparison, options: ReportOptions, to md: ReportOutput) {
        write(comparison, ledgers: nil, options: options, to: md)
    }

    /// With the facts and quotes already found (nil: found here).
    static func write(_ comparison: Comparison, ledgers known: Ledgers?, options: ReportOptions, to md: ReportOutput) {
        md += "\(options.heading(1)) storydiff report\n\n"
        md += "| | title | file | words compared | sentences | coverage |\n|---|---|---|---:|---:|---:|\n"
        for side in Side.allCases {
            let story = comparison.story(side), stats = comparison.statistics(side)
            md += "| **\(side == .a ? "A" : "B")** | \(escape(story.title)) | \(escape(story.name)) | \(stats.comparedWords) | \(stats.comparedSentences) | \(TextReport.percent(stats.coverage)) |\n"
        }
        md += "\n"
        for side in Side.allCases {
            if let page = comparison.story(side).provenance, !page.summary.isEmpty {
                md += "\(side == .a ? "A" : "B"), as the page says: \(escape(page.summary))\n\n"
            }
            for warning in comparison.story(side).warnings { md += "**\(side == .a ? "A" : "B"), warning:** \(escape(warning))\n\n" }
        }
        if !options.date.isEmpty { md += "Made \(escape(options.date)) by \(escape(options.generator)).\n\n" }
        md += "\(options.heading(2)) Summary\n\n"
        md += "| class | A sentences | A words | B sentences | B words |\n|---|---:|---:|---:|---:|\n"
        let a = comparison.statisticsA, b = comparison.statisticsB
        for sentenceClass in SentenceClass.compared {
            md += "| \(sentenceClass.rawValue) | \(a.sentences(sentenceClass)) | \(a.words(sentenceClass)) (\(TextReport.percent(a.share(sentenceClass)))) "
            md += "| \(b.sentences(sentenceClass)) | \(b.words(sentenceClass)) (\(TextReport.percent(b.share(sentenceClass)))) |\n"
        }
        md += "| **coverage** | | \(TextReport.percent(a.coverage)) | | \(TextReport.percent(b.coverage)) |\n"
        md += "| **own words** | | \(a.ownWords) (\(TextReport.percent(a.ownShare))) | | \(b.ownWords) (\(TextReport.percent(b.ownShare))) |\n\n"
        md += "Coverage is the share of a version's words whose sentence has a counterpart in the other (partial pairs included); "
        md += "own words are those only that version has (its unique sentences, and words its matched sentences add); boilerplate "
        md += "(A \(a.boilerplateSentences), B \(b.boilerplateSentences) sentences) is left out. "
        md += "Words: ~~removed~~, **added**, _moved_.\n\n\(options.heading(2)) Aligned passages\n"
        if options.hideIdentical { md += "\nOnly differences: rows whose sentences are all identical are left out.\n" }

        var shown = Set<Int>()
        for (index, row, hiddenBefore) in comparison.reportRows(options) {
            if hiddenBefore > 0 { md += "\n_\(hiddenBefore) identical paragraph row\(hiddenBefore == 1 ? "" : "s") left out._\n" }
            guard index < comparison.rows.count else { continue }
            let (symbol, title) = HTMLReport.gutter(comparison, row)
            md += "\n\(options.heading(3)) Row \(index + 1) · \(symbol) \(title)\n"
            for side in Side.allCases {
                for paragraph in side == .a ? row.a : row.b {
                    for sentence in comparison.story(side).paragraphs[paragraph].sentences {
                        md += passage(comparison, side, sentence, row: index, shown: &shown)
                    }
                }
            }
        }
        let ledgers = known ?? Ledgers(comparison)
        md += factsSection(ledgers, options: options)
        md += quotesSection(ledgers, options: options)
    }

    /// A sentence (and, the first time its group appears, the whole group) as quotes.
    static func passage(_ comparison: Comparison, _ side: Side, _ index: Int, row: Int, shown: inout Set<Int>) -> String {
        let label = "\(side == .a ? "A" : "B")\(index + 1)"
        switch comparison.classes(side)[index] {
        case .boilerplate:
            return "\n> _boilerplate_ **\(label)** \(escape(comparison.story(side).sentences[index].text))\n"
        case .unique:
            return "\n> _only in \(side == .a ? "A" : "B")_ **\(label)** \(marked(comparison, side, index))\n"
        default:
            guard let groupIndex = comparison.groupIndex(side, sentence: index) else {
                return "\n> **\(label)** \(marked(comparison, side, index))\n"
            }
            if shown.contains(groupIndex) { return "" }
            shown.insert(groupIndex)
            let group = comparison.groups[groupIndex]
            var note = "_\(group.sentenceClass.rawValue)_"
            if group.shape != .oneToOne { note += " (\(group.shape.rawValue))" }
            if group.sentenceClass != .identical { note += ", score \(TextReport.format2(group.score))" }
            if let partial = group.partialNote { note += ", \(partial)" }
            if group.moved { note += ", moved" }
            var md = "\n"
            let quotes = group.a.map { ("A", Side.a, $0) } + group.b.map { ("B", Side.b, $0) }
            for (offset, (letter, quoteSide, sentence)) in quotes.enumerated() {
                if offset > 0 { md += ">\n" }
                md += "> \(offset == 0 ? note + " " : "")**\(letter)\(sentence + 1)** \(marked(comparison, quoteSide, sentence))\n"
            }
            return md
        }
    }

    /// A sentence with its word changes marked; markers hug the words (no spaces inside them).
    static func marked(_ comparison: Comparison, _ side: Side, _ index: Int) -> String {
        let story = comparison.story(side)
        var out = ""
        for segment in comparison.segments(side, sentence: index) {
            let raw = SafeText.sanitize(story.text(of: segment.span))
            let marker: String
            switch segment.operation {
            case .removed: marker = "~~"
            case .added: marker = "**"
            case .moved: marker = "_"
            case .kept, nil: out += escape(raw); continue
            }
            let core = raw.trimmingSpaces()
            guard !core.isEmpty else { out += raw; continue }
            let leading = raw.prefix { $0 == " " }, trailing = String(raw.reversed().prefix { $0 == " " })
            out += leading + marker + escape(core) + marker + trailing
        }
        return out
    }

    /// Backslash-escapes what Markdown would read as markup.
    public static func escape(_ raw: String) -> String {
        var out = ""
        for character in SafeText.sanitize(raw) {
            if "\\`*_~[]<>|#".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}

extension String {
    func trimmingSpaces() -> String {
        var result = Substring(self)
        while result.first == " " { result.removeFirst() }
        while result.last == " " { result.removeLast() }
        return String(result)
    }
}
