import Foundation
import StoryProse

/// `storydiff-bench prose [megabytes] [--seed N] [--write DIR]`: generated news-like prose, pair
/// by pair, through every command path (ProseCheck). Each pair's seed is printed before it runs,
/// so a crash names the pair that caused it; `--write DIR` keeps the pairs as files.
enum ProseRun {
    static func run(megabytes: Double, seed: UInt64, writeTo directory: String?) -> Int32 {
        let target = Int(megabytes * 1_000_000)
        var done = 0, pairs = 0, problems = 0
        var sizes = SplitMix(seed: seed)
        let start = Date()
        while done < target {
            let pairSeed = seed &* 1_000_003 &+ UInt64(pairs)
            var generator = ProseGenerator(seed: pairSeed)
            // Mostly story-sized pairs, some long ones (the bounds and windows of long documents).
            let bytes = sizes.chance(0.1) ? 400_000 + sizes.below(600_000) : 2_000 + sizes.below(60_000)
            let (a, b) = generator.pair(bytes: bytes)
            FileHandle.standardError.write(Data("pair \(pairs) seed \(pairSeed): \(a.utf8.count + b.utf8.count) bytes\r".utf8))
            if let directory {
                try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                try? a.write(toFile: "\(directory)/\(pairSeed)-a.txt", atomically: true, encoding: .utf8)
                try? b.write(toFile: "\(directory)/\(pairSeed)-b.txt", atomically: true, encoding: .utf8)
            }
            var options = ProseCheck.Options()
            options.readAsPage = pairs % 4 == 0
            for problem in ProseCheck.run(a, b, options: options) {
                problems += 1
                print("pair \(pairs) (seed \(pairSeed)): \(problem)")
            }
            done += a.utf8.count + b.utf8.count
            pairs += 1
        }
        print(String(format: "prose: %d pairs, %.1f MB of generated text through every command path in %.0f s, %d problems",
                     pairs, Double(done) / 1e6, Date().timeIntervalSince(start), problems))
        return problems == 0 ? 0 : 1
    }

    /// Small generated stories, for the fuzzer's corpus: a third of them a pair joined by the
    /// byte 0xFF, which the fuzz target splits back into two stories.
    static func seeds(directory: String, count: Int) -> Int32 {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            var sizes = SplitMix(seed: 99)
            for index in 0..<count {
                var generator = ProseGenerator(seed: 500_000 + UInt64(index))
                let bytes = 300 + sizes.below(8_000)
                var data: [UInt8]
                if index % 3 == 0 {
                    let (a, b) = generator.pair(bytes: bytes / 2)
                    data = Array(a.utf8) + [0xFF] + Array(b.utf8)
                } else {
                    data = Array(generator.story(bytes: bytes).utf8)
                }
                try Data(data).write(to: URL(fileURLWithPath: "\(directory)/prose-\(index).txt"))
            }
            return 0
        } catch {
            FileHandle.standardError.write(Data("storydiff-bench: cannot write seeds to \(directory): \(error)\n".utf8))
            return 2
        }
    }
}
