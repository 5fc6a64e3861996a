import ArgumentParser
import Synchronization
import Dispatch
import Foundation
import StoryCore

/// `storydiff batch LIST`: many pairs, one JSON summary line each, on all cores.
struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare many pairs: LIST has one 'pathA<TAB>pathB' per line (or 'base<TAB>copy1<TAB>copy2…'); one JSON line per line comes out, in order.",
        discussion: """
            Blank lines and lines starting with # are skipped. A pair that cannot be compared is reported in its own line \
            ("error") and the batch goes on. A line of three or more paths compares each copy with the first (the base) \
            and its JSON line has the overview of the copies, as 'storydiff BASE COPY1 COPY2 … --format json' does. Exit status: 0 when every pair was compared, 1 when some had errors, 2 when \
            the list itself cannot be read. The list splits cleanly at any line, so a large one can be spread over many \
            machines (see README, "Batches").
            """
    )

    @Argument(help: "The list of pairs (- for standard input).", completion: .file())
    var list: String

    @OptionGroup(title: "Pages named by URL")
    var fetch: FetchOptions

    @OptionGroup(title: "Configuration")
    var settings: ConfigOptions

    @Option(help: "Pairs compared at once, 1 or more (default: the number of cores).")
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs takes a number of pairs at once, 1 or more (got \(jobs))") }
    }

    /// One line of output.
    struct Line: Encodable {
        var line: Int
        var a: String?
        var b: String?
        /// A line of three or more paths: the base, the copies, each copy's figures.
        var base: String?
        var copies: [String]?
        var overview: [CopyOverview]?
        var identical: Bool?
        var coverage: [String: Double]?
        var groups: Int?
        var moved: Int?
        var statistics: [String: SideStatistics]?
        var titles: [String: String]?
        var error: String?
    }

    /// Results of one window of pairs, filled from several threads.
    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [Line?]
        init(count: Int) { lines = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ line: Line) { lock.lock(); lines[index] = line; lock.unlock() }
        var all: [Line] { lock.lock(); defer { lock.unlock() }; return lines.compactMap { $0 } }

        /// Hands out 0, 1, 2 … to the workers.
        final class Counter: @unchecked Sendable {
            private let lock = NSLock()
            private var value = 0
            func take(below limit: Int) -> Int? {
                lock.lock(); defer { lock.unlock() }
                guard value < limit else { return nil }
                value += 1
                return value - 1
            }
        }
    }

    func run() throws {
        settings.load()
        let name = list == "-" ? "standard input" : list
        let text = try TextDecoder.decode(try StoryReader.readBytes(path: list, name: name), name: name).text
        // Every listed line, in order; a malformed one carries its error.
        var pairs: [(line: Int, paths: [String], problem: String?)] = []
        for (number, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = raw.split(separator: "\t", omittingEmptySubsequences: false)
            if fields.count >= 2, !fields.contains(where: \.isEmpty) {
                pairs.append((number + 1, fields.map(String.init), nil))
            } else {
                pairs.append((number + 1, [String(raw)], "line \(number + 1): expected pathA<TAB>pathB (or base<TAB>copy1<TAB>copy2…)"))
            }
        }
        var failures = 0
        var output = ""
        // Windows of pairs: all cores busy, memory bounded, lines written in the list's order.
        let width = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        var start = 0
        // On a terminal: pairs done of the total, the rate and the time left, on stderr.
        let done = Atomic<Int>(0), total = pairs.count, clock = ContinuousClock(), began = clock.now
        let progress = ProgressLine.start {
            let count = done.load(ordering: .relaxed)
            let seconds = max(0.001, Double((clock.now - began).components.seconds) + Double((clock.now - began).components.attoseconds) / 1e18)
            let rate = Double(count) / seconds
            let left = rate > 0 ? Int((Double(total - count) / rate).rounded()) : 0
            return "batch: \(count)/\(total) pairs · \(String(format: "%.1f", rate)) pairs/s · \(count > 0 ? "\(left) s left" : "starting")"
        }
        defer { progress?.finish() }
        while start < pairs.count {
            let window = Array(pairs[start..<min(pairs.count, start + width * 4)])
            let results = Results(count: window.count)
            if width == 1 {
                // One at a time, on this thread: --jobs 1 means no parallel work at all.
                for index in window.indices { results.set(index, Self.compare(window[index], fetch: fetch)); done.add(1, ordering: .relaxed) }
            } else {
                // `width` workers, each taking the next pair of the window.
                let next = Results.Counter()
                DispatchQueue.concurrentPerform(iterations: min(width, window.count)) { _ in
                    while let index = next.take(below: window.count) {
                        results.set(index, Self.compare(window[index], fetch: fetch))
                        done.add(1, ordering: .relaxed)
                    }
                }
            }
            output = ""
            for line in results.all {
                if line.error != nil { failures += 1 }
                output += (try? jsonText(line, pretty: false)) ?? ""
            }
            writeOutput(output)
            start += window.count
        }
        if failures > 0 { throw ExitCode(1) }
    }

    static func compare(_ pair: (line: Int, paths: [String], problem: String?), fetch: FetchOptions) -> Line {
        if let problem = pair.problem { return Line(line: pair.line, a: pair.paths.first, b: "", error: problem) }
        if pair.paths.count > 2 {
            let copies = Array(pair.paths.dropFirst())
            do {
                let stories = try pair.paths.map { try readStory($0, fetch: fetch) }
                // One line is one worker's: its copies are compared in turn.
                let collation = Collation(base: stories[0], copies: Array(stories.dropFirst()), jobs: 1)
                return Line(line: pair.line, base: pair.paths[0], copies: copies, overview: collation.overview, identical: collation.isIdentical)
            } catch {
                return Line(line: pair.line, base: pair.paths[0], copies: copies, error: describe(error))
            }
        }
        let pathA = pair.paths[0], pathB = pair.paths[1]
        do {
            let a = try readStory(pathA, fetch: fetch), b = try readStory(pathB, fetch: fetch)
            let comparison = Comparer.compare(a, b, jobs: 1)
            return Line(line: pair.line, a: pathA, b: pathB, identical: comparison.isIdentical,
                        coverage: ["a": comparison.statisticsA.coverage, "b": comparison.statisticsB.coverage],
                        groups: comparison.groups.count, moved: comparison.groups.filter(\.moved).count,
                        statistics: ["a": comparison.statisticsA, "b": comparison.statisticsB],
                        titles: ["a": a.title, "b": b.title])
        } catch {
            return Line(line: pair.line, a: pathA, b: pathB, error: "\(error)")
        }
    }
}
