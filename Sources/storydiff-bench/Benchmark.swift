import Foundation
import StoryCore
import StoryUI

/// Release-mode benchmarks, in-process so that start-up is not counted:
///   storydiff-bench [runs] [--engine]           the sample pair and the reader (default 200 runs);
///                                               --engine: only read and compare, for a profiler
///   storydiff-bench pair N DIR                  writes a generated pair of N sentences a side to DIR/a.txt, DIR/b.txt
///   storydiff-bench reader [runs] [--sentences 100000] [--json FILE]
///                                               the reader on a generated pair: first screen, key redraws
///   storydiff-bench prose-seeds DIR N           N small generated stories for the fuzzer's corpus
///   storydiff-bench extract DIR [--worst N] [--page NAME]
///                                               the web-page extractor on a corpus of saved pages (F1, metadata)
///   storydiff-bench sts FILE [--dump OUT] [--fit] the pair judge against human similarity scores (Pearson, accuracy)
///   storydiff-bench judged [FILE] [--pairs DIR] [--verbose]
///                                               facts and quotes against a hand judgement of real pairs
///   storydiff-bench memory A B                  resident memory after each stage of a comparison
///   storydiff-bench prose [megabytes] [--seed N] [--write DIR]
///                                               generated prose through every command path (default 20 MB)
///   storydiff-bench tools [runs] [--sizes 10000,100000]   storydiff beside git --word-diff and dwdiff, ratios
///   storydiff-bench versions [runs] [--sentences 1000] [--copies 20]
///   storydiff-bench scale [runs] [--sizes 100,1000,10000,100000] [--tools] [--json FILE] [--errors N]
@main
struct Benchmark {
    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "scale" {
            arguments.removeFirst()
            func value(_ flag: String) -> String? {
                guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.count else { return nil }
                return arguments[index + 1]
            }
            let sizes = value("--sizes").map { $0.split(separator: ",").compactMap { Int($0) } } ?? [100, 1000, 10_000, 100_000]
            let runs = arguments.first.flatMap { Int($0) } ?? 5
            ScaleBenchmark.run(sizes: sizes, runs: runs, tools: arguments.contains("--tools"), jsonPath: value("--json"),
                               errors: value("--errors").flatMap { Int($0) } ?? 0)
            return
        }
        if arguments.first == "pair", arguments.count == 3, let size = Int(arguments[1]) {
            // A generated pair written out, to read or time with other tools.
            var generator = PairGenerator(seed: UInt64(size))
            let pair = generator.make(sentences: size)
            let directory = arguments[2]
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            do {
                try pair.a.write(toFile: directory + "/a.txt", atomically: true, encoding: .utf8)
                try pair.b.write(toFile: directory + "/b.txt", atomically: true, encoding: .utf8)
                print("\(directory)/a.txt (\(pair.sentencesA) sentences) and \(directory)/b.txt (\(pair.sentencesB) sentences)")
            } catch {
                FileHandle.standardError.write("storydiff-bench: cannot write to \(directory): \(error)\n".data(using: .utf8)!)
                exit(2)
            }
            return
        }
        if arguments.first == "extract", arguments.count >= 2 {
            func value(_ flag: String) -> String? {
                guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.count else { return nil }
                return arguments[index + 1]
            }
            exit(ExtractionBenchmark.run(directory: arguments[1], worst: value("--worst").flatMap { Int($0) } ?? 15, only: value("--page")))
        }
        if arguments.first == "sts", arguments.count >= 2 {
            var dump: String?
            if let flag = arguments.firstIndex(of: "--dump"), flag + 1 < arguments.count { dump = arguments[flag + 1] }
            exit(SimilarityBenchmark.run(path: arguments[1], dump: dump, fitting: arguments.contains("--fit")))
        }
        if arguments.first == "judged" {
            arguments.removeFirst()
            var pairs = "../shared/eval/wikinews-revisions"
            if let flag = arguments.firstIndex(of: "--pairs"), flag + 1 < arguments.count {
                pairs = arguments[flag + 1]
                arguments.removeSubrange(flag...(flag + 1))
            }
            let verbose = arguments.contains("--verbose")
            let path = arguments.first { !$0.hasPrefix("--") } ?? "Benchmarks/wikinews-judgement.json"
            exit(JudgementBenchmark.run(path: path, pairs: pairs, verbose: verbose))
        }
        if arguments.first == "memory", arguments.count == 3 {
            MemoryProbe.run(arguments[1], arguments[2])
            return
        }
        if arguments.first == "prose-seeds", arguments.count == 3, let count = Int(arguments[2]) {
            exit(ProseRun.seeds(directory: arguments[1], count: count))
        }
        if arguments.first == "prose" {
            arguments.removeFirst()
            func value(_ flag: String) -> String? {
                guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.count else { return nil }
                return arguments[index + 1]
            }
            exit(ProseRun.run(megabytes: arguments.first.flatMap { Double($0) } ?? 20, seed: value("--seed").flatMap { UInt64($0) } ?? 1,
                              writeTo: value("--write")))
        }
        if arguments.first == "tools" {
            func value(_ flag: String) -> String? {
                guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.count else { return nil }
                return arguments[index + 1]
            }
            let runs = arguments.dropFirst().first.flatMap { Int($0) } ?? 5
            let sizes = value("--sizes").map { $0.split(separator: ",").compactMap { Int($0) } } ?? [10_000, 100_000]
            exit(ToolsBenchmark.run(runs: runs, sizes: sizes))
        }
        if arguments.first == "versions" {
            arguments.removeFirst()
            func value(_ flag: String) -> String? {
                guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.count else { return nil }
                return arguments[index + 1]
            }
            exit(VersionsBenchmark.run(runs: arguments.first.flatMap { Int($0) } ?? 5,
                                       sentences: value("--sentences").flatMap { Int($0) } ?? 1_000,
                                       copies: max(1, value("--copies").flatMap { Int($0) } ?? 20)))
        }
        if arguments.first == "reader" {
            arguments.removeFirst()
            func value(_ flag: String) -> String? {
                guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.count else { return nil }
                return arguments[index + 1]
            }
            ReaderBenchmark.run(sentences: value("--sentences").flatMap { Int($0) } ?? 100_000,
                                runs: arguments.first.flatMap { Int($0) } ?? 3, jsonPath: value("--json"))
            return
        }
        let runs = arguments.first.flatMap { Int($0) } ?? 200
        if arguments.contains("--engine") {
            // Only reading and comparing, for a profiler.
            var groups = 0
            var stages: [String: [Double]] = [:]
            for _ in 0..<runs {
                let start = DispatchTime.now().uptimeNanoseconds
                let a = StoryReader.story(name: SamplePair.originalName, text: SamplePair.original)
                let b = StoryReader.story(name: SamplePair.syndicatedName, text: SamplePair.syndicated)
                stages["segment", default: []].append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                var timings = StageTimings()
                groups &+= Comparer.compare(a, b, timings: &timings).groups.count
                for (name, duration) in [("profiles", timings.profiles), ("candidates", timings.candidates), ("align", timings.alignment),
                                         ("word diff", timings.wordDiff), ("rows", timings.rows)] {
                    stages[name, default: []].append(ScaleBenchmark.milliseconds(duration))
                }
            }
            print("\(runs) comparisons, \(groups / runs) groups each; medians: "
                  + ["segment", "profiles", "candidates", "align", "word diff", "rows"].map {
                      String(format: "%@ %.3f ms", $0, stages[$0]!.sorted()[runs / 2])
                  }.joined(separator: ", "))
            return
        }
        var read: [Double] = [], compare: [Double] = [], ledgers: [Double] = [], total: [Double] = []
        var sink = 0
        // End to end as the program reads them: the files from disk (samples/, from the package's
        // root), decoded, cleaned, segmented; the embedded copies when run from elsewhere.
        let paths = ["samples/" + SamplePair.originalName, "samples/" + SamplePair.syndicatedName]
        let fromDisk = paths.allSatisfy { FileManager.default.fileExists(atPath: $0) }
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            let a: Story, b: Story
            if fromDisk, let fileA = try? StoryReader.read(path: paths[0]), let fileB = try? StoryReader.read(path: paths[1]) {
                (a, b) = (fileA, fileB)
            } else {
                a = StoryReader.story(name: SamplePair.originalName, text: SamplePair.original)
                b = StoryReader.story(name: SamplePair.syndicatedName, text: SamplePair.syndicated)
            }
            let middle = DispatchTime.now().uptimeNanoseconds
            let comparison = Comparer.compare(a, b)
            let end = DispatchTime.now().uptimeNanoseconds
            let found = Ledgers(comparison)
            ledgers.append(Double(DispatchTime.now().uptimeNanoseconds - end) / 1e6)
            sink &+= comparison.groups.count + found.facts.facts.count * 0
            read.append(Double(middle - start) / 1e6)
            compare.append(Double(end - middle) / 1e6)
            total.append(Double(end - start) / 1e6)
        }
        func median(_ values: [Double]) -> String {
            let sorted = values.sorted()
            return String(format: "%.3f ms", sorted[sorted.count / 2])
        }
        print("sample pair\(fromDisk ? " from samples/" : " (embedded)"), \(runs) runs (median): read+segment \(median(read)), compare \(median(compare)), total \(median(total)); facts and quotes \(median(ledgers)) more [\(sink / runs) groups]")
        readerTimings(runs: runs)
    }

    /// The reader at 120x40: the first frame (layout and render after the comparison), then
    /// each key of a replayed session (handle and render), as a person would press them.
    static func readerTimings(runs: Int) {
        let comparison = Comparer.compare(StoryReader.story(name: SamplePair.originalName, text: SamplePair.original),
                                          StoryReader.story(name: SamplePair.syndicatedName, text: SamplePair.syndicated))
        let themes = ThemeLoader.all(environment: [:]).compactMap { try? $0.result.get() }
        var first: [Double] = [], perKey: [String: [Double]] = [:]
        let session = "j j j } } u c c <Enter> <Tab> <Space> b G g { w t /Kursk <Enter> n N f f l l <Resize:80x24> <Resize:120x40>"
        let keys = (try? Key.script(session)) ?? []
        var cells = 0
        for _ in 0..<max(1, runs / 10) {
            var start = DispatchTime.now().uptimeNanoseconds
            var reader = Reader(comparison: comparison, themes: themes, width: 120, height: 40)
            cells &+= reader.render().cells.count
            first.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            for key in keys {
                start = DispatchTime.now().uptimeNanoseconds
                reader.handle(key)
                cells &+= reader.render().cells.count
                perKey["\(key)", default: []].append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
        }
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        let all = perKey.values.flatMap { $0 }
        let worst = perKey.map { ($0.key, median($0.value)) }.max { $0.1 < $1.1 }!
        print(String(format: "reader 120x40: first frame %.2f ms; keypress redraw median %.2f ms, slowest key %@ %.2f ms [%d cells]",
                     median(first), median(all), worst.0, worst.1, cells % 7))
    }
}
