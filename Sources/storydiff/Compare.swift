import ArgumentParser
import Foundation
import StoryCore
import StoryFetch
import StoryUI

/// `storydiff A B`: the comparison.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two stories (the default command).",
        discussion: "Use - for standard input. The report goes to standard output."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, html, md
        var report: ReportFormat { ReportFormat(rawValue: rawValue) ?? .text }
    }

    enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    @Argument(help: "The first version (left, side A): a file, - for standard input, a saved web page, or an http(s) URL.", completion: .file())
    var first: String?

    @Argument(help: "The second version (right, side B).", completion: .file())
    var second: String?

    @Argument(help: ArgumentHelp("More versions: with three or more stories the first is the base (the original) and every other is a copy compared with it, as 'storydiff BASE COPY' would.", valueName: "more"), completion: .file())
    var more: [String] = []

    @Flag(help: "Compare the bundled sample pair (an original report and its syndicated rewrite).")
    var demo = false

    @Option(help: "Report format: text, json, html or md. Without it: the format of --output's extension; else the reader on a terminal, the text report elsewhere.")
    var format: Format?

    @Option(name: [.short, .long], help: ArgumentHelp("Write the report to this file (atomically); the format comes from its extension: .html .md .json .txt.", valueName: "path"))
    var output: String?

    @Option(name: .customLong("color"), help: "ANSI colour in the text report: auto (only on a terminal, not with NO_COLOR), always, never.")
    var colorOption: ColorChoice?

    @Flag(name: .customLong("only-differences"), inversion: .prefixedNo, help: "Reports leave out rows whose sentences are all identical; the reader opens that way (as f).")
    var onlyDifferencesOption: Bool?

    @OptionGroup(title: "Reader")
    var reader: ReaderOptions

    @OptionGroup(title: "Pages named by URL")
    var fetch: FetchOptions

    @Option(help: "Threads, 1 or more (default: the number of cores): the two stories read at once, the candidate sentences scored in parallel runs; with many versions, comparisons made at once. The result is the same for any number.")
    var jobs: Int?

    @OptionGroup(title: "Configuration")
    var settings: ConfigOptions

    @Flag(help: "Show the settings in force (options, configuration file, defaults) and where each came from, then exit.")
    var printConfig = false

    /// --color, else the configuration file's, else auto.
    var color: ColorChoice { colorOption ?? UserConfig.current.color.flatMap(ColorChoice.init(rawValue:)) ?? .auto }
    /// --only-differences / --no-only-differences, else the configuration file's, else off.
    var onlyDifferences: Bool { onlyDifferencesOption ?? UserConfig.current.onlyDifferences ?? false }

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs takes a number of comparisons at once, 1 or more (got \(jobs))") }
        if demo && second != nil { throw ValidationError("--demo compares the bundled pair: leave out the stories, or --demo") }
    }

    /// The report's options, and whether its text is coloured: only text written to a terminal
    /// (not to --output), unless --color says always or never.
    func reportSettings(_ format: ReportFormat) -> (options: ReportOptions, colored: Bool) {
        let colored = format == .text && output == nil && (color == .always || (color == .auto && isatty(1) != 0 && !reader.noColor))
        return (reader.reportOptions(for: format, onlyDifferences: onlyDifferences, forceColor: color == .always), colored)
    }

    /// The format asked for, or nil for the reader.
    func chosenFormat() throws -> ReportFormat? {
        if let format { return format.report }
        if let output {
            guard let fromPath = ReportFormat(path: output) else {
                throw ValidationError("cannot tell the format of \(output) from its extension (.html .md .json .txt): add --format")
            }
            return fromPath
        }
        if reader.screen != nil || isatty(1) != 0 { return nil }
        // Not a terminal: the configuration file's format, else text.
        return UserConfig.current.format.flatMap(ReportFormat.init(rawValue:)) ?? .text
    }

    func run() throws {
        let config = settings.load()
        if printConfig {
            var report = SettingsReport(config: config, ignored: settings.noConfig)
            report.add("theme", commandLine: reader.theme, fallback: ThemeLoader.defaultName)
            report.add("layout", commandLine: reader.layout?.rawValue, fallback: "auto")
            report.add("word-emphasis", commandLine: reader.wordEmphasis.map { "\($0)" }, fallback: "true")
            report.add("only-differences", commandLine: onlyDifferencesOption.map { "\($0)" }, fallback: "false")
            report.add("color", commandLine: colorOption?.rawValue, fallback: "auto")
            report.add("format", commandLine: format?.rawValue, fallback: "text (the reader on a terminal)")
            report.add("fetch-timeout", commandLine: fetch.timeout.map(ConfigFile.seconds), fallback: ConfigFile.seconds(FetchOptions.defaultTimeout))
            report.add("user-agent", commandLine: fetch.userAgent, fallback: Fetcher.defaultUserAgent)
            writeOutput(report.text)
            return
        }
        if reader.listThemes {
            writeOutput(reader.listing())
            return
        }
        if let first, let second, let git = GitExternalDiff([first, second] + more) {
            // Always the text report (git's pager shows it), and status 0.
            git.run { comparison in
                let chosen: ReportFormat = format?.report ?? .text
                let (options, colored) = reportSettings(chosen)
                let output = standardOutput()
                try ReportRenderer.write(comparison, format: chosen, options: options, color: colored, to: output)
                output.flush()
            }
            return
        }
        if !more.isEmpty, let first, let second { return try runVersions([first, second] + more) }
        let chosen = try chosenFormat()
        let width = jobs ?? ParallelWork.cores
        guard let chosen else {
            // The reader: a long comparison shows "comparing… NN%" on the terminal meanwhile.
            // Reading too: a long story's reading shows "reading the stories…".
            let (first, second, demo, options) = (first, second, demo, fetch.fetcher)
            let load: @Sendable () throws -> (Story, Story) = { try loadPair(first, second, demo: demo, options: options, jobs: width) }
            if try !reader.run(comparing: load, jobs: width, inputs: [first, second].compactMap { $0 }, onlyDifferences: onlyDifferences) {
                throw ExitCode(1)
            }
            return
        }
        // A report: a progress line on stderr when it is a terminal and the work is long.
        let meter = ProgressMeter()
        let progress = ProgressLine.start { meter.line }
        defer { progress?.finish() }
        let (a, b) = try loadPair(first, second, demo: demo, fetch: fetch, jobs: width)
        // The stories' facts are found beside the comparison.
        let (comparison, ledgers) = Ledgers.comparing(a, b, jobs: width, progress: meter)
        meter.stage("writing the report", at: 1)
        // A report written to the terminal itself must not share its lines with the progress.
        if output == nil && isatty(1) != 0 { progress?.finish() }
        do {
            let (options, colored) = reportSettings(chosen)
            // Written as it is made: a long document's report never stands whole in memory.
            if let output {
                try AtomicFile.write(to: output, protecting: [first, second].compactMap { $0 }) { file in
                    try ReportRenderer.write(comparison, ledgers: ledgers, format: chosen, options: options, color: colored, to: file)
                }
            } else {
                try ReportRenderer.write(comparison, ledgers: ledgers, format: chosen, options: options, color: colored, to: standardOutput())
            }
        }
        progress?.finish()
        if !comparison.isIdentical { throw ExitCode(1) }
    }
}

extension Compare {
    /// `storydiff BASE COPY1 COPY2 …`: every copy compared with the base, on all cores.
    func runVersions(_ paths: [String]) throws {
        let chosen = try chosenFormat()
        let width = jobs ?? ParallelWork.cores
        let (base, copies) = try loadVersions(paths, fetch: fetch, jobs: width)
        guard let chosen else {
            // The reader: on a terminal it opens before every copy is compared.
            if try !reader.runVersions(base: base, copies: copies, jobs: width, inputs: paths, onlyDifferences: onlyDifferences) { throw ExitCode(1) }
            return
        }
        let meter = ProgressMeter()
        let progress = ProgressLine.start { meter.line }
        defer { progress?.finish() }
        let collation = Collation(base: base, copies: copies, jobs: width, progress: meter)
        meter.stage("facts, quotes and the report", at: 1)
        // A report written to the terminal itself must not share its lines with the progress.
        if output == nil && isatty(1) != 0 { progress?.finish() }
        do {
            let (options, colored) = reportSettings(chosen)
            if let output {
                try AtomicFile.write(to: output, protecting: paths) { file in
                    try CollationReport.write(collation, format: chosen, options: options, color: colored, to: file)
                }
            } else {
                try CollationReport.write(collation, format: chosen, options: options, color: colored, to: standardOutput())
            }
        }
        if !collation.isIdentical { throw ExitCode(1) }
    }
}
