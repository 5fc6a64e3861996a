/// The facts and quotes sections of the HTML and Markdown reports.
extension HTMLReport {
    static func link(_ side: Side, _ sentence: Int, prefix: String = "") -> String {
        "<a class=\"place\" href=\"#\(prefix)\(side.rawValue)\(sentence)\">\(side == .a ? "A" : "B")\(sentence + 1)</a>"
    }

    static func mentionsHTML(_ mentions: [FactMention], prefix: String = "") -> String {
        guard let first = mentions.first else { return "—" }
        var sentences: [Int] = []
        for mention in mentions where !sentences.contains(mention.sentence) { sentences.append(mention.sentence) }
        let texts = Array(Set(mentions.map(\.text))).sorted()
        return texts.map(text).joined(separator: " / ") + " " + sentences.map { link(first.side, $0, prefix: prefix) }.joined(separator: " ")
    }

    static func factsSection(_ ledgers: Ledgers, options: ReportOptions) -> String {
        let ledger = ledgers.facts
        var html = "<section class=\"facts\" id=\"\(options.anchorPrefix)facts\">\n<h2>Facts</h2>\n"
        html += "<p class=\"note\">\(ledger.count(.changed) / 2) changed, \(ledger.count(.onlyA)) only in A, \(ledger.count(.onlyB)) only in B, \(ledger.count(.both)) in both. Dates, counts, amounts and names; spellings of one name count as one.</p>\n"
        html += "<div class=\"wide\"><table>\n<tr><th>status</th><th>kind</th><th>fact</th><th>A</th><th>B</th></tr>\n"
        for fact in ledger.ordered {
            if fact.status == .both && options.hideIdentical { continue }
            if fact.status == .changed {
                guard !fact.a.isEmpty, let partner = fact.changedWith else { continue }
                html += "<tr class=\"changed\"><td>changed</td><td>\(fact.kind.rawValue)</td><td>\(text(fact.a.first?.text ?? fact.label)) → \(text(ledger.facts[partner].b.first?.text ?? ledger.facts[partner].label))</td>"
                html += "<td>\(mentionsHTML(fact.a, prefix: options.anchorPrefix))</td><td>\(mentionsHTML(ledger.facts[partner].b, prefix: options.anchorPrefix))</td></tr>\n"
                continue
            }
            var label = text(fact.label)
            if !fact.variants.isEmpty { label += " <span class=\"note\">(also \(fact.variants.prefix(4).map(text).joined(separator: ", ")))</span>" }
            html += "<tr class=\"\(fact.status.rawValue)\"><td>\(LedgerText.statusLabel(fact.status))</td><td>\(fact.kind.rawValue)</td><td>\(label)</td>"
            html += "<td>\(mentionsHTML(fact.a, prefix: options.anchorPrefix))</td><td>\(mentionsHTML(fact.b, prefix: options.anchorPrefix))</td></tr>\n"
        }
        return html + "</table></div>\n</section>\n"
    }

    static func quotesSection(_ ledgers: Ledgers, options: ReportOptions) -> String {
        let ledger = ledgers.quotes
        var html = "<section class=\"quotes\" id=\"\(options.anchorPrefix)quotes\">\n<h2>Quotes</h2>\n"
        let counts = QuoteClass.allCases.compactMap { c in ledger.count(c) > 0 ? "\(ledger.count(c)) \(c.label)" : nil }
        html += "<p class=\"note\">\(ledger.quotationsA.count) quotations in A, \(ledger.quotationsB.count) in B\(counts.isEmpty ? "" : ": " + counts.joined(separator: ", ")).</p>\n"
        let (changed, verbatim) = ledger.changedThenVerbatim
        func table(_ matches: [QuoteMatch]) -> String {
            var html = "<div class=\"wide\"><table>\n<tr><th>class</th><th>A</th><th>B</th></tr>\n"
            for match in matches {
                let diff = ledger.versionDiff(match)
                func cell(_ side: Side) -> String {
                    let ids = match.quotations(side)
                    guard let first = ids.first else { return "—" }
                    let q = ledger.quotations(side)[first]
                    // Both versions in full, the word diff inside the marks (never struck through).
                    var words = text(ledger.words(match, side))
                    if let diff {
                        words = (side == .a ? diff.a : diff.b).map { HTMLReport.changed(text($0.text), $0.operation) }.joined()
                    }
                    var html = "“\(words)”"
                    if let speaker = q.speakerName { html += " — \(text(speaker))" }
                    return html + " " + ledger.sentences(match, side).map { link(side, $0, prefix: options.anchorPrefix) }.joined(separator: " ")
                }
                html += "<tr class=\"\(match.quoteClass.rawValue)\"><td>\(escape(LedgerText.heading(match)))</td><td>\(cell(.a))</td><td>\(cell(.b))</td></tr>\n"
            }
            return html + "</table></div>\n"
        }
        if !changed.isEmpty { html += "<h3>Changed</h3>\n" + table(changed) }
        if !options.hideIdentical, !verbatim.isEmpty { html += "<h3>Verbatim</h3>\n" + table(verbatim) }
        return html + "</section>\n"
    }
}

extension MarkdownReport {
    static func factsSection(_ ledgers: Ledgers, options: ReportOptions) -> String {
        let ledger = ledgers.facts
        func places(_ mentions: [FactMention]) -> String { mentions.isEmpty ? "—" : escape(LedgerText.places(mentions)) }
        var md = "\n\(options.heading(2)) Facts\n\n\(ledger.count(.changed) / 2) changed, \(ledger.count(.onlyA)) only in A, \(ledger.count(.onlyB)) only in B, \(ledger.count(.both)) in both.\n\n"
        md += "| status | kind | fact | A | B |\n|---|---|---|---|---|\n"
        for fact in ledger.ordered {
            if fact.status == .both && options.hideIdentical { continue }
            if fact.status == .changed {
                guard !fact.a.isEmpty, let partner = fact.changedWith else { continue }
                md += "| **changed** | \(fact.kind.rawValue) | \(escape(fact.a.first?.text ?? fact.label)) → \(escape(ledger.facts[partner].b.first?.text ?? ledger.facts[partner].label)) | \(places(fact.a)) | \(places(ledger.facts[partner].b)) |\n"
                continue
            }
            var label = escape(fact.label)
            if !fact.variants.isEmpty { label += " (also " + fact.variants.prefix(4).map(escape).joined(separator: ", ") + ")" }
            md += "| \(LedgerText.statusLabel(fact.status)) | \(fact.kind.rawValue) | \(label) | \(places(fact.a)) | \(places(fact.b)) |\n"
        }
        return md
    }

    static func quotesSection(_ ledgers: Ledgers, options: ReportOptions) -> String {
        let ledger = ledgers.quotes
        var md = "\n\(options.heading(2)) Quotes\n\n\(ledger.quotationsA.count) quotations in A, \(ledger.quotationsB.count) in B.\n\n"
        let (changed, verbatim) = ledger.changedThenVerbatim
        func table(_ matches: [QuoteMatch]) -> String {
            var md = "| class | A | B |\n|---|---|---|\n"
            for match in matches {
                let diff = ledger.versionDiff(match)
                func cell(_ side: Side) -> String {
                    let ids = match.quotations(side)
                    guard let first = ids.first else { return "—" }
                    let q = ledger.quotations(side)[first]
                    let places = ledger.sentences(match, side).map { LedgerText.place(side, $0) }.joined(separator: "+")
                    let words = diff.map { TextDiff.marked(side == .a ? $0.a : $0.b) } ?? ledger.words(match, side)
                    return "\(places): “\(escape(words))”" + (q.speakerName.map { " — " + escape($0) } ?? "")
                }
                md += "| \(escape(LedgerText.heading(match))) | \(cell(.a)) | \(cell(.b)) |\n"
            }
            return md
        }
        if !changed.isEmpty { md += "\(options.heading(3)) Changed\n\nWord diff: [-only in A-] {+only in B+}.\n\n" + table(changed) }
        if !options.hideIdentical, !verbatim.isEmpty { md += "\n\(options.heading(3)) Verbatim\n\n" + table(verbatim) }
        return md
    }
}
