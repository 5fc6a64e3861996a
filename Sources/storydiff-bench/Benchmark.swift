import Foundation
import StoryCore

/// `swift run -c release storydiff-bench [runs]`: median times of reading and comparing the
/// bundled sample pair, in-process, so that start-up is not counted.
@main
struct Benchmark {
    static func main() {
        let runs = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 200
        var read: [Double] = [], compare: [Double] = [], total: [Double] = []
        var sink = 0
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            let a = StoryReader.story(name: SamplePair.originalName, text: SamplePair.original)
            let b = StoryReader.story(name: SamplePair.syndicatedName, text: SamplePair.syndicated)
            let middle = DispatchTime.now().uptimeNanoseconds
            let comparison = Comparer.compare(a, b)
            let end = DispatchTime.now().uptimeNanoseconds
            sink &+= comparison.groups.count
            read.append(Double(middle - start) / 1e6)
            compare.append(Double(end - middle) / 1e6)
            total.append(Double(end - start) / 1e6)
        }
        func median(_ values: [Double]) -> String {
            let sorted = values.sorted()
            return String(format: "%.3f ms", sorted[sorted.count / 2])
        }
        print("sample pair, \(runs) runs (median): read+segment \(median(read)), compare \(median(compare)), total \(median(total)) [\(sink / runs) groups]")
    }
}
