import Foundation
import StoryCore

/// `storydiff-bench memory A B`: the high-water mark of resident memory after each stage, to
/// find what holds memory on a long document.
@_silgen_name("malloc_stats") private func mallocStats()

enum MemoryProbe {
    static func mark() -> String {
        if ProcessInfo.processInfo.environment["MALLOC_STATS"] != nil { mallocStats() }
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        func field(_ name: String) -> String { status.split(separator: "\n").first { $0.hasPrefix(name) }.map { String($0.dropFirst(name.count)).trimmingCharacters(in: .whitespaces) } ?? "?" }
        return "rss \(field("VmRSS:")) peak \(field("VmHWM:"))"
    }

    static func run(_ pathA: String, _ pathB: String) {
        print("start: \(mark())")
        guard let a = try? StoryReader.read(path: pathA), let b = try? StoryReader.read(path: pathB) else { print("cannot read"); return }
        print("read (\(a.sentences.count) + \(b.sentences.count) sentences): \(mark())")
        let comparison = Comparer.compare(a, b)
        print("compared (\(comparison.groups.count) groups): \(mark())")
        let ledgers = Ledgers(comparison)
        print("facts and quotes (\(ledgers.facts.facts.count) facts): \(mark())")
        let output = ReportOutput { _ in nil }
        for format in ReportFormat.allCases {
            try? ReportRenderer.write(comparison, format: format, options: ReportOptions(), to: output)
            print("\(format.rawValue) report: \(mark())")
        }
    }
}
