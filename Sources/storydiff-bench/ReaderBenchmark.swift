import Foundation
import StoryCore
import StoryUI

/// `storydiff-bench reader`: the reader on a generated pair of N sentences a side, headless.
/// Times the first screen (reader set-up, facts and quotes included, and the first frame, after
/// the comparison), then replays keys at the top, the middle and the end of the document, each
/// timed from the key to the finished frame.
enum ReaderBenchmark {
    struct Result: Encodable {
        var sentences: Int
        var compareMilliseconds: Double
        var firstScreenMilliseconds: Double
        /// Finding the facts and quotes, which a long document does after its first screen.
        var ledgersMilliseconds: Double?
        var searchMilliseconds: Double
        /// Median and slowest redraw per key, over every place it was pressed.
        var keys: [String: [Double]]
        var slowestKey: String
        var slowestMilliseconds: Double
    }

    static let keys = "j j k <Space> <Space> b } { c C u x X <Enter> <Tab> w f f l l <Resize:100x30> <Resize:120x40> <Down> <PgDn>"

    static func run(sentences: Int, runs: Int, jsonPath: String?) {
        var generator = PairGenerator(seed: UInt64(sentences))
        let pair = generator.make(sentences: sentences)
        let a = StoryReader.story(name: "a", text: pair.a), b = StoryReader.story(name: "b", text: pair.b)
        let clock = ContinuousClock()
        var start = clock.now
        let comparison = Comparer.compare(a, b)
        let compare = ScaleBenchmark.milliseconds(clock.now - start)
        let themes = ThemeLoader.all(environment: [:]).compactMap { try? $0.result.get() }
        let script = (try? Key.script(keys)) ?? []
        // A sentence from the middle of A, to go there as a person would: by searching for it.
        let middle = a.sentences[a.sentences.count / 2].text.split(separator: " ").prefix(6).joined(separator: " ")

        var first: [Double] = [], ledgerTimes: [Double] = [], search: [Double] = [], perKey: [String: [Double]] = [:]
        var cells = 0
        for _ in 0..<max(1, runs) {
            // As the program does: a long document's facts and quotes come after the first screen.
            let later = Reader.findsLedgersLater(comparison)
            start = clock.now
            var reader = Reader(comparison: comparison, themes: themes, width: 120, height: 40, ledgers: later ? .later : .now)
            cells &+= reader.render().cells.count
            first.append(ScaleBenchmark.milliseconds(clock.now - start))
            if later {
                start = clock.now
                reader.install(Ledgers(comparison))
                cells &+= reader.render().cells.count
                ledgerTimes.append(ScaleBenchmark.milliseconds(clock.now - start))
            }
            for place in ["top", "middle", "end"] {
                if place == "middle" {
                    start = clock.now
                    reader.search(middle)
                    cells &+= reader.render().cells.count
                    search.append(ScaleBenchmark.milliseconds(clock.now - start))
                } else if place == "end" {
                    reader.handle(.end)
                }
                for key in script {
                    start = clock.now
                    reader.handle(key)
                    cells &+= reader.render().cells.count
                    perKey[name(key), default: []].append(ScaleBenchmark.milliseconds(clock.now - start))
                }
            }
        }
        // The layout alone: measuring every word once, then placing every line at one width.
        var measure: [Double] = [], place: [Double] = []
        var metrics: WrapMetrics?
        for _ in 0..<max(3, runs) {
            start = clock.now
            metrics = WrapMetrics(comparison: comparison)
            measure.append(ScaleBenchmark.milliseconds(clock.now - start))
        }
        for width in [120, 100, 160, 90, 120, 200, 120] {
            start = clock.now
            cells &+= ReaderLayout(comparison: comparison, width: width, mode: .sideBySide, hideIdentical: false, metrics: metrics).lineCount
            place.append(ScaleBenchmark.milliseconds(clock.now - start))
        }
        print(String(format: "layout: every word measured once %.1f ms (part of the first screen); the whole document placed at one width %.1f ms, "
                     + "which the reader avoids by laying out %d rows around its place", ScaleBenchmark.median(measure), ScaleBenchmark.median(place), Reader.windowRows))
        let summary = perKey.mapValues { [ScaleBenchmark.median($0), $0.max() ?? 0] }
        let slowest = summary.max { $0.value[1] < $1.value[1] }!
        let result = Result(sentences: sentences, compareMilliseconds: compare, firstScreenMilliseconds: ScaleBenchmark.median(first),
                            ledgersMilliseconds: ledgerTimes.isEmpty ? nil : ScaleBenchmark.median(ledgerTimes),
                            searchMilliseconds: ScaleBenchmark.median(search), keys: summary, slowestKey: slowest.key, slowestMilliseconds: slowest.value[1])
        print(String(format: "reader on %d sentences a side (comparison %.0f ms): first screen %.1f ms; search %.1f ms [%d]",
                     sentences, compare, result.firstScreenMilliseconds, result.searchMilliseconds, cells % 7))
        if let ledgers = result.ledgersMilliseconds {
            print(String(format: "facts and quotes, found after the first screen (on another thread in the program): %.0f ms", ledgers))
        }
        print("key redraws at the top, middle and end (median / slowest, ms):")
        for (key, values) in summary.sorted(by: { $0.key < $1.key }) {
            print("  " + key.padding(toLength: 14, withPad: " ", startingAt: 0) + String(format: "%7.2f %7.2f", values[0], values[1]))
        }
        print(String(format: "slowest: %@ %.2f ms", slowest.key, slowest.value[1]))
        if let jsonPath {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try? encoder.encode(result).write(to: URL(fileURLWithPath: jsonPath))
        }
    }

    static func name(_ key: Key) -> String {
        switch key {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .resize(let w, let h): return "resize \(w)x\(h)"
        default: return "\(key)"
        }
    }
}
