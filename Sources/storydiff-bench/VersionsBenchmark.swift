import Foundation
import StoryCore

/// `storydiff-bench versions [runs] [--sentences 1000] [--copies 20]`: one base and many copies
/// against one pair, as whole processes of the storydiff program beside the benchmark, in turns;
/// medians. "open" is the reader's first screen (headless, `--screen 120x40`), "report" the
/// JSON of every comparison written to /dev/null.
enum VersionsBenchmark {
    static func run(runs: Int, sentences: Int, copies: Int) -> Int32 {
        let program = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("storydiff").path
        guard FileManager.default.isExecutableFile(atPath: program) else {
            FileHandle.standardError.write("storydiff-bench: no storydiff program beside the benchmark (swift build -c release)\n".data(using: .utf8) ?? Data())
            return 2
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("storydiff-versions-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        func write(_ name: String, _ text: String) -> String {
            let path = directory + "/" + name
            try? text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        // The sample pair, and a third version made from the original: every fourth paragraph dropped.
        let original = write("original.txt", SamplePair.original), syndicated = write("syndicated.txt", SamplePair.syndicated)
        let paragraphs = SamplePair.original.components(separatedBy: "\n\n")
        let trimmed = write("trimmed.txt", paragraphs.enumerated().filter { $0.offset % 4 != 3 }.map(\.element).joined(separator: "\n\n"))
        var generator = PairGenerator(seed: UInt64(sentences))
        let made = generator.makeVersions(sentences: sentences, copies: copies)
        let base = write("base.txt", made.base)
        let copyPaths = made.copies.enumerated().map { write("copy\($0.offset + 1).txt", $0.element) }

        func time(_ arguments: [String]) -> Double {
            var samples: [Double] = []
            for _ in 0..<runs {
                let clock = ContinuousClock()
                let start = clock.now
                _ = ScaleBenchmark.spawnAndWait(program, arguments)
                samples.append(ScaleBenchmark.milliseconds(clock.now - start))
            }
            return ScaleBenchmark.median(samples)
        }
        let open = ["--screen", "120x40"], report = ["--format", "json"]
        let rows: [(String, [String], [String])] = [
            ("sample pair", [original, syndicated], [original, syndicated, trimmed]),
            ("\(sentences) sentences", [base, copyPaths[0]], [base] + copyPaths),
        ]
        print("storydiff-bench versions: \(runs) runs each, medians, whole processes, \(ParallelWork.cores) cores")
        print("what                              one pair    many versions    ratio")
        for (name, pair, many) in rows {
            for (what, extra) in [("open", open), ("report", report)] {
                let one = time(pair + extra), all = time(many + extra)
                let label = "\(name), \(what) (\(many.count - 1) copies)"
                print(label.padding(toLength: 32, withPad: " ", startingAt: 0) + ScaleBenchmark.pad(String(format: "%.0f ms", one), 12)
                      + ScaleBenchmark.pad(String(format: "%.0f ms", all), 17) + ScaleBenchmark.pad(String(format: "%.2f×", all / one), 9))
            }
        }
        return 0
    }
}
