import ArgumentParser
import Foundation
import CSignalGuard
import StoryCore
import StoryTerminal
import StoryUI

/// Options of the interactive reader, shared by `storydiff A B` and `--demo`.
struct ReaderOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Colour theme: a name (see --list-themes) or a .toml file.", valueName: "name"),
            completion: .custom { _, _, _ in ThemeLoader.all().map(\.name) })
    var theme: String?

    @Flag(help: "List the themes and where each was found, then exit.")
    var listThemes = false

    enum LayoutOption: String, ExpressibleByArgument, CaseIterable {
        case auto, sideBySide = "side-by-side", stacked
        var choice: Reader.LayoutChoice { ConfigFile.layout(named: rawValue) ?? .automatic }
    }

    @Option(help: ArgumentHelp("The reader's layout: auto (side by side when the panes fit), side-by-side, or stacked (L switches).", valueName: "layout"))
    var layout: LayoutOption?

    @Flag(inversion: .prefixedNo, help: "Word-level emphasis inside matched sentences in the reader (w switches; on unless the configuration file says otherwise).")
    var wordEmphasis: Bool?

    @Option(help: ArgumentHelp("Headless: render the reader at this size (e.g. 100x30) and print the screen as text.", valueName: "WxH"))
    var screen: String?

    @Option(help: ArgumentHelp("Headless: keys to play before printing the screen, e.g. \"} } u\" or \"/Kursk <Enter> n\".", valueName: "keys"))
    var keys: String?

    @Flag(help: "Draw marks, frames and punctuation in ASCII (the default when LC_ALL, LC_CTYPE or LANG names a character set other than UTF-8).")
    var ascii = false

    /// Whether the locale the user set names another character set than UTF-8 ("C", "en_US",
    /// "de_DE.ISO-8859-1"). An environment that sets none (CI, a bare container) is taken as
    /// UTF-8, as the terminal layer's locale fallback takes it.
    static var localeWantsASCII: Bool {
        let environment = ProcessInfo.processInfo.environment
        guard let name = [environment["LC_ALL"], environment["LC_CTYPE"], environment["LANG"]].compactMap({ $0 }).first(where: { !$0.isEmpty })
        else { return false }
        let lower = name.lowercased()
        return !(lower.contains("utf-8") || lower.contains("utf8"))
    }

    /// --theme, else the configuration file's theme.
    var chosenTheme: String? { theme ?? UserConfig.current.theme }

    func validate() throws {
        if keys != nil && screen == nil { throw ValidationError("--keys needs --screen WxH") }
        if let screen, Self.parseSize(screen) == nil { throw ValidationError("--screen takes a size such as 100x30, up to \(Key.largestScreen.width)x\(Key.largestScreen.height)") }
    }

    static func parseSize(_ text: String) -> (Int, Int)? { Key.size(text).map { ($0.width, $0.height) } }

    var noColor: Bool { !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty }

    /// The themes to cycle through, starting with the chosen one. A broken choice is reported
    /// in one line and the default is used.
    func themes() -> (themes: [Theme], problem: String?) {
        let entries = ThemeLoader.all()
        var usable = entries.compactMap { try? $0.result.get() }
        if usable.isEmpty { usable = [ThemeLoader.builtInDefault] }
        let wanted = chosenTheme ?? ThemeLoader.defaultName
        var problem: String?
        var chosen: Theme?
        if wanted.hasSuffix(".toml") || wanted.contains("/") {
            let name = URL(fileURLWithPath: wanted).deletingPathExtension().lastPathComponent
            switch ThemeLoader.load(path: wanted, fallbackName: name) {
            case .success(let theme): chosen = theme; usable.removeAll { $0.name == theme.name }
            case .failure(let error): problem = "theme \(error); using the default theme"
            }
        } else if let entry = entries.first(where: { $0.name == wanted }) {
            switch entry.result {
            case .success(let theme): chosen = theme
            case .failure(let error): problem = "theme \(error); using the default theme"
            }
        } else {
            problem = "no theme named \(wanted) (see --list-themes); using the default theme"
        }
        let first = chosen ?? usable.first { $0.name == ThemeLoader.defaultName } ?? usable[0]
        return ([first] + usable.filter { $0.name != first.name }, problem)
    }

    /// Options for a report: the chosen theme's looks (HTML defaults to the light theme, a page
    /// being a document that gets printed), today's date, the filter.
    func reportOptions(for format: ReportFormat, onlyDifferences: Bool, forceColor: Bool = false) -> ReportOptions {
        // An explicit --color always outranks NO_COLOR (no-color.org).
        Self.reportOptions(for: format, onlyDifferences: onlyDifferences, theme: chosenTheme == nil ? nil : themes().themes.first, noColor: noColor && !forceColor)
    }

    static func reportOptions(for format: ReportFormat, onlyDifferences: Bool, theme chosen: Theme?, noColor: Bool) -> ReportOptions {
        let theme = chosen ?? ThemeLoader.named(format == .html ? "light" : ThemeLoader.defaultName)
        let palette = noColor ? ReportPalette.plain : (theme?.reportPalette ?? .plain)
        return ReportOptions(hideIdentical: onlyDifferences, generator: "storydiff \(StoryDiff.version)", date: ReportOptions.madeNow(), palette: palette)
    }

    /// What the reader's `e` does: writes the comparison, with the reader's filter and theme.
    func exporter(_ comparison: Comparison, inputs: [String]) -> Reader.Exporter {
        reportExporter(inputs: inputs) { format, options, file in
            try ReportRenderer.write(comparison, format: format, options: options, to: file)
            return "wrote \(format.rawValue) report to"
        }
    }

    /// An exporter that writes a report, in the format of the path's extension, atomically;
    /// `write` writes it and says what it wrote ("wrote html report to"), or throws why not.
    private func reportExporter(inputs: [String], write: @escaping @Sendable (ReportFormat, ReportOptions, ReportOutput) throws -> String) -> Reader.Exporter {
        let noColor = self.noColor
        return { path, hideIdentical, theme in
            guard let format = ReportFormat(path: path) else { return "cannot tell the format of \(path): use .html .md .json or .txt" }
            do {
                let options = Self.reportOptions(for: format, onlyDifferences: hideIdentical, theme: theme, noColor: noColor)
                var done = ""
                try AtomicFile.write(to: path, protecting: inputs) { done = try write(format, options, $0) }
                return "\(done) \(path)"
            } catch {
                return "\(error)"
            }
        }
    }

    /// `--list-themes`: name, where it was found, and a description or the error.
    func listing() -> String {
        let entries = ThemeLoader.all()
        let nameWidth = entries.map(\.name.count).max() ?? 4
        return entries.map { entry in
            let name = entry.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
            switch entry.result {
            case .success(let theme): return "\(name)  \(entry.source)  \(theme.description)"
            case .failure(let error): return "\(name)  \(entry.source)  BROKEN: \(error.message)"
            }
        }.joined(separator: "\n") + "\n"
    }

    /// Runs the reader on a terminal, or headless when --screen is given. Returns when the user quits.
    /// `onlyDifferences`: open showing only differences, as f (--only-differences or the configuration file).
    func run(_ comparison: Comparison, inputs: [String] = [], onlyDifferences: Bool = false) throws {
        // A long document's facts and quotes are found on another thread, so that its first
        // screen does not wait for them; a short one's take milliseconds and come at once.
        let later = Reader.findsLedgersLater(comparison)
        try runReader(exporter: exporter(comparison, inputs: inputs), onlyDifferences: onlyDifferences,
                      pending: { later ? BackgroundWork.ledgers(of: comparison) : nil }) { themes, width, height, headless in
            Reader(comparison: comparison, themes: themes, width: width, height: height, ledgers: headless || !later ? .now : .later)
        }
    }

    /// The reader on two stories still to be compared: on a terminal, a comparison that takes
    /// more than half a second shows "comparing… NN% (stage)" meanwhile (Ctrl-C ends it at once,
    /// the terminal restored, status 130). Returns whether the stories are identical.
    /// `load` reads the two stories; a story that cannot be read is its error, thrown once the
    /// terminal is restored (one line, exit 2, as before the reader opens).
    func run(comparing load: @escaping @Sendable () throws -> (Story, Story), jobs: Int, inputs: [String], onlyDifferences: Bool) throws -> Bool {
        guard screen == nil else {
            let (a, b) = try load()
            let comparison = Comparer.compare(a, b, jobs: jobs)
            try run(comparison, inputs: inputs, onlyDifferences: onlyDifferences)
            return comparison.isIdentical
        }
        let meter = ProgressMeter()
        let outcome = BackgroundWork<Result<Comparison, any Error>> { _ in
            Result { let (a, b) = try load(); return Comparer.compare(a, b, jobs: jobs, progress: meter) }
        }
        // Most comparisons are done long before anyone could read a progress screen.
        let clock = ContinuousClock(), start = clock.now
        while outcome.result == nil && clock.now - start < .milliseconds(Int(ProgressLine.delay * 1000)) { usleep(5_000) }
        if let result = outcome.result {
            let comparison = try result.get()
            try run(comparison, inputs: inputs, onlyDifferences: onlyDifferences)
            return comparison.isIdentical
        }
        let work = ComparisonOutcome(outcome)
        var identical = false, failure: (any Error)?
        let makeExporter = exporter
        try runReader(exporter: { path, hideIdentical, theme in
            guard let comparison = work.result else { return "still comparing" }
            return makeExporter(comparison, inputs)(path, hideIdentical, theme)
        }, onlyDifferences: onlyDifferences, pending: {
            work.result.flatMap { Reader.findsLedgersLater($0) ? BackgroundWork.ledgers(of: $0) : nil }
        }, waiting: { terminal, theme in
            terminal.setKeyTimeout(milliseconds: 100)
            while outcome.result == nil {
                var grid = ScreenGrid(width: terminal.size.width, height: terminal.size.height)
                let line = SafeText.sanitize(meter.line), hint = "Ctrl-C stops"
                _ = grid.put(line, x: max(0, (grid.width - DisplayWidth.of(line)) / 2), y: grid.height / 2, style: theme[.header], limit: grid.width)
                _ = grid.put(hint, x: max(0, (grid.width - hint.count) / 2), y: grid.height / 2 + 2, style: theme[.status], limit: grid.width)
                terminal.draw(grid)
                if case .gone = terminal.read() { return false }
            }
            if case .failure(let error) = outcome.result { failure = error; return false }
            return true
        }) { themes, width, height, _ in
            // The wait ends with a comparison: a failure ends it before the reader is made.
            let comparison = work.result ?? Comparer.compare(StoryReader.story(name: "", text: ""), StoryReader.story(name: "", text: ""))
            identical = comparison.isIdentical
            return Reader(comparison: comparison, themes: themes, width: width, height: height, ledgers: Reader.findsLedgersLater(comparison) ? .later : .now)
        }
        if let failure { throw failure }
        return identical
    }

    /// The reader on one base and many copies. Headless, every copy is compared first; on a
    /// terminal the reader opens on copy 1 and the others are compared meanwhile, on all cores.
    /// Returns whether every copy says the same as the base (when the user quits before all are
    /// compared: whether every copy's text is the base's).
    func runVersions(base: Story, copies: [Story], jobs: Int, inputs: [String], onlyDifferences: Bool = false) throws -> Bool {
        if screen != nil {
            let collation = Collation(base: base, copies: copies, jobs: jobs)
            try run(collation, inputs: inputs, onlyDifferences: onlyDifferences)
            return collation.isIdentical
        }
        let first = Comparer.compare(base, copies[0])
        let firstLedgers = Ledgers(first)
        let pending = BackgroundWork.collation(base: base, copies: copies, first: (first, firstLedgers), jobs: jobs)
        let exporter = collationExporter({ pending.result }, inputs: inputs)
        try runReader(exporter: exporter, onlyDifferences: onlyDifferences, pending: { nil }, poll: { reader in
            guard reader.copiesPending != nil else { return false }
            if let collation = pending.result { reader.install(collation); return true }
            reader.copiesCompared(pending.progress)
            return false
        }) { themes, width, height, _ in
            Reader(firstCopy: first, ledgers: firstLedgers, copies: copies.count, themes: themes, width: width, height: height)
        }
        return pending.result?.isIdentical ?? copies.allSatisfy { $0.text == base.text }
    }

    /// What `e` does with many versions: the report of the base and every copy.
    func collationExporter(_ collation: @escaping @Sendable () -> Collation?, inputs: [String]) -> Reader.Exporter {
        let export = reportExporter(inputs: inputs) { format, options, file in
            guard let collation = collation() else { return "" }
            try CollationReport.write(collation, format: format, options: options, to: file)
            return "wrote \(format.rawValue) report of the base and \(collation.copyCount) copies to"
        }
        return { path, hideIdentical, theme in
            guard collation() != nil else { return "the copies are still being compared: export when they are done" }
            return export(path, hideIdentical, theme)
        }
    }

    /// The reader on one base and many copies, every one compared already.
    func run(_ collation: Collation, inputs: [String], onlyDifferences: Bool = false) throws {
        try runReader(exporter: collationExporter({ collation }, inputs: inputs), onlyDifferences: onlyDifferences, pending: { nil }) { themes, width, height, _ in
            Reader(collation: collation, themes: themes, width: width, height: height)
        }
    }

    /// The layout, word emphasis and filter chosen on the command line, else in the configuration file.
    private func applyPreferences(to reader: inout Reader, onlyDifferences: Bool) {
        let config = UserConfig.current
        reader.applyPreferences(layout: layout?.choice ?? config.layout, wordEmphasis: wordEmphasis ?? config.wordEmphasis,
                                onlyDifferences: onlyDifferences)
    }

    /// The reader's main loop, or one headless frame after the --keys.
    /// `poll` is asked after every key and, while it has work pending, every 50 ms: it hands the
    /// reader what arrived and says whether to draw again.
    /// `waiting`, when given, is shown on the terminal before the reader is made, until it
    /// returns (false: the terminal went away, nothing more to do).
    private func runReader(exporter: @escaping Reader.Exporter, onlyDifferences: Bool, pending makePending: () -> BackgroundWork<Ledgers>?,
                           poll: ((inout Reader) -> Bool)? = nil, waiting wait: ((CursesTerminal, Theme) -> Bool)? = nil,
                           makeReader: ([Theme], Int, Int, Bool) -> Reader) throws {
        let (themes, problem) = self.themes()
        if let screen, let (width, height) = Self.parseSize(screen) {
            if let problem { writeError("storydiff: " + problem) }
            var reader = makeReader(themes, width, height, true)
            applyPreferences(to: &reader, onlyDifferences: onlyDifferences)
            reader.noColor = noColor
            reader.ascii = ascii
            reader.exporter = exporter
            reader.fileExists = { FileManager.default.fileExists(atPath: $0) }
            for key in try Key.script(keys ?? "") {
                reader.handle(key)
                if reader.quit { break }
            }
            writeOutput(reader.render().text + "\n")
            return
        }
        if let problem { writeError("storydiff: " + problem) }
        let terminal = CursesTerminal()
        try terminal.start()
        // Whatever is written to standard error meanwhile (a runtime's last words included) is
        // shown after the terminal is restored, not over the screen.
        sg_capture_stderr()
        defer {
            terminal.stop()
            sg_release_stderr()
        }
        if let wait, !wait(terminal, themes.first ?? ThemeLoader.builtInDefault) { return }
        var reader = makeReader(themes, terminal.size.width, terminal.size.height, false)
        applyPreferences(to: &reader, onlyDifferences: onlyDifferences)
        let pending = reader.ledgers == nil ? makePending() : nil
        reader.colors = terminal.colors
        reader.noColor = noColor
        if let problem { reader.show(problem) }
        reader.ascii = ascii || Self.localeWantsASCII
        reader.exporter = exporter
        reader.fileExists = { FileManager.default.fileExists(atPath: $0) }
        terminal.draw(reader.render())
        Self.crashForTesting()
        func waiting() -> Bool { (pending != nil && reader.ledgers == nil) || reader.copiesPending != nil }
        if waiting() { terminal.setKeyTimeout(milliseconds: 50) }
        while !reader.quit {
            if reader.ledgers == nil, let ledgers = pending?.result {
                reader.install(ledgers)
                terminal.draw(reader.render())
            }
            if let poll, poll(&reader) { terminal.draw(reader.render()) }
            if !waiting() { terminal.setKeyTimeout(milliseconds: nil) }
            let key: Key
            switch terminal.read() {
            case .key(let pressed): key = pressed
            case .nothing: continue
            case .gone: return   // the terminal was closed: nothing more to show or read
            }
            reader.handle(key)
            terminal.draw(reader.render())
        }
    }
}

extension ReaderOptions {
    /// For the tests of the crash-safe reader only: STORYDIFF_TEST_CRASH=trap, abort or segv
    /// makes the reader fail that way after its first frame, as a bug would.
    static func crashForTesting() {
        guard let how = ProcessInfo.processInfo.environment["STORYDIFF_TEST_CRASH"] else { return }
        switch how {
        case "trap": fatalError("STORYDIFF_TEST_CRASH=trap")
        case "abort": abort()
        case "segv": raise(SIGSEGV)
        default: return
        }
    }
}

/// A value being worked out on a thread of its own while the reader already shows the screen;
/// `progress` counts steps done for the status line.
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var found: Value?
    private var steps: Int

    init(startingAt steps: Int = 0, _ work: @escaping @Sendable (BackgroundWork<Value>) -> Value) {
        self.steps = steps
        Thread.detachNewThread { [self] in
            let value = work(self)
            lock.lock()
            found = value
            lock.unlock()
        }
    }

    /// The value, once worked out.
    var result: Value? {
        lock.lock()
        defer { lock.unlock() }
        return found
    }

    var progress: Int {
        lock.lock()
        defer { lock.unlock() }
        return steps
    }

    func step() {
        lock.lock()
        steps += 1
        lock.unlock()
    }
}

extension BackgroundWork where Value == Ledgers {
    /// Facts and quotes of one comparison.
    static func ledgers(of comparison: Comparison) -> BackgroundWork<Ledgers> {
        BackgroundWork { _ in Ledgers(comparison) }
    }
}

extension BackgroundWork where Value == Collation {
    /// The comparisons of copies 2 … n, made while the reader shows copy 1; progress counts copies
    /// compared, copy 1 included.
    static func collation(base: Story, copies: [Story], first: (Comparison, Ledgers), jobs: Int) -> BackgroundWork<Collation> {
        BackgroundWork(startingAt: 1) { work in
            let rest = ParallelWork.map(count: copies.count - 1, jobs: jobs) { index -> (Comparison, Ledgers) in
                let comparison = Comparer.compare(base, copies[index + 1], jobs: 1)
                let pair = (comparison, Ledgers(comparison))
                work.step()
                return pair
            }
            let all = [first] + rest
            return Collation(base: base, comparisons: all.map(\.0), ledgers: all.map(\.1))
        }
    }
}

/// The comparison of a background `Result`, once there is one and it succeeded.
struct ComparisonOutcome: Sendable {
    let outcome: BackgroundWork<Result<Comparison, any Error>>
    init(_ outcome: BackgroundWork<Result<Comparison, any Error>>) { self.outcome = outcome }
    var result: Comparison? {
        if case .success(let comparison) = outcome.result { return comparison }
        return nil
    }
}
