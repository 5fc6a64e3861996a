import Foundation
import StoryCore

/// `storydiff-bench tools [runs] [--sizes 10000,100000]`: storydiff beside `git diff --no-index
/// --word-diff` and `dwdiff` on the same files, as whole processes, in turns, medians, with the
/// ratios side by side: the sample pair, a real-text pair (the fortunes corpus and an edited
/// copy of it), generated pairs; start-up alone; how the time grows with ten times the
/// sentences; peak memory.
enum ToolsBenchmark {
    struct Row {
        var name: String
        var sentences: Int
        var bytes: Int
        var storydiff: Double
        var git: Double?
        var dwdiff: Double?
        var peakMB: Double?
    }

    static func run(runs: Int, sizes: [Int]) -> Int32 {
        guard let program = BenchFiles.requireStorydiff() else { return 2 }
        let scratch = BenchFiles.Scratch("tools"), directory = scratch.path
        defer { withExtendedLifetime(scratch) {} }   // the folder stays until the last run
        let write = scratch.write
        func tool(_ name: String) -> String? { ["/usr/bin/\(name)", "/usr/local/bin/\(name)"].first(where: FileManager.default.isExecutableFile) }
        let git = tool("git"), dwdiff = tool("dwdiff")
        // In turns: each run times every program once, so that a slow minute slows all of them.
        func measure(_ name: String, _ a: String, _ b: String, sentences: Int, memory: Bool) -> Row {
            var samples: [[Double]] = [[], [], []]
            for _ in 0..<runs {
                samples[0].append(time(program, [a, b, "--format", "text"]))
                if let git { samples[1].append(time(git, ["diff", "--no-index", "--word-diff", a, b])) }
                if let dwdiff { samples[2].append(time(dwdiff, [a, b])) }
            }
            let bytes = ((try? FileManager.default.attributesOfItem(atPath: a)[.size] as? Int) ?? 0) + ((try? FileManager.default.attributesOfItem(atPath: b)[.size] as? Int) ?? 0)
            return Row(name: name, sentences: sentences, bytes: bytes, storydiff: ScaleBenchmark.median(samples[0]),
                       git: samples[1].isEmpty ? nil : ScaleBenchmark.median(samples[1]),
                       dwdiff: samples[2].isEmpty ? nil : ScaleBenchmark.median(samples[2]),
                       peakMB: memory ? peakMemoryMB(program, [a, b, "--format", "text"], directory: directory) : nil)
        }

        var rows: [Row] = []
        let original = write("original.txt", SamplePair.original), syndicated = write("syndicated.txt", SamplePair.syndicated)
        rows.append(measure("sample pair", original, syndicated, sentences: 43, memory: false))
        var generator = PairGenerator(seed: 2026)
        let real = generator.makeFromCorpus()
        if real.sentencesA > 0 {
            rows.append(measure("real text (fortunes)", write("real-a.txt", real.a), write("real-b.txt", real.b), sentences: real.sentencesA, memory: false))
        }
        for size in sizes {
            var sized = PairGenerator(seed: UInt64(size))
            let pair = sized.make(sentences: size)
            rows.append(measure("generated", write("gen-\(size)-a.txt", pair.a), write("gen-\(size)-b.txt", pair.b), sentences: size, memory: size == sizes.max()))
        }
        var startup: [[Double]] = [[], []]
        for _ in 0..<max(runs, 10) {
            startup[0].append(time(program, ["--version"]))
            if let git { startup[1].append(time(git, ["--version"])) }
        }

        print("storydiff-bench tools: \(runs) runs each, in turns, medians, whole processes, \(ParallelWork.cores) cores (text report to /dev/null)")
        print("pair                          sentences      MB    storydiff      git --word-diff  ×git      dwdiff      ×dwdiff   peak MB")
        for row in rows {
            let label = row.name == "generated" ? "generated \(row.sentences)" : row.name
            var line = label.padding(toLength: 28, withPad: " ", startingAt: 0)
            line += ScaleBenchmark.pad("\(row.sentences)", 11) + ScaleBenchmark.pad(String(format: "%.2f", Double(row.bytes) / 1e6), 8)
            line += ScaleBenchmark.pad(format(row.storydiff), 13)
            line += ScaleBenchmark.pad(row.git.map(format) ?? "-", 21) + ScaleBenchmark.pad(row.git.map { String(format: "%.1f×", row.storydiff / $0) } ?? "-", 7)
            line += ScaleBenchmark.pad(row.dwdiff.map(format) ?? "-", 12) + ScaleBenchmark.pad(row.dwdiff.map { String(format: "%.2f×", row.storydiff / $0) } ?? "-", 11)
            line += ScaleBenchmark.pad(row.peakMB.map { String(format: "%.0f", $0) } ?? "", 10)
            print(line)
        }
        let storydiffStart = ScaleBenchmark.median(startup[0])
        print("start-up (--version)          " + ScaleBenchmark.pad(format(storydiffStart), 34)
              + (startup[1].isEmpty ? "" : ScaleBenchmark.pad(format(ScaleBenchmark.median(startup[1])), 21)
                 + ScaleBenchmark.pad(String(format: "%.1f×", storydiffStart / ScaleBenchmark.median(startup[1])), 7)))
        let generated = rows.filter { $0.name == "generated" }
        for (small, large) in zip(generated, generated.dropFirst()) {
            print("\(large.sentences / max(1, small.sentences))× the sentences (\(small.sentences) → \(large.sentences)): "
                  + String(format: "%.1f× the time", large.storydiff / small.storydiff))
        }
        return 0
    }

    static func format(_ milliseconds: Double) -> String {
        milliseconds >= 1000 ? String(format: "%.2f s", milliseconds / 1000) : String(format: "%.1f ms", milliseconds)
    }

    static func time(_ path: String, _ arguments: [String]) -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        _ = ScaleBenchmark.spawnAndWait(path, arguments)
        return ScaleBenchmark.milliseconds(clock.now - start)
    }

    /// The program's peak resident memory under GNU time (a grandchild: see ScaleBenchmark).
    static func peakMemoryMB(_ program: String, _ arguments: [String], directory: String) -> Double? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else { return nil }
        let report = directory + "/peak.txt"
        guard ScaleBenchmark.spawnAndWait("/usr/bin/time", ["-f", "%M", "-o", report, program] + arguments) != nil,
              let text = try? String(contentsOfFile: report, encoding: .utf8),
              let kilobytes = Double(text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").last ?? "") else { return nil }
        return kilobytes / 1024
    }
}
