import ArgumentParser
import StoryCore

/// The two stories and the output format of `storydiff facts` and `storydiff quotes`.
struct LedgerPairArguments: ParsableArguments {
    @Argument(help: "The first version (side A): a file, - for standard input, or an http(s) URL.", completion: .file())
    var first: String?

    @Argument(help: "The second version (side B).", completion: .file())
    var second: String?

    @Argument(help: ArgumentHelp("More versions: the first story is then the base, and each copy's ledger is against it; the base's facts or quotations some copy lacks or changed come first.", valueName: "more"), completion: .file())
    var more: [String] = []

    /// Three or more stories read and compared (nil: two, or --demo).
    func collation() throws -> Collation? {
        guard !more.isEmpty, let first, let second else { return nil }
        let (base, copies) = try loadVersions([first, second] + more, fetch: fetch, jobs: ParallelWork.cores)
        return Collation(base: base, copies: copies)
    }

    @Flag(help: "Use the bundled sample pair.")
    var demo = false

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @OptionGroup(title: "Pages named by URL")
    var fetch: FetchOptions

    @OptionGroup(title: "Configuration")
    var settings: ConfigOptions
}

/// `storydiff facts A B`: the facts ledger on its own.
struct Facts: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the dates, numbers, amounts and names of both stories: in both, only in one, or changed in a matched sentence."
    )

    @OptionGroup var pair: LedgerPairArguments

    @Flag(help: "Only the differences: leave out facts both versions state.")
    var onlyDifferences = false

    func run() throws {
        pair.settings.load()
        if let collation = try pair.collation() {
            switch pair.format {
            case .text: writeOutput(CollationLedgerReports.factsText(collation, includeShared: !onlyDifferences))
            case .json: writeOutput(try jsonText(CollationLedgerReports.factsDocument(collation, includeShared: !onlyDifferences)))
            }
            return
        }
        let (a, b) = try loadPair(pair.first, pair.second, demo: pair.demo, fetch: pair.fetch)
        let ledgers = Ledgers.comparing(a, b).ledgers
        let ledger = ledgers.facts
        switch pair.format {
        case .text: writeOutput(LedgerText.facts(ledger, includeShared: !onlyDifferences))
        case .json: writeOutput(try jsonText(FactsDocument(ledger, includeShared: !onlyDifferences)))
        }
    }
}

/// `storydiff quotes A B`: the quotations of both versions, matched and classed.
struct Quotes: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the quotations of both stories: verbatim, altered, expanded, newly quoted, missing, or speaker changed."
    )

    @OptionGroup var pair: LedgerPairArguments

    @Flag(help: "Only the differences: leave out quotations kept verbatim.")
    var onlyDifferences = false

    func run() throws {
        pair.settings.load()
        if let collation = try pair.collation() {
            switch pair.format {
            case .text: writeOutput(CollationLedgerReports.quotesText(collation, includeVerbatim: !onlyDifferences))
            case .json: writeOutput(try jsonText(CollationLedgerReports.quotesDocument(collation, includeVerbatim: !onlyDifferences)))
            }
            return
        }
        let (a, b) = try loadPair(pair.first, pair.second, demo: pair.demo, fetch: pair.fetch)
        let ledgers = Ledgers.comparing(a, b).ledgers
        let ledger = ledgers.quotes
        switch pair.format {
        case .text: writeOutput(LedgerText.quotes(ledger, includeVerbatim: !onlyDifferences))
        case .json: writeOutput(try jsonText(QuotesDocument(ledger, includeVerbatim: !onlyDifferences)))
        }
    }
}
