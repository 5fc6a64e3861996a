import StoryCore

/// A stretch of a detail line with the role it is drawn in (nil: the box's own text).
public struct DetailSpan: Sendable, Equatable {
    public var text: String
    public var role: ThemeRole?
    public init(_ text: String, _ role: ThemeRole? = nil) { self.text = text; self.role = role }
}

/// The detail view of the selected sentence's link (`i`, or Enter where there is nothing to
/// jump to): everything the one-line explanation has no room for.
extension Reader {
    /// What each class means, in the words of the summary and the README.
    static func meaning(_ sentenceClass: SentenceClass) -> String {
        switch sentenceClass {
        case .identical: return "word for word the same (case, quotes and dashes aside)"
        case .near: return "nearly verbatim: a few words added, dropped or changed"
        case .paraphrase: return "the same statement in other words"
        case .partial: return "matched, but one side says materially more or something else"
        case .unique: return "no sentence of the other version says this"
        case .boilerplate: return "site chrome (menus, credits, sharing links): not compared"
        }
    }

    /// The detail lines of a sentence, unwrapped: one entry per paragraph of the view.
    public func detailLines(_ ref: SentenceRef) -> [[DetailSpan]] {
        let story = comparison.story(ref.side)
        guard story.sentences.indices.contains(ref.index) else { return [] }
        let sentenceClass = comparison.classes(ref.side)[ref.index]
        var lines: [[DetailSpan]] = []
        func line(_ spans: DetailSpan...) { lines.append(spans) }
        func field(_ name: String, _ value: String, _ role: ThemeRole? = nil) {
            lines.append([DetailSpan(name.padded(22), .overlayTitle), DetailSpan(value, role)])
        }
        let groupIndex = comparison.groupIndex(ref.side, sentence: ref.index)
        let group = groupIndex.map { comparison.groups[$0] }
        let classRole: ThemeRole = [.identical: .identical, .near: .near, .paraphrase: .paraphrase, .partial: .partial,
                                    .unique: .unique, .boilerplate: .boilerplate][sentenceClass] ?? .text
        if let group {
            let mine = (ref.side == .a ? group.a : group.b).map { label(SentenceRef(ref.side, $0)) }.joined(separator: "+")
            let theirs = (ref.side == .a ? group.b : group.a).map { label(SentenceRef(ref.side.other, $0)) }.joined(separator: "+")
            var shape = group.shape == .oneToOne ? "one to one" : group.shape == .split ? "split: one A sentence became several in B" : "merge: several A sentences became one in B"
            if group.moved { shape += " · moved: it stands out of the order of the matches around it" }
            line(DetailSpan("\(mine) ↔ \(theirs)  "), DetailSpan(sentenceClass.rawValue, classRole))
            field("class", Self.meaning(sentenceClass))
            if let note = group.partialNote { field("partial", note) }
            field("shape", shape)
        } else {
            line(DetailSpan("\(label(ref))  "), DetailSpan(sentenceClass.rawValue, classRole))
            field("class", Self.meaning(sentenceClass))
        }
        if let group, sentenceClass != .identical {
            let features = group.features
            lines.append([])
            field("score", "\(TextReport.format2(group.score)): similarity on a scale calibrated on human judgements; 1 is the same meaning, from about 0.67 the two say the same thing")
            field("  content words", "\(TextReport.format2(features.contentCosine)) (weighted overlap of content words, rare words counting more)")
            field("  word order", "\(TextReport.format2(features.wordOrder)) (share of words kept in the same order)")
            field("  A found in B", "\(TextReport.percent(features.containmentA)) of A's content")
            field("  B found in A", "\(TextReport.percent(features.containmentB)) of B's content")
            if !features.sharedWords.isEmpty { field("shared words", features.sharedWords.joined(separator: ", ")) }
            if !features.synonyms.isEmpty { field("same sense", features.synonyms.joined(separator: ", ")) }
            if !features.numbersOnlyA.isEmpty { field("numbers only in A", features.numbersOnlyA.joined(separator: ", "), .wordRemoved) }
            if !features.numbersOnlyB.isEmpty { field("numbers only in B", features.numbersOnlyB.joined(separator: ", "), .wordAdded) }
        }
        // Facts and quotations of this sentence, and of its counterparts, that are not in both.
        if let ledgers {
            var factLines: [[DetailSpan]] = []
            let places = [ref] + comparison.counterparts(ref.side, sentence: ref.index).map { SentenceRef(ref.side.other, $0) }
            var seen = Set<Int>()
            for place in places {
                for fact in ledgers.facts.facts(place.side, sentence: place.index) where fact.status != .both && seen.insert(fact.id).inserted {
                    let mention = fact.mentions(place.side).first { $0.sentence == place.index }?.text ?? fact.label
                    let text: String
                    if fact.status == .changed, let partner = fact.changedWith {
                        if !seen.insert(partner).inserted { continue }
                        let other = ledgers.facts.facts[partner].mentions(place.side.other).first?.text ?? ledgers.facts.facts[partner].label
                        text = "changed \(fact.kind.rawValue): \(place.side == .a ? "A" : "B") \(mention) ↔ \(place.side == .a ? "B" : "A") \(other)"
                    } else {
                        text = "\(fact.kind.rawValue) only in \(place.side == .a ? "A" : "B"): \(mention) (\(label(place)))"
                    }
                    factLines.append([DetailSpan("! ", .flag), DetailSpan(SafeText.sanitize(text))])
                }
            }
            var quoteLines: [[DetailSpan]] = []
            var seenQuotes = Set<Int>()
            for place in places {
                for quotation in ledgers.quotes.quotations(place.side, sentence: place.index) {
                    let match = ledgers.quotes.match(place.side, quotation: quotation.id)
                    guard seenQuotes.insert(match.id).inserted else { continue }
                    quoteLines.append([DetailSpan(match.isFlagged ? "! " : "  ", .flag), DetailSpan("quote " + LedgerText.heading(match))])
                    quoteLines += Self.quoteVersions(match, ledgers.quotes, speakers: true)
                }
            }
            if !factLines.isEmpty { lines.append([]); lines.append([DetailSpan("facts", .overlayTitle)]); lines += factLines }
            if !quoteLines.isEmpty { lines.append([]); lines.append([DetailSpan("quotations", .overlayTitle)]); lines += quoteLines }
        }
        // The word diff in full, every change marked, as git and dwdiff write it.
        if let group, sentenceClass != .identical {
            lines.append([])
            lines.append([DetailSpan("word diff, every change: [-only in A-] {+only in B+} [~moved~]", .overlayTitle)])
            for side in Side.allCases {
                let indices = side == .a ? group.a : group.b
                var spans: [DetailSpan] = [DetailSpan("\(indices.map { label(SentenceRef(side, $0)) }.joined(separator: "+")): ")]
                let story = comparison.story(side)
                for (position, index) in indices.enumerated() where story.sentences.indices.contains(index) {
                    if position > 0 { spans.append(DetailSpan(" ")) }
                    for segment in comparison.segments(side, sentence: index, emphasis: .full) {
                        spans.append(Self.marked(SafeText.sanitize(story.text(of: segment.span)), segment.operation))
                    }
                }
                lines.append(spans)
            }
        } else {
            lines.append([])
            lines.append([DetailSpan(label(ref) + ": " + SafeText.sanitize(story.text(of: story.sentences[ref.index].span)))])
        }
        return lines
    }

    /// A quote's versions, A then B, each on a line of its own with every sentence it is in
    /// ("A1+A20"), the word diff inside the marks when the two are worded differently, and its
    /// speaker when asked (the detail view; the quotes panel names the speaker above).
    static func quoteVersions(_ match: QuoteMatch, _ quotes: QuoteLedger, speakers: Bool) -> [[DetailSpan]] {
        let diff = quotes.versionDiff(match)
        var lines: [[DetailSpan]] = []
        for side in Side.allCases {
            let all = quotes.quotations(side)
            guard let first = match.quotations(side).first, all.indices.contains(first) else { continue }
            let places = quotes.sentences(match, side).map { "\(side == .a ? "A" : "B")\($0 + 1)" }.joined(separator: "+")
            var line = [DetailSpan("  \(places): “")]
            if let diff {
                line += (side == .a ? diff.a : diff.b).map { marked(SafeText.sanitize($0.text), $0.operation) }
            } else {
                line.append(DetailSpan(SafeText.sanitize(quotes.words(match, side))))
            }
            line.append(DetailSpan("”"))
            if speakers, let speaker = all[first].speakerName { line.append(DetailSpan(" — " + SafeText.sanitize(speaker))) }
            lines.append(line)
        }
        return lines
    }

    /// A changed stretch in its colour and with git's marks, so that it reads without colour too.
    static func marked(_ text: String, _ operation: WordDiff.Operation?) -> DetailSpan {
        guard let operation, operation != .kept else { return DetailSpan(text) }
        let role: ThemeRole = operation == .removed ? .wordRemoved : operation == .added ? .wordAdded : .wordMoved
        return DetailSpan(operation.marked(text), role)
    }

    /// Wraps detail lines to a width, keeping each word's role; long words break by characters.
    static func wrap(_ lines: [[DetailSpan]], width: Int) -> [[DetailSpan]] {
        let width = max(1, width)
        var result: [[DetailSpan]] = []
        for spans in lines {
            var current: [DetailSpan] = [], column = 0
            // Continuation lines of a field start under its value.
            let indent = spans.first.map { $0.role == .overlayTitle && spans.count > 1 && DisplayWidth.of($0.text) <= width / 2 ? DisplayWidth.of($0.text) : 0 } ?? 0
            func push(_ text: String, _ role: ThemeRole?) {
                if let last = current.last, last.role == role { current[current.count - 1].text += text } else { current.append(DetailSpan(text, role)) }
            }
            func newLine() {
                result.append(current)
                current = indent > 0 ? [DetailSpan(String(repeating: " ", count: indent))] : []
                column = indent
            }
            for (position, span) in spans.enumerated() {
                // A field's name keeps its padding: the values line up.
                if position == 0, indent > 0 {
                    push(span.text, span.role); column = indent
                    continue
                }
                for (word, isSpace) in ReaderLayout.words(span.text) {
                    let w = isSpace ? 1 : DisplayWidth.of(word)
                    if isSpace {
                        if column > indent, column < width { push(" ", span.role); column += 1 }
                        continue
                    }
                    if column > indent, column + w > width { newLine() }
                    if w <= width - column { push(word, span.role); column += w; continue }
                    for character in word {
                        let cw = DisplayWidth.of(character)
                        if column + cw > width { newLine() }
                        push(String(character), span.role); column += cw
                    }
                }
            }
            result.append(current)
        }
        return result
    }

    /// Rows of text the detail view shows: the box less its border, title and footer lines.
    var detailRows: Int { max(1, height - 4) }

    mutating func openDetail() {
        guard let cursor else { message = "no sentence selected"; return }
        detailFor = cursor
        detailTop = 0
        overlay = .detail
    }

    mutating func handleDetail(_ key: Key) {
        let count = Self.wrap(detailFor.map(detailLines) ?? [], width: max(1, width - 8)).count
        switch key {
        case .character("j"), .down: detailTop += 1
        case .character("k"), .up: detailTop -= 1
        case .character(" "), .pageDown: detailTop += detailRows - 1
        case .character("b"), .pageUp: detailTop -= detailRows - 1
        case .character("g"), .home: detailTop = 0
        case .character("G"), .end: detailTop = count
        case .wheelDown: detailTop += 3
        case .wheelUp: detailTop -= 3
        default: overlay = .none; return
        }
        detailTop = max(0, min(detailTop, count - detailRows))
    }
}
