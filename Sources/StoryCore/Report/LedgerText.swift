/// The facts ledger and the quotes list as plain text: the `facts` and `quotes` commands print
/// them, and the text report ends with them.
public enum LedgerText {
    /// "A12" / "B3": a sentence as the reader and the reports number it.
    static func place(_ side: Side, _ sentence: Int) -> String { "\(side == .a ? "A" : "B")\(sentence + 1)" }

    static func places(_ mentions: [FactMention]) -> String {
        var seen: [Int] = []
        for mention in mentions where !seen.contains(mention.sentence) { seen.append(mention.sentence) }
        guard let side = mentions.first?.side else { return "" }
        let shown = seen.prefix(6).map { place(side, $0) }.joined(separator: " ")
        return seen.count > 6 ? shown + " +\(seen.count - 6)" : shown
    }

    public static func statusLabel(_ status: Fact.Status) -> String {
        switch status {
        case .both: return "both"
        case .onlyA: return "only A"
        case .onlyB: return "only B"
        case .changed: return "changed"
        }
    }

    /// One line per fact (a change as one line for its pair), differences first.
    public static func facts(_ ledger: FactLedger, includeShared: Bool = true) -> String {
        let facts = ledger.facts
        var out = "Facts: \(ledger.count(.changed) / 2) changed, \(ledger.count(.onlyA)) only in A, \(ledger.count(.onlyB)) only in B, \(ledger.count(.both)) in both\n"
        for fact in ledger.ordered {
            if fact.status == .both && !includeShared { continue }
            let kind = fact.kind.rawValue.padding(12)
            if fact.status == .changed {
                guard !fact.a.isEmpty, let partnerID = fact.changedWith else { continue }
                let partner = facts[partnerID]
                out += "  changed  \(kind) \(SafeText.sanitize(fact.a.first?.text ?? fact.label)) (\(places(fact.a))) → \(SafeText.sanitize(partner.b.first?.text ?? partner.label)) (\(places(partner.b)))\n"
                continue
            }
            var line = "  \(statusLabel(fact.status).padding(8)) \(kind) \(SafeText.sanitize(fact.label))"
            if !fact.variants.isEmpty { line += " (also " + fact.variants.prefix(4).map(SafeText.sanitize).joined(separator: ", ") + ")" }
            let where_ = [fact.a, fact.b].filter { !$0.isEmpty }.map(places).joined(separator: " · ")
            out += line + "  " + where_ + "\n"
        }
        return out
    }
}

extension LedgerText {
    /// One entry per matched quote: its class, then each version's quotation with its place
    /// and speaker.
    public static func quotes(_ ledger: QuoteLedger, includeVerbatim: Bool = true) -> String {
        var counts: [String] = []
        for quoteClass in QuoteClass.allCases {
            let n = ledger.count(quoteClass)
            if n > 0 { counts.append("\(n) \(quoteClass.label)") }
        }
        var out = "Quotes: \(ledger.quotationsA.count) in A, \(ledger.quotationsB.count) in B" + (counts.isEmpty ? "" : "; " + counts.joined(separator: ", ")) + "\n"
        let (changed, verbatim) = ledger.changedThenVerbatim
        func entry(_ match: QuoteMatch) -> String {
            var out = "\n  " + heading(match) + "\n"
            // Two versions worded differently: each with the word diff inside its marks, whole.
            let diff = ledger.versionDiff(match)
            for side in Side.allCases {
                let ids = match.quotations(side)
                guard let first = ids.first else { continue }
                let quotation = ledger.quotations(side)[first]
                let places = ledger.sentences(match, side).map { place(side, $0) }.joined(separator: "+")
                let speaker = quotation.speakerName.map { " — " + SafeText.sanitize($0) } ?? ""
                let words = diff.map { TextDiff.marked(side == .a ? $0.a : $0.b) } ?? ledger.words(match, side)
                out += "    \(places): “\(SafeText.sanitize(words))”\(speaker)\n"
            }
            return out
        }
        if !changed.isEmpty {
            out += "\nChanged (word diff: [-only in A-] {+only in B+}):\n"
            for match in changed { out += entry(match) }
        }
        if includeVerbatim, !verbatim.isEmpty {
            out += "\nVerbatim:\n"
            for match in verbatim { out += entry(match) }
        }
        return out
    }

    /// "expanded (B quotes more)", "newly quoted in B", "speaker changed (verbatim)".
    public static func heading(_ match: QuoteMatch) -> String {
        let sideName = match.side.map { $0 == .a ? "A" : "B" } ?? ""
        let otherName = match.side.map { $0 == .a ? "B" : "A" } ?? ""
        func words(_ wording: QuoteClass) -> String {
            switch wording {
            case .expanded: return "expanded: \(sideName) quotes more"
            case .newlyQuoted: return "newly quoted: quoted in \(sideName), unquoted in \(otherName)"
            case .missing: return "missing: only \(sideName) has these words"
            default: return wording.label
            }
        }
        if match.quoteClass == .speakerChanged { return "speaker changed (\(words(match.wording)))" }
        return words(match.quoteClass)
    }
}
