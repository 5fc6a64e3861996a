import Foundation
import StoryCore

/// `storydiff-bench versions [runs] [--sentences 1000] [--copies 20]`: one base and many copies
/// against one pair, as whole processes of the storydiff program beside the benchmark, in turns;
/// medians: the reader's first screen on a pseudo-terminal, the headless screen once everything
/// is compared, and the JSON report.
enum VersionsBenchmark {
    static func run(runs: Int, sentences: Int, copies: Int) -> Int32 {
        guard let program = BenchFiles.requireStorydiff() else { return 2 }
        let scratch = BenchFiles.Scratch("versions")
        defer { withExtendedLifetime(scratch) {} }   // the folder stays until the last run
        let write = scratch.write
        // The sample pair, and a third version made from the original: every fourth paragraph dropped.
        let original = write("original.txt", SamplePair.original), syndicated = write("syndicated.txt", SamplePair.syndicated)
        let paragraphs = SamplePair.original.components(separatedBy: "\n\n")
        let trimmed = write("trimmed.txt", paragraphs.enumerated().filter { $0.offset % 4 != 3 }.map(\.element).joined(separator: "\n\n"))
        var generator = PairGenerator(seed: UInt64(sentences))
        let made = generator.makeVersions(sentences: sentences, copies: copies)
        let base = write("base.txt", made.base)
        let copyPaths = made.copies.enumerated().map { write("copy\($0.offset + 1).txt", $0.element) }

        func time(_ arguments: [String], terminal: Bool = false) -> Double {
            var samples: [Double] = []
            for _ in 0..<runs {
                if terminal {
                    if let elapsed = TerminalProbe.firstScreen(program, arguments) { samples.append(elapsed) }
                    continue
                }
                let clock = ContinuousClock()
                let start = clock.now
                _ = ScaleBenchmark.spawnAndWait(program, arguments)
                samples.append(ScaleBenchmark.milliseconds(clock.now - start))
            }
            return samples.isEmpty ? .nan : ScaleBenchmark.median(samples)
        }
        // "terminal": the first screen on a pseudo-terminal, where the reader shows copy 1 while
        // the other copies are compared in the background. "everything": the headless screen,
        // drawn only once every copy is compared. "report": the JSON of every comparison.
        let ways: [(String, [String], Bool)] = [("terminal", [], true), ("everything", ["--screen", "120x40"], false), ("report", ["--format", "json"], false)]
        let rows: [(String, [String], [String])] = [
            ("sample pair", [original, syndicated], [original, syndicated, trimmed]),
            ("\(sentences) sentences", [base, copyPaths[0]], [base] + copyPaths),
        ]
        print("storydiff-bench versions: \(runs) runs each, medians, whole processes, \(ParallelWork.cores) cores")
        print("terminal: first screen on a 120x40 pseudo-terminal · everything: every copy compared, headless screen · report: --format json")
        print("what                                      one pair    many versions    ratio")
        for (name, pair, many) in rows {
            for (what, extra, terminal) in ways {
                let one = time(pair + extra, terminal: terminal), all = time(many + extra, terminal: terminal)
                let label = "\(name), \(what) (\(many.count - 1) copies)"
                print(label.padding(toLength: 40, withPad: " ", startingAt: 0) + ScaleBenchmark.pad(String(format: "%.0f ms", one), 12)
                      + ScaleBenchmark.pad(String(format: "%.0f ms", all), 17) + ScaleBenchmark.pad(String(format: "%.2f×", all / one), 9))
            }
        }
        return 0
    }
}
