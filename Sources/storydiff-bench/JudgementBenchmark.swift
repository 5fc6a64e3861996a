import Foundation
import StoryCore

/// `storydiff-bench judged [FILE] [--pairs DIR] [--verbose]`: the facts ledger and the quote check
/// against a hand judgement of real pairs (`Benchmarks/wikinews-judgement.json`, pairs from
/// `../shared/eval/wikinews-revisions`). Reports facts precision (reported differences that are
/// true) and recall (true differences reported), quote class accuracy and speaker accuracy.
enum JudgementBenchmark {
    struct Judgement: Decodable {
        var pairs: [Pair]
    }

    struct Pair: Decodable {
        var id: String
        var facts: [JudgedFact]?
        var optional: [JudgedFact]?
        var quotes: [JudgedQuote]?
        var quotesNotJudged: String?
        var set: String?
    }

    struct Tally {
        var pairs = 0, reported = 0, reportedRight = 0, judged = 0, judgedFound = 0
        var quotes = 0, classesRight = 0, speakersRight = 0, unjudgedQuotations = 0
    }

    struct JudgedFact: Decodable {
        var a: String?
        var b: String?
        var kind: String?

        func forms(_ side: Side) -> [String] {
            (side == .a ? a : b).map { $0.split(separator: "|").map { normalised(String($0)) } } ?? []
        }
        var description: String {
            [a.map { "A “\($0)”" }, b.map { "B “\($0)”" }].compactMap { $0 }.joined(separator: " / ") + (kind.map { " (\($0))" } ?? "")
        }
    }

    struct JudgedQuote: Decodable {
        var words: String
        var side: String?
        var nth: Int?
        var `class`: String
        var speaker: String
    }

    /// A difference as the ledger reports it: one fact only one version states, or a change
    /// (the two halves together).
    struct Reported {
        var kind: FactKind
        var a: [String]
        var b: [String]
        var shown: String

        func forms(_ side: Side) -> [String] { side == .a ? a : b }
    }

    static func normalised(_ text: String) -> String {
        var folded = text.lowercased()
            .replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2018}", with: "'")
            .replacingOccurrences(of: "\u{201C}", with: "\"").replacingOccurrences(of: "\u{201D}", with: "\"")
        folded = folded.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        while let last = folded.last, ".,;:".contains(last) { folded.removeLast() }
        if folded.hasPrefix("the ") { folded.removeFirst(4) }
        return folded
    }

    static func reported(_ ledger: FactLedger) -> [Reported] {
        var items: [Reported] = []
        func forms(_ fact: Fact, _ side: Side) -> [String] {
            Array(Set([normalised(fact.label)] + fact.mentions(side).map { normalised($0.text) }))
        }
        for fact in ledger.facts {
            switch fact.status {
            case .both: continue
            case .onlyA: items.append(Reported(kind: fact.kind, a: forms(fact, .a), b: [], shown: "only A \(fact.kind.rawValue) “\(fact.label)”"))
            case .onlyB: items.append(Reported(kind: fact.kind, a: [], b: forms(fact, .b), shown: "only B \(fact.kind.rawValue) “\(fact.label)”"))
            case .changed:
                // One item per change, from its A half.
                guard !fact.a.isEmpty, let partner = fact.changedWith, ledger.facts.indices.contains(partner) else { continue }
                let other = ledger.facts[partner]
                items.append(Reported(kind: fact.kind, a: forms(fact, .a), b: forms(other, .b),
                                      shown: "changed \(fact.kind.rawValue) “\(fact.label)” → “\(other.label)”"))
            }
        }
        return items
    }

    static func kindAgrees(_ reported: FactKind, _ judged: String?) -> Bool {
        guard let judged else { return true }
        if reported.rawValue == judged { return true }
        // "name" commits to no kind: not wrong for a person, a place or an organisation.
        return reported == .name && ["person", "place", "organisation"].contains(judged)
    }

    /// Whether a report's half on one side is a judged difference on that side.
    static func matches(_ item: Reported, _ side: Side, _ judged: JudgedFact) -> Bool {
        let forms = judged.forms(side)
        return !forms.isEmpty && kindAgrees(item.kind, judged.kind) && item.forms(side).contains { forms.contains($0) }
    }

    static func speakerAgrees(_ reported: String?, _ judged: String) -> Bool {
        let alternatives = judged.split(separator: "|").map { normalised(String($0)) }
        guard let reported else { return alternatives.contains("none") }
        let name = normalised(reported)
        return alternatives.contains { alternative in
            // The full form, or its last words (a surname for a full name).
            alternative != "none" && (alternative == name || alternative.hasSuffix(" " + name))
        }
    }

    static func run(path: String, pairs directory: String, verbose: Bool) -> Int32 {
        guard let data = FileManager.default.contents(atPath: path),
              let judgement = try? JSONDecoder().decode(Judgement.self, from: data) else {
            FileHandle.standardError.write(Data("storydiff-bench: cannot read a judgement from \(path)\n".utf8))
            return 2
        }
        var tallies: [String: Tally] = [:]
        for pair in judgement.pairs {
            var tally = Tally()
            defer { tallies[pair.set ?? "tuning", default: Tally()].add(tally) }
            let folder = directory + "/" + pair.id
            guard let a = try? StoryReader.read(path: folder + "/before.txt"), let b = try? StoryReader.read(path: folder + "/after.txt") else {
                FileHandle.standardError.write(Data("storydiff-bench: cannot read the pair \(folder)\n".utf8))
                return 2
            }
            tally.pairs += 1
            let ledgers = Ledgers(Comparer.compare(a, b))
            var notes: [String] = []
            let required = pair.facts ?? [], optional = pair.optional ?? []
            let items = reported(ledgers.facts)
            var covered = Array(repeating: Set<Side>(), count: required.count)
            for item in items {
                var right = true
                for side in [Side.a, .b] where !item.forms(side).isEmpty {
                    let requiredHits = required.indices.filter { matches(item, side, required[$0]) }
                    for index in requiredHits { covered[index].insert(side) }
                    if requiredHits.isEmpty && !optional.contains(where: { matches(item, side, $0) }) { right = false }
                }
                tally.reported += 1
                if right { tally.reportedRight += 1 } else { notes.append("  wrong   \(item.shown)") }
            }
            for (index, judged) in required.enumerated() {
                tally.judged += 1
                let sides = Set([Side.a, .b].filter { !judged.forms($0).isEmpty })
                if sides.isSubset(of: covered[index]) { tally.judgedFound += 1 } else { notes.append("  missed  \(judged.description)") }
            }

            if pair.quotesNotJudged == nil {
                var located = Set<String>()
                for quote in pair.quotes ?? [] {
                    tally.quotes += 1
                    let words = normalised(quote.words)
                    let sides: [Side] = quote.side == "b" ? [.b] : quote.side == "a" ? [.a] : [.a, .b]
                    var found: (Side, Quotation)?
                    for side in sides {
                        let hits = ledgers.quotes.quotations(side).filter { normalised($0.text).contains(words) }
                        let nth = (quote.nth ?? 1) - 1
                        if hits.indices.contains(nth) { found = (side, hits[nth]); break }
                    }
                    guard let (side, quotation) = found else {
                        notes.append("  quote   “\(quote.words)” not found as a quotation")
                        continue
                    }
                    let match = ledgers.quotes.match(side, quotation: quotation.id)
                    for id in match.a { located.insert("a\(id)") }
                    for id in match.b { located.insert("b\(id)") }
                    if quote.class.split(separator: "|").contains(Substring(match.quoteClass.rawValue)) { tally.classesRight += 1 } else {
                        notes.append("  class   “\(quote.words)”: \(match.quoteClass.rawValue), judged \(quote.class)")
                    }
                    let quotationsA = ledgers.quotes.quotations(.a), quotationsB = ledgers.quotes.quotations(.b)
                    let names = match.a.filter { quotationsA.indices.contains($0) }.map { quotationsA[$0].speakerName }
                        + match.b.filter { quotationsB.indices.contains($0) }.map { quotationsB[$0].speakerName }
                    if names.allSatisfy({ speakerAgrees($0, quote.speaker) }) { tally.speakersRight += 1 } else {
                        notes.append("  speaker “\(quote.words)”: \(names.map { $0 ?? "none" }.joined(separator: " / ")), judged \(quote.speaker)")
                    }
                }
                for side in [Side.a, .b] {
                    for quotation in ledgers.quotes.quotations(side) where !located.contains("\(side == .a ? "a" : "b")\(quotation.id)") {
                        tally.unjudgedQuotations += 1
                        notes.append("  extra   quotation \(side == .a ? "A" : "B") “\(quotation.text.prefix(50))”")
                    }
                }
            }
            if verbose && !notes.isEmpty { print(pair.id); notes.forEach { print($0) } }
        }
        func share(_ part: Int, _ whole: Int) -> String { whole == 0 ? "–" : String(format: "%.1f%%", 100 * Double(part) / Double(whole)) }
        var all = Tally()
        for tally in tallies.values { all.add(tally) }
        print("hand-judged pairs from \(path)")
        for (name, tally) in tallies.sorted(by: { $0.key > $1.key }) + [("all", all)] {
            print("\(name) (\(tally.pairs) pairs)")
            print("  facts:  precision \(share(tally.reportedRight, tally.reported)) (\(tally.reportedRight) of \(tally.reported) reported differences true), "
                  + "recall \(share(tally.judgedFound, tally.judged)) (\(tally.judgedFound) of \(tally.judged) true differences reported)")
            print("  quotes: classes \(share(tally.classesRight, tally.quotes)), speakers \(share(tally.speakersRight, tally.quotes)) "
                  + "(\(tally.quotes) judged quotations; \(tally.unjudgedQuotations) found that the judgement does not list)")
        }
        return 0
    }
}

extension JudgementBenchmark.Tally {
    mutating func add(_ other: Self) {
        pairs += other.pairs; reported += other.reported; reportedRight += other.reportedRight
        judged += other.judged; judgedFound += other.judgedFound; quotes += other.quotes
        classesRight += other.classesRight; speakersRight += other.speakersRight; unjudgedQuotations += other.unjudgedQuotations
    }
}
