import ArgumentParser
import Foundation
import StoryCore

/// `storydiff A B`: the comparison.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two stories (the default command).",
        discussion: "Use - for standard input. The report goes to standard output."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The first version (left, side A).")
    var first: String?

    @Argument(help: "The second version (right, side B).")
    var second: String?

    @Flag(help: "Compare the bundled sample pair (an original report and its syndicated rewrite).")
    var demo = false

    @Option(help: "Report format: text or json. Without it, a terminal gets the reader and anything else the text report.")
    var format: Format?

    @OptionGroup(title: "Reader")
    var reader: ReaderOptions

    func run() throws {
        if reader.listThemes {
            writeOutput(reader.listing())
            return
        }
        let (a, b) = try loadPair(first, second, demo: demo)
        let comparison = Comparer.compare(a, b)
        if let format {
            switch format {
            case .text: writeOutput(TextReport.render(comparison))
            case .json: writeOutput(try encodeJSON(ComparisonDocument(comparison, generator: "storydiff \(StoryDiff.version)")))
            }
        } else if reader.screen != nil || isatty(1) != 0 {
            try reader.run(comparison)
        } else {
            writeOutput(TextReport.render(comparison))
        }
        if !comparison.isIdentical { throw ExitCode(1) }
    }
}

func encodeJSON<T: Encodable>(_ value: T, pretty: Bool = true) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
}
