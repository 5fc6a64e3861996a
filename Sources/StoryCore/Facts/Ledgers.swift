import Dispatch
import Synchronization

/// The facts ledger and the quotes of one comparison, made together (quote speakers are names
/// of the facts ledger).
public struct Ledgers: Sendable {
    public var facts: FactLedger
    public var quotes: QuoteLedger

    public init(_ comparison: Comparison, extracted: FactLedger.Extraction? = nil) {
        facts = FactLedger(comparison, extracted: extracted)
        quotes = QuoteLedger(comparison, facts: facts)
    }

    /// The comparison and its facts and quotes, the stories' facts found on another thread
    /// while the sentences are aligned (the same result as comparing, then `Ledgers(comparison)`).
    public static func comparing(_ a: Story, _ b: Story, jobs: Int = ParallelWork.cores,
                                 progress: ProgressMeter? = nil) -> (comparison: Comparison, ledgers: Ledgers) {
        guard jobs > 1 else {
            let comparison = Comparer.compare(a, b, jobs: 1, progress: progress)
            return (comparison, Ledgers(comparison))
        }
        let extraction = Mutex<FactLedger.Extraction?>(nil)
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            let found = FactLedger.Extraction(a, b, jobs: 1)
            extraction.withLock { $0 = found }
        }
        let comparison = Comparer.compare(a, b, jobs: jobs, progress: progress)
        group.wait()
        return (comparison, Ledgers(comparison, extracted: extraction.withLock { $0 }))
    }

    /// Whether a sentence deserves a reader's look beyond its class: it states a fact the other
    /// version lacks or changed, or holds a quotation that was not kept verbatim.
    public func isFlagged(_ side: Side, sentence: Int) -> Bool {
        facts.facts(side, sentence: sentence).contains { $0.status != .both }
            || quotes.quotations(side, sentence: sentence).contains { quotes.match(side, quotation: $0.id).isFlagged }
    }

    /// One line on why a sentence is flagged, for the reader's status line.
    public func note(_ side: Side, sentence: Int) -> String? {
        var parts: [String] = []
        for fact in facts.facts(side, sentence: sentence) where fact.status != .both {
            let mention = fact.mentions(side).first { $0.sentence == sentence }?.text ?? fact.label
            if fact.status == .changed, let partner = fact.changedWith, let other = facts.facts[partner].mentions(side.other).first {
                parts.append("\(mention) ↔ \(other.text)")
            } else {
                parts.append("only here: \(mention)")
            }
        }
        for quotation in quotes.quotations(side, sentence: sentence) {
            let match = quotes.match(side, quotation: quotation.id)
            if match.isFlagged { parts.append("quote " + LedgerText.heading(match)) }
        }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }
}
