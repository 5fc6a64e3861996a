/// `storydiff facts` and `storydiff quotes` for one base and many copies: the base's facts and
/// quotations that some copy lacks or changed, then each copy's own ledger.
public enum CollationLedgerReports {
    /// The JSON of `storydiff facts BASE COPY1 COPY2 …`.
    public struct FactsCollationDocument: Codable, Sendable, Equatable {
        public var version: Int
        public var base: String
        /// The base's facts that some copy lacks or changed, in the base's order.
        public var baseFacts: [BaseLedgerFates.FactFate]
        /// Each copy's ledger against the base, exactly as `storydiff facts BASE COPYk` gives it.
        public var copies: [CopyFacts]
    }

    public struct CopyFacts: Codable, Sendable, Equatable {
        public var copy: Int
        public var name: String
        public var facts: FactsDocument
    }

    /// The JSON of `storydiff quotes BASE COPY1 COPY2 …`.
    public struct QuotesCollationDocument: Codable, Sendable, Equatable {
        public var version: Int
        public var base: String
        /// The base's quotations that some copy did not keep verbatim, in the base's order.
        public var baseQuotes: [BaseLedgerFates.QuoteFate]
        public var copies: [CopyQuotes]
    }

    public struct CopyQuotes: Codable, Sendable, Equatable {
        public var copy: Int
        public var name: String
        public var quotes: QuotesDocument
    }

    public static func factsDocument(_ collation: Collation, includeShared: Bool) -> FactsCollationDocument {
        FactsCollationDocument(
            version: ComparisonDocument.currentVersion, base: collation.base.name, baseFacts: BaseLedgerFates(collation).facts,
            copies: collation.ledgers.indices.map {
                CopyFacts(copy: $0 + 1, name: collation.comparisons[$0].b.name, facts: FactsDocument(collation.ledgers[$0].facts, includeShared: includeShared))
            })
    }

    public static func quotesDocument(_ collation: Collation, includeVerbatim: Bool) -> QuotesCollationDocument {
        QuotesCollationDocument(
            version: ComparisonDocument.currentVersion, base: collation.base.name, baseQuotes: BaseLedgerFates(collation).quotes,
            copies: collation.ledgers.indices.map {
                CopyQuotes(copy: $0 + 1, name: collation.comparisons[$0].b.name, quotes: QuotesDocument(collation.ledgers[$0].quotes, includeVerbatim: includeVerbatim))
            })
    }

    static func copyNumbers(_ copies: [Int]) -> String { copies.map(String.init).joined(separator: ", ") }

    /// The text of `storydiff facts BASE COPY1 COPY2 …`.
    public static func factsText(_ collation: Collation, includeShared: Bool) -> String {
        let fates = BaseLedgerFates(collation).facts
        var out = "Base facts that some copy lacks or changed: \(fates.count) (base \(SafeText.sanitize(collation.base.name)), \(collation.copyCount) copies)\n"
        for fate in fates {
            let places = fate.sentences.map { "A" + String(Int($0.dropFirst()).map { $0 + 1 } ?? 0) }.joined(separator: " ")
            var parts: [String] = []
            if !fate.lacking.isEmpty { parts.append("lacking in copy " + copyNumbers(fate.lacking)) }
            for change in fate.changed { parts.append("copy \(change.copy) has \(SafeText.sanitize(change.to))") }
            out += "  \(fate.kind.rawValue.padding(12)) \(SafeText.sanitize(fate.label)) (\(places)): \(parts.joined(separator: " · "))\n"
        }
        for index in collation.ledgers.indices {
            out += "\n── copy \(index + 1) of \(collation.copyCount): \(SafeText.sanitize(collation.comparisons[index].b.name)) (A = base, B = the copy)\n"
            out += LedgerText.facts(collation.ledgers[index].facts, includeShared: includeShared)
        }
        return out
    }

    /// The text of `storydiff quotes BASE COPY1 COPY2 …`.
    public static func quotesText(_ collation: Collation, includeVerbatim: Bool) -> String {
        let fates = BaseLedgerFates(collation).quotes
        var out = "Base quotations that some copy did not keep verbatim: \(fates.count) (base \(SafeText.sanitize(collation.base.name)), \(collation.copyCount) copies)\n"
        for fate in fates {
            let places = fate.sentences.map { "A" + String(Int($0.dropFirst()).map { $0 + 1 } ?? 0) }.joined(separator: " ")
            let classes = QuoteClass.allCases.compactMap { quoteClass in
                fate.copies[quoteClass.rawValue].map { "\(quoteClass.label) in copy \(copyNumbers($0))" }
            }
            out += "  “\(SafeText.sanitize(fate.text))”\(fate.speaker.map { " — " + SafeText.sanitize($0) } ?? "") (\(places))\n     \(classes.joined(separator: " · "))\n"
        }
        for index in collation.ledgers.indices {
            out += "\n── copy \(index + 1) of \(collation.copyCount): \(SafeText.sanitize(collation.comparisons[index].b.name)) (A = base, B = the copy)\n"
            out += LedgerText.quotes(collation.ledgers[index].quotes, includeVerbatim: includeVerbatim)
        }
        return out
    }
}
