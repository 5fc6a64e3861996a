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
}
