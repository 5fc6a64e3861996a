/// The JSON form of the facts ledger (in `storydiff facts --format json` and in the comparison
/// document's `facts`). Offsets count Unicode scalars, as everywhere in storydiff's JSON.
public struct FactsDocument: Codable, Sendable, Equatable {
    public var changed: Int
    public var onlyA: Int
    public var onlyB: Int
    public var both: Int
    public var facts: [Entry]

    public struct Entry: Codable, Sendable, Equatable {
        public var id: Int
        public var kind: FactKind
        public var status: Fact.Status
        public var label: String
        public var variants: [String]
        /// For a changed fact: the id of the fact the other version states in its place.
        public var changedWith: Int?
        public var a: [Mention]
        public var b: [Mention]
    }

    public struct Mention: Codable, Sendable, Equatable {
        /// "a12": the sentence, as in the comparison document.
        public var sentence: String
        public var start: Int
        public var end: Int
        public var text: String
    }

    enum CodingKeys: String, CodingKey { case changed, onlyA = "only-a", onlyB = "only-b", both, facts }

    public init(_ ledger: FactLedger, includeShared: Bool = true) {
        changed = ledger.count(.changed) / 2
        onlyA = ledger.count(.onlyA)
        onlyB = ledger.count(.onlyB)
        both = ledger.count(.both)
        func mentions(_ list: [FactMention]) -> [Mention] {
            list.map { Mention(sentence: "\($0.side.rawValue)\($0.sentence)", start: $0.span.start, end: $0.span.end, text: $0.text) }
        }
        facts = ledger.ordered.filter { includeShared || $0.status != .both }.map { fact in
            Entry(id: fact.id, kind: fact.kind, status: fact.status, label: fact.label, variants: fact.variants,
                  changedWith: fact.changedWith, a: mentions(fact.a), b: mentions(fact.b))
        }
    }
}

/// The JSON form of the quotes (in `storydiff quotes --format json` and in the comparison
/// document's `quotes`).
public struct QuotesDocument: Codable, Sendable, Equatable {
    public var counts: [String: Int]
    public var quotes: [Entry]

    public struct Entry: Codable, Sendable, Equatable {
        public var id: Int
        public var quoteClass: QuoteClass
        public var wording: QuoteClass
        public var side: Side?
        public var a: [QuotationEntry]
        public var b: [QuotationEntry]
        enum CodingKeys: String, CodingKey { case id, quoteClass = "class", wording, side, a, b }
    }

    public struct QuotationEntry: Codable, Sendable, Equatable {
        public var id: Int
        public var start: Int
        public var end: Int
        public var segments: [Segment]
        public var text: String
        /// "a12": the sentences it stands in.
        public var sentences: [String]
        public var speaker: String?
    }

    public struct Segment: Codable, Sendable, Equatable {
        public var start: Int
        public var end: Int
    }

    public init(_ ledger: QuoteLedger, includeVerbatim: Bool = true) {
        var counts: [String: Int] = [:]
        for quoteClass in QuoteClass.allCases { counts[quoteClass.rawValue] = ledger.count(quoteClass) }
        self.counts = counts
        func entries(_ side: Side, _ ids: [Int]) -> [QuotationEntry] {
            ids.map { id in
                let q = ledger.quotations(side)[id]
                return QuotationEntry(id: q.id, start: q.span.start, end: q.span.end, segments: q.segments.map { Segment(start: $0.start, end: $0.end) },
                                      text: q.text, sentences: q.sentences.map { "\(side.rawValue)\($0)" }, speaker: q.speakerName)
            }
        }
        quotes = ledger.matches.filter { includeVerbatim || $0.quoteClass != .verbatim }.map { match in
            Entry(id: match.id, quoteClass: match.quoteClass, wording: match.wording, side: match.side, a: entries(.a, match.a), b: entries(.b, match.b))
        }
    }
}
