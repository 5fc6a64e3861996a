import StoryCore

/// One line of the facts or quotes panel and the places it jumps to (A first when A has one).
public struct PanelItem: Sendable, Equatable {
    public var text: String
    public var places: [SentenceRef]
    /// Lines under the item, wrapped, never cut: a quotation's two versions with their word diff.
    public var detail: [[DetailSpan]] = []
}

/// The facts and quotes panels, the gutter flags and the jumps between flagged sentences.
extension Reader {
    /// The facts panel: differences first (a change as one line), then what both state. Made once,
    /// when the ledgers arrive (a long document's thousands of facts are not rebuilt per key).
    static func factItems(_ ledgers: Ledgers) -> [PanelItem] {
        let facts = ledgers.facts
        var items: [PanelItem] = []
        for fact in facts.ordered {
            func first(_ side: Side, _ fact: Fact) -> SentenceRef? { fact.mentions(side).first.map { SentenceRef(side, $0.sentence) } }
            if fact.status == .changed {
                guard !fact.a.isEmpty, let partnerID = fact.changedWith else { continue }
                let partner = facts.facts[partnerID]
                let text = "changed  \(fact.kind.rawValue.padded(12)) \(fact.a.first?.text ?? fact.label) → \(partner.b.first?.text ?? partner.label)"
                items.append(PanelItem(text: text, places: [first(.a, fact), first(.b, partner)].compactMap { $0 }))
                continue
            }
            let status = LedgerText.statusLabel(fact.status)
            var text = "\(status.padded(8)) \(fact.kind.rawValue.padded(12)) \(fact.label)"
            if !fact.variants.isEmpty { text += " (also \(fact.variants.prefix(3).joined(separator: ", ")))" }
            items.append(PanelItem(text: text, places: [first(.a, fact), first(.b, fact)].compactMap { $0 }))
        }
        return items
    }

    /// The quotes panel: each matched quote with both its versions in full, the word diff inside
    /// the marks; changed ones first, then the verbatim ones.
    static func quoteItems(_ ledgers: Ledgers) -> [PanelItem] {
        let quotes = ledgers.quotes
        let (changed, verbatim) = quotes.changedThenVerbatim
        return (changed + verbatim).map { match in
            let side: Side = match.a.isEmpty ? .b : .a
            let quotation = quotes.quotations(side)[match.quotations(side)[0]]
            var places = [SentenceRef(side, quotation.sentences[0])]
            if let other = match.quotations(side.other).first { places.append(SentenceRef(side.other, quotes.quotations(side.other)[other].sentences[0])) }
            let speaker = quotation.speakerName.map { " — " + $0 } ?? ""
            return PanelItem(text: "\(LedgerText.heading(match))\(speaker)", places: places,
                             detail: quoteVersions(match, quotes, speakers: false))
        }
    }

    /// The open panel's items, narrowed by its filter (`/` in the panel: the words typed, case,
    /// quotes and dashes folded, anywhere in the line or its places).
    var panelItems: [PanelItem] {
        let items = overlay == .facts ? factItems : overlay == .quotes ? quoteItems : []
        let typed = panelFilterEditor?.string ?? panelFilter ?? ""
        let needle = String(String.UnicodeScalarView(Self.foldedScalars(typed)))
        guard !needle.isEmpty else { return items }
        return items.filter { item in
            let line = item.text + " " + item.places.map(label).joined(separator: " ")
            return String(String.UnicodeScalarView(Self.foldedScalars(line))).contains(needle)
        }
    }

    /// Rows of items the panel shows: the box less its border, title and footer lines.
    var panelRows: Int { max(1, height - 4) }

    mutating func openPanel(_ panel: Overlay) {
        if stillFindingLedgers() { return }
        overlay = panel
        panelSelection = 0
        panelTop = 0
        panelFilter = nil
        panelFilterEditor = nil
        if panelItems.isEmpty {
            overlay = .none
            message = panel == .facts ? "no dates, numbers or names found" : "no quotations in either version"
        }
    }

    mutating func handlePanel(_ key: Key) {
        if var editor = panelFilterEditor {
            // The list narrows as the filter is typed; Enter keeps it, Esc drops it.
            switch editor.handle(key) {
            case .editing: panelFilterEditor = editor
            case .cancelled: panelFilterEditor = nil; panelFilter = nil; message = "filter cleared"
            case .submitted(let text):
                panelFilterEditor = nil
                panelFilter = text.isEmpty ? nil : text
                if !text.isEmpty { message = "\(panelItems.count) of \(overlay == .facts ? factItems.count : quoteItems.count) shown for “\(text)” · / changes it, Esc clears" }
            }
            panelSelection = max(0, min(panelItems.count - 1, panelSelection))
            panelTop = min(panelTop, panelSelection)
            return
        }
        let count = panelItems.count
        switch key {
        case .character("/"): panelFilterEditor = LineEditor(panelFilter ?? ""); return
        case .escape where panelFilter != nil: panelFilter = nil; message = "filter cleared"; panelSelection = 0; panelTop = 0; return
        case .character("j"), .down: panelSelection += 1
        case .character("k"), .up: panelSelection -= 1
        case .character(" "), .pageDown: panelSelection += panelRows - 1
        case .character("b"), .pageUp: panelSelection -= panelRows - 1
        case .character("g"), .home: panelSelection = 0
        case .character("G"), .end: panelSelection = count - 1
        case .enter: jumpToPanelItem(); return
        // F and Q toggle their own panel and switch from the other; q and Esc close it.
        case .character("F") where overlay == .quotes: openPanel(.facts); return
        case .character("Q") where overlay == .facts: openPanel(.quotes); return
        case .character("q"), .escape, .character("F"), .character("Q"): overlay = .none; return
        case .wheelDown: panelSelection += 3
        case .wheelUp: panelSelection -= 3
        default: return
        }
        panelSelection = max(0, min(count - 1, panelSelection))
        keepPanelSelectionVisible()
    }

    /// Scrolls the panel so that the whole of the selected item is in the box (items take one line
    /// or several).
    mutating func keepPanelSelectionVisible() {
        let items = panelItems
        guard items.indices.contains(panelSelection) else { panelTop = 0; return }
        if panelSelection < panelTop { panelTop = panelSelection; return }
        let width = max(20, self.width - 4) - 4
        var used = 0
        for index in stride(from: panelSelection, through: panelTop, by: -1) {
            used += panelLines(items[index], width: width).count
            if used > panelRows { panelTop = min(panelSelection, index + 1); return }
        }
    }

    /// Closes the panel and puts the cursor on the item's first place; Tab then shows its place
    /// on the other side.
    mutating func jumpToPanelItem() {
        let items = panelItems
        guard items.indices.contains(panelSelection) else { overlay = .none; return }
        let item = items[panelSelection]
        overlay = .none
        guard let target = item.places.first(where: { isShown($0) }) else {
            message = "its sentences are hidden (f shows everything)"
            return
        }
        reveal(target)
        cursor = target
        focus = target.side
        scrollToShow(target, jump: true)
        let other = item.places.first { $0.side != target.side }
        pendingOtherPlace = other
        message = item.text + " · " + item.places.map(label).joined(separator: " ↔ ") + (other != nil ? " (Tab shows \(label(other!)))" : "")
    }

    func isFlagged(_ ref: SentenceRef) -> Bool {
        let flags = ref.side == .a ? flaggedA : flaggedB
        return flags.indices.contains(ref.index) && flags[ref.index]
    }

    /// The next or previous flagged sentence in reading order.
    mutating func jumpFlagged(_ direction: Int) {
        if stillFindingLedgers() { return }
        let flaggedA = self.flaggedA, flaggedB = self.flaggedB
        if let ref = nextInReadingOrder(direction, where: { ($0.side == .a ? flaggedA : flaggedB)[$0.index] }) {
            cursor = ref
            focus = ref.side
            scrollToShow(ref, jump: true)
            return
        }
        message = "no \(direction > 0 ? "next" : "previous") flagged sentence"
    }
}

extension String {
    func padded(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
