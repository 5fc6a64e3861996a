import Foundation
import StoryCore

/// `storydiff-bench scale`: generated pairs of 100 to 100,000 sentences a side, median stage
/// times, precision and recall against the known edits, peak memory, and `git diff --word-diff`
/// and `dwdiff` on the same files.
enum ScaleBenchmark {
    struct Row: Encodable {
        var sentences: Int
        var sentencesB: Int
        var runs: Int
        var medianMilliseconds: [String: Double]
        var precision: Double
        var recall: Double
        var peakMemoryMB: Double
        /// Total time against the previous size's (ten times fewer sentences).
        var timesPrevious: Double?
        var gitWordDiffMilliseconds: Double?
        var dwdiffMilliseconds: Double?
    }

    static func run(sizes: [Int], runs: Int, tools: Bool, jsonPath: String?, errors: Int = 0) {
        var rows: [Row] = []
        let generator = PairGenerator(seed: 0)
        let corpus = generator.corpusTemplates, rare = generator.rareWords.count
        print(corpus > 0 ? "sentences: \(generator.templates.count) templates, \(corpus) of them from \(PairGenerator.corpusDirectory)"
                         : "sentences: the sample's \(generator.templates.count) only (install Debian's fortunes for varied real text)")
        print(rare > 0 ? "swapped words: the sample's content words, and \(rare) rare words from /usr/share/dict/words (\(Int(PairGenerator.rareShare * 100))% of swaps)"
                       : "swapped words: the sample's content words only (install wamerican for a realistic tail)")
        print("sentences  read    segment  candidates  align    word diff  rows     total   ×prev  precision  recall  peak MB  git --word-diff  dwdiff")
        // The pairs first; then the sizes timed in turns (a round of each size, then the next round),
        // so that this machine's swings in speed fall on every size alike and the ratios between
        // sizes mean something.
        let pairs = sizes.map { size -> PairGenerator.Pair in
            var generator = PairGenerator(seed: UInt64(size))
            return generator.make(sentences: size)
        }
        func repeats(_ size: Int) -> Int { size >= 100_000 ? max(1, runs / 3) : runs }
        var stages = [[String: [Double]]](repeating: [:], count: sizes.count)
        var last = [Comparison?](repeating: nil, count: sizes.count)
        for round in 0..<runs {
            for (index, size) in sizes.enumerated() where round < repeats(size) {
                let (comparison, times) = timeOnce(pairs[index])
                for (name, value) in times { stages[index][name, default: []].append(value) }
                last[index] = comparison
            }
        }
        var previousTotal: Double?
        for (index, size) in sizes.enumerated() {
            let pair = pairs[index]
            let (precision, recall) = score(last[index]!, pair)
            if errors > 0 { showErrors(last[index]!, pair, count: errors) }
            var row = Row(sentences: size, sentencesB: pair.sentencesB, runs: repeats(size), medianMilliseconds: stages[index].mapValues(median),
                          precision: precision, recall: recall, peakMemoryMB: programPeakMemoryMB(pair) ?? peakMemoryMB())
            let total = row.medianMilliseconds["total"] ?? 0
            row.timesPrevious = previousTotal.map { total / $0 }
            previousTotal = total
            if tools { (row.gitWordDiffMilliseconds, row.dwdiffMilliseconds) = timeTools(pair, runs: repeats(size)) }
            rows.append(row)
            func cell(_ name: String, _ width: Int) -> String { pad(String(format: "%.1f", row.medianMilliseconds[name] ?? 0), width) }
            print(pad("\(size)", 9) + cell("read", 7) + cell("segment", 9) + cell("candidates", 12) + cell("align", 9) + cell("word diff", 11)
                  + cell("rows", 9) + cell("total", 10) + pad(row.timesPrevious.map { String(format: "%.1f×", $0) } ?? "-", 8)
                  + pad(String(format: "%.3f", precision), 11) + pad(String(format: "%.3f", recall), 8)
                  + pad(String(format: "%.0f", row.peakMemoryMB), 9)
                  + pad(row.gitWordDiffMilliseconds.map { String(format: "%.1f", $0) } ?? "-", 17) + pad(row.dwdiffMilliseconds.map { String(format: "%.1f", $0) } ?? "-", 8))
        }
        print("(milliseconds, medians; candidates includes building the profiles and the index; ×prev: total against the size before)")
        if let jsonPath {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try? encoder.encode(rows).write(to: URL(fileURLWithPath: jsonPath))
            print("JSON written to \(jsonPath)")
        }
    }

    /// One end-to-end run: decoding, reading and segmenting, comparing; each stage's milliseconds.
    static func timeOnce(_ pair: PairGenerator.Pair) -> (Comparison, [String: Double]) {
        var times: [String: Double] = [:]
        let clock = ContinuousClock()
        var mark = clock.now
        func lap(_ name: String) { let now = clock.now; times[name] = milliseconds(now - mark); mark = now }
        let start = mark
        let textA = (try? TextDecoder.decode(Array(pair.a.utf8), name: "a"))?.text ?? ""
        let textB = (try? TextDecoder.decode(Array(pair.b.utf8), name: "b"))?.text ?? ""
        lap("read")
        let a = StoryReader.story(name: "a", text: textA), b = StoryReader.story(name: "b", text: textB)
        lap("segment")
        var timings = StageTimings()
        let comparison = Comparer.compare(a, b, timings: &timings)
        times["candidates"] = milliseconds(timings.profiles + timings.candidates)
        times["align"] = milliseconds(timings.alignment)
        times["word diff"] = milliseconds(timings.wordDiff)
        times["rows"] = milliseconds(timings.rows)
        times["total"] = milliseconds(clock.now - start)
        return (comparison, times)
    }

    /// Precision and recall of the sentence links (every a–b pair of each group) against the truth.
    static func score(_ comparison: Comparison, _ pair: PairGenerator.Pair) -> (Double, Double) {
        var predicted = Set<PairGenerator.Link>()
        for group in comparison.groups {
            for a in group.a { for b in group.b {
                predicted.insert(PairGenerator.Link(a: comparison.a.sentences[a].span.start, b: comparison.b.sentences[b].span.start))
            } }
        }
        let correct = predicted.intersection(pair.truth).count
        return (predicted.isEmpty ? 1 : Double(correct) / Double(predicted.count), pair.truth.isEmpty ? 1 : Double(correct) / Double(pair.truth.count))
    }

    /// Prints some false and missed links with their sentences, to see what the aligner gets wrong.
    static func showErrors(_ comparison: Comparison, _ pair: PairGenerator.Pair, count: Int) {
        let sentenceA = Dictionary(uniqueKeysWithValues: comparison.a.sentences.map { ($0.span.start, $0.index) })
        let sentenceB = Dictionary(uniqueKeysWithValues: comparison.b.sentences.map { ($0.span.start, $0.index) })
        var predicted: [PairGenerator.Link: MatchGroup] = [:]
        for group in comparison.groups {
            for a in group.a { for b in group.b {
                predicted[PairGenerator.Link(a: comparison.a.sentences[a].span.start, b: comparison.b.sentences[b].span.start)] = group
            } }
        }
        func text(_ side: Side, _ start: Int) -> String {
            let index = side == .a ? sentenceA[start] : sentenceB[start]
            return index.map { String(comparison.story(side).sentences[$0].text.prefix(110)) } ?? "(no sentence starts at \(start))"
        }
        let falseLinks = predicted.filter { !pair.truth.contains($0.key) }
        let missed = pair.truth.filter { predicted[$0] == nil }
        var falseByClass: [String: Int] = [:], missedByClass: [String: Int] = [:]
        for (_, group) in falseLinks { falseByClass["\(group.sentenceClass.rawValue) \(group.shape.rawValue)", default: 0] += 1 }
        for link in missed {
            let a = sentenceA[link.a].map { comparison.classesA[$0].rawValue } ?? "unsegmented"
            let b = sentenceB[link.b].map { comparison.classesB[$0].rawValue } ?? "unsegmented"
            missedByClass["A \(a), B \(b)", default: 0] += 1
        }
        print("false links: \(falseLinks.count) — " + falseByClass.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        print("missed links: \(missed.count) — " + missedByClass.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        print("false links (predicted, not true):")
        for (link, group) in predicted.filter({ !pair.truth.contains($0.key) }).sorted(by: { $0.key.a < $1.key.a }).prefix(count) {
            print("  \(group.sentenceClass.rawValue) \(group.shape.rawValue) \(String(format: "%.2f", group.score))\n    A: \(text(.a, link.a))\n    B: \(text(.b, link.b))")
        }
        print("missed links (true, not predicted):")
        for link in pair.truth.filter({ predicted[$0] == nil }).sorted(by: { $0.a < $1.a }).prefix(count) {
            let a = sentenceA[link.a].map { comparison.classesA[$0].rawValue } ?? "?"
            let b = sentenceB[link.b].map { comparison.classesB[$0].rawValue } ?? "?"
            print("  A is \(a), B is \(b)\n    A: \(text(.a, link.a))\n    B: \(text(.b, link.b))")
        }
    }

    /// The pair written to a temporary directory for the programs run on it.
    static func withFiles<R>(_ pair: PairGenerator.Pair, _ body: (_ a: String, _ b: String, _ directory: String) -> R) -> R {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("storydiff-bench-\(getpid())")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let a = directory.appendingPathComponent("a.txt").path, b = directory.appendingPathComponent("b.txt").path
        try? pair.a.write(toFile: a, atomically: true, encoding: .utf8)
        try? pair.b.write(toFile: b, atomically: true, encoding: .utf8)
        return body(a, b, directory.path)
    }

    static func timeTools(_ pair: PairGenerator.Pair, runs: Int) -> (Double?, Double?) {
        withFiles(pair) { a, b, _ in
            func time(_ tool: String, _ arguments: [String]) -> Double? {
                guard let path = ["/usr/bin/\(tool)", "/usr/local/bin/\(tool)"].first(where: FileManager.default.isExecutableFile) else { return nil }
                var samples: [Double] = []
                for _ in 0..<runs {
                    let clock = ContinuousClock()
                    let start = clock.now
                    guard spawnAndWait(path, arguments) != nil else { return nil }
                    samples.append(milliseconds(clock.now - start))
                }
                return median(samples)
            }
            return (time("git", ["diff", "--no-index", "--word-diff", a, b]), time("dwdiff", [a, b]))
        }
    }

    /// Peak memory of the program comparing the pair on its own: `storydiff batch` (read both
    /// files, compare, one summary line), under GNU time, which reports the maximum resident set.
    /// (In this process the pairs of every size and the freed memory of earlier runs would count;
    /// and a child spawned from here starts with this process's high-water mark, which Linux
    /// carries across exec, so the count has to come from a grandchild.)
    static func programPeakMemoryMB(_ pair: PairGenerator.Pair) -> Double? {
        guard let program = BenchFiles.storydiff, FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else { return nil }
        return withFiles(pair) { a, b, directory in
            let list = directory + "/pairs.tsv", report = directory + "/time.txt"
            try? "\(a)\t\(b)\n".write(toFile: list, atomically: true, encoding: .utf8)
            guard spawnAndWait("/usr/bin/time", ["-f", "%M", "-o", report, program, "batch", list, "--jobs", "1"]) != nil,
                  let text = try? String(contentsOfFile: report, encoding: .utf8),
                  let kilobytes = Double(text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").last ?? "") else { return nil }
            return kilobytes / 1024
        }
    }

    /// Runs a program with its output thrown away and waits for it: posix_spawn and waitpid, so
    /// the time is the program's (Foundation's Process polls for the exit, 50 ms at a time).
    static func spawnAndWait(_ path: String, _ arguments: [String]) -> Int32? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { return nil }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return status
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

    static func pad(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(1, width - text.count)) + text }

    /// This process's peak resident memory (VmHWM), in MB: the fallback when the storydiff
    /// program is not beside the benchmark.
    static func peakMemoryMB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kilobytes / 1024
    }
}
