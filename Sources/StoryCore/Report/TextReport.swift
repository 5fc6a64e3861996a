/// The plain-text report: summary, then the aligned rows with word changes marked in the
/// wdiff convention ([-removed-] {+added+}) and moves as [~moved~].
public enum TextReport {
    public static func render(_ comparison: Comparison, options: ReportOptions = ReportOptions(), color: Bool = false) -> String {
        let (output, text) = ReportOutput.collecting()
        write(comparison, options: options, color: color, to: output)
        return text()
    }

    /// Writes the report as it is made, row by row.
    public static func write(_ comparison: Comparison, options: ReportOptions = ReportOptions(), color: Bool = false, to out: ReportOutput) {
        write(comparison, ledgers: nil, options: options, color: color, to: out)
    }

    /// With the facts and quotes already found (nil: found here).
    static func write(_ comparison: Comparison, ledgers known: Ledgers?, options: ReportOptions, color: Bool, to out: ReportOutput) {
        let paint = Paint(palette: options.palette, enabled: color)
        let a = comparison.a, b = comparison.b
        out += "storydiff: A = \(SafeText.sanitize(a.name))   B = \(SafeText.sanitize(b.name))\n\n"
        for (label, story, stats) in [("A", a, comparison.statisticsA), ("B", b, comparison.statisticsB)] {
            out += "\(label)  \(SafeText.sanitize(story.title))\n"
            out += "   \(stats.comparedWords) words, \(stats.comparedSentences) sentences compared, coverage \(percent(stats.coverage))"
            out += stats.boilerplateSentences > 0 ? "; \(stats.boilerplateSentences) boilerplate sentence\(stats.boilerplateSentences == 1 ? "" : "s") left out\n" : "\n"
            if let page = story.provenance, !page.summary.isEmpty { out += "   page: \(SafeText.sanitize(page.summary))\n" }
            for warning in story.warnings { out += "   warning: \(SafeText.sanitize(warning))\n" }
        }
        out += "\n" + summaryTable(comparison) + "\n"
        out += "Marks: = identical  ~ near  ≈ paraphrase  ∩ partial  < only in A  > only in B  ↕ moved  · boilerplate\n"
        out += "Words: [-removed-] {+added+} [~moved~]\n"
        if options.hideIdentical { out += "Only differences: rows whose sentences are all identical are left out.\n" }

        var printedGroups: [Int: Int] = [:]   // group → row it was shown in
        for (rowIndex, row, hiddenBefore) in comparison.reportRows(options) {
            if hiddenBefore > 0 { out += "\n··· \(hiddenBefore) identical paragraph row\(hiddenBefore == 1 ? "" : "s") left out ···\n" }
            guard rowIndex < comparison.rows.count else { continue }
            let left = row.a.isEmpty ? "—" : row.a.map { "¶\($0 + 1)" }.joined(separator: ",")
            let right = row.b.isEmpty ? "—" : row.b.map { "¶\($0 + 1)" }.joined(separator: ",")
            var header = "\n── row \(rowIndex + 1) · A \(left) | B \(right)"
            if !row.movedTo.isEmpty { header += " · counterparts in row \(row.movedTo.map { String($0 + 1) }.joined(separator: ", "))" }
            out += header + "\n"
            for paragraph in row.a {
                for index in a.paragraphs[paragraph].sentences {
                    out += sentenceLines(comparison, .a, index, row: rowIndex, printedGroups: &printedGroups, paint: paint)
                }
            }
            for paragraph in row.b {
                for index in b.paragraphs[paragraph].sentences {
                    out += sentenceLines(comparison, .b, index, row: rowIndex, printedGroups: &printedGroups, paint: paint)
                }
            }
        }
        let ledgers = known ?? Ledgers(comparison)
        out += "\n" + LedgerText.facts(ledgers.facts, includeShared: !options.hideIdentical)
        out += "\n" + LedgerText.quotes(ledgers.quotes, includeVerbatim: !options.hideIdentical)
    }

    private static func sentenceLines(_ comparison: Comparison, _ side: Side, _ index: Int, row: Int, printedGroups: inout [Int: Int], paint: Paint) -> String {
        let label = side == .a ? "A" : "B"
        let sentenceClass = comparison.classes(side)[index]
        switch sentenceClass {
        case .boilerplate:
            return "· \(label)\(index + 1)  " + paint.wrap(SafeText.sanitize(comparison.story(side).sentences[index].text), "boilerplate") + "\n"
        case .unique:
            return "\(side == .a ? "<" : ">") \(label)\(index + 1)  \(marked(comparison, side, index, paint: paint))\n"
        default:
            guard let groupIndex = comparison.groupIndex(side, sentence: index), comparison.groups.indices.contains(groupIndex) else {
                return "  \(label)\(index + 1)  \(marked(comparison, side, index, paint: paint))\n"
            }
            let group = comparison.groups[groupIndex]
            if let shownIn = printedGroups[groupIndex] {
                return shownIn == row ? "" : "↕ \(label)\(index + 1)  shown with its counterpart in row \(shownIn + 1)\n"
            }
            printedGroups[groupIndex] = row
            let mark = group.moved ? "↕" : symbol(sentenceClass)
            var lines = ""
            for (offset, s) in group.a.enumerated() {
                lines += "\(offset == 0 ? mark : " ") A\(s + 1)  \(marked(comparison, .a, s, paint: paint))\n"
            }
            for s in group.b {
                lines += "  B\(s + 1)  \(marked(comparison, .b, s, paint: paint))\n"
            }
            var why = "    \(sentenceClass.rawValue)"
            if group.shape != .oneToOne { why += " (\(group.shape.rawValue))" }
            if sentenceClass != .identical {
                why += ", score \(format2(group.score))"
                if let note = group.partialNote { why += "; \(note)" }
                if !group.features.sharedWords.isEmpty { why += "; shared: \(group.features.sharedWords.prefix(4).joined(separator: ", "))" }
                let numbers = group.features.numbersOnlyA.map { "A " + $0 } + group.features.numbersOnlyB.map { "B " + $0 }
                if !numbers.isEmpty { why += "; numbers differ: \(numbers.joined(separator: ", "))" }
                if !group.features.synonyms.isEmpty { why += "; same sense: \(SafeText.sanitize(group.features.synonyms.prefix(4).joined(separator: ", ")))" }
            }
            if group.moved { why += "; moved" }
            return lines + why + "\n"
        }
    }

    /// A sentence with its word changes marked.
    static func marked(_ comparison: Comparison, _ side: Side, _ index: Int, paint: Paint = Paint(palette: .plain, enabled: false)) -> String {
        let story = comparison.story(side)
        let sentenceClass = comparison.classes(side)[index].rawValue
        var out = ""
        for segment in comparison.segments(side, sentence: index) {
            let text = SafeText.sanitize(story.text(of: segment.span))
            switch segment.operation {
            case .removed?, .added?, .moved?:
                let operation = segment.operation ?? .kept
                out += paint.wrap(operation.marked(text), "word." + operation.rawValue)
            case .kept, nil: out += paint.wrap(text, sentenceClass)
            }
        }
        return out
    }

    /// ANSI colour for a terminal, or nothing.
    struct Paint {
        var palette: ReportPalette
        var enabled: Bool

        func wrap(_ text: String, _ role: String) -> String {
            guard enabled else { return text }
            let start = palette.ansi(role)
            return start.isEmpty ? text : start + text + "\u{1B}[0m"
        }
    }

    static func summaryTable(_ comparison: Comparison) -> String {
        let a = comparison.statisticsA, b = comparison.statisticsB
        func pad(_ s: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }
        var out = "              A sentences    A words   B sentences    B words\n"
        for sentenceClass in SentenceClass.compared {
            out += sentenceClass.rawValue.padding(12)
            out += pad("\(a.sentences(sentenceClass))", 13) + pad("\(a.words(sentenceClass)) \(percent(a.share(sentenceClass)))", 11)
            out += pad("\(b.sentences(sentenceClass))", 14) + pad("\(b.words(sentenceClass)) \(percent(b.share(sentenceClass)))", 11) + "\n"
        }
        out += "coverage".padding(12) + pad(percent(a.coverage), 24) + pad(percent(b.coverage), 25) + "\n"
        out += "own words".padding(12) + pad("\(a.ownWords) \(percent(a.ownShare))", 24) + pad("\(b.ownWords) \(percent(b.ownShare))", 25) + "\n"
        return out
    }

    static func symbol(_ sentenceClass: SentenceClass) -> String {
        switch sentenceClass {
        case .identical: return "="
        case .near: return "~"
        case .paraphrase: return "≈"
        case .partial: return "∩"
        case .unique: return "<"
        case .boilerplate: return "·"
        }
    }

    /// "61%" style, one decimal under 10%.
    public static func percent(_ share: Double) -> String {
        let value = share * 100
        if value > 0 && value < 10 { return "\(format1(value))%" }
        return "\(Int(value.rounded()))%"
    }

    static func format1(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// A name cut in the middle to `width` characters, keeping its end ("/work/…/after.txt").
    static func middleCut(_ text: String, _ width: Int) -> String {
        guard text.count > width, width > 3 else { return text }
        let tail = (width - 1) / 2, head = width - 1 - tail
        return String(text.prefix(head)) + "…" + String(text.suffix(tail))
    }

    /// "0.89": two decimals, without Foundation's locale-dependent formatting.
    public static func format2(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(String(hundredths % 100).leftPadded(to: 2))"
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
