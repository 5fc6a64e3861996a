/// The base's facts and quotations that some copy lacks or changed: which copy dropped the
/// caveat, which altered the quote.
public struct BaseLedgerFates: Sendable {
    /// A fact the base states, and the copies that lack it or state another value.
    public struct FactFate: Codable, Sendable, Equatable {
        public var kind: FactKind
        public var label: String
        /// Base sentences stating it (ids "a3").
        public var sentences: [String]
        /// Copies (from 1) that do not state it.
        public var lacking: [Int]
        /// Copies that state a different value in the matched sentence, and that value.
        public var changed: [Change]
    }

    public struct Change: Codable, Sendable, Equatable {
        public var copy: Int
        public var to: String
    }

    /// A quotation of the base, and how each copy that did not keep it verbatim has it.
    public struct QuoteFate: Codable, Sendable, Equatable {
        public var text: String
        public var speaker: String?
        public var sentences: [String]
        /// Copy numbers per class, for every class but verbatim.
        public var copies: [String: [Int]]
    }

    public var facts: [FactFate] = []
    public var quotes: [QuoteFate] = []

    public init(_ collation: Collation) {
        // Facts of the base are found again in each comparison: the same kind, key and base mentions.
        struct FactKey: Hashable { var kind: FactKind; var key: String }
        var factOrder: [FactKey] = [], factFates: [FactKey: FactFate] = [:]
        struct QuoteKey: Hashable { var start: Int; var end: Int }
        var quoteOrder: [QuoteKey] = [], quoteFates: [QuoteKey: QuoteFate] = [:]
        for (index, ledgers) in collation.ledgers.enumerated() {
            let copy = index + 1, ledger = ledgers.facts
            for fact in ledger.ordered where !fact.a.isEmpty && (fact.status == .onlyA || fact.status == .changed) {
                let key = FactKey(kind: fact.kind, key: fact.key)
                if factFates[key] == nil {
                    factOrder.append(key)
                    var sentences: [String] = []
                    for mention in fact.a where !sentences.contains(ComparisonDocument.id(.a, mention.sentence)) {
                        sentences.append(ComparisonDocument.id(.a, mention.sentence))
                    }
                    factFates[key] = FactFate(kind: fact.kind, label: fact.a.first?.text ?? fact.label, sentences: sentences, lacking: [], changed: [])
                }
                if fact.status == .changed, let partner = fact.changedWith, ledger.facts.indices.contains(partner) {
                    let other = ledger.facts[partner]
                    factFates[key]?.changed.append(Change(copy: copy, to: other.b.first?.text ?? other.label))
                } else {
                    factFates[key]?.lacking.append(copy)
                }
            }
            let quotes = ledgers.quotes
            for match in quotes.matches where match.isFlagged {
                guard let first = match.a.first, quotes.quotationsA.indices.contains(first) else { continue }
                let quotation = quotes.quotationsA[first]
                let key = QuoteKey(start: quotation.span.start, end: quotation.span.end)
                if quoteFates[key] == nil {
                    quoteOrder.append(key)
                    quoteFates[key] = QuoteFate(text: quotation.text, speaker: quotation.speakerName,
                                                sentences: quotation.sentences.map { ComparisonDocument.id(.a, $0) }, copies: [:])
                }
                quoteFates[key]?.copies[match.quoteClass.rawValue, default: []].append(copy)
            }
        }
        // In the base's order: by the first sentence stating each (the copies' order on a tie).
        func firstSentence(_ fate: FactFate) -> Int { fate.sentences.first.flatMap { Int($0.dropFirst()) } ?? Int.max }
        facts = factOrder.compactMap { factFates[$0] }.enumerated()
            .sorted { (firstSentence($0.element), $0.offset) < (firstSentence($1.element), $1.offset) }.map(\.element)
        quotes = quoteOrder.sorted { ($0.start, $0.end) < ($1.start, $1.end) }.compactMap { quoteFates[$0] }
    }
}
