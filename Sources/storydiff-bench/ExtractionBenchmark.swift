import Foundation
import StoryCore

/// `storydiff-bench extract DIR [--worst N] [--page NAME]`: the web-page extractor on a corpus of
/// saved pages (each folder: source.html, expected.html, expected-metadata.json, as in
/// ../shared/eval/readability-pages), in-process. Body text is scored as word 4-gram precision,
/// recall and F1 against expected.html (macro-averaged over pages); titles, bylines and dates
/// against the metadata.
enum ExtractionBenchmark {
    struct PageScore {
        var name: String
        var precision: Double
        var recall: Double
        var f1: Double
        var words: Int
        var expectedWords: Int
        var lost: String
        var kept: String
        var warning: String?
    }

    static func run(directory: String, worst: Int, only: String?) -> Int32 {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: directory).sorted() else {
            FileHandle.standardError.write(Data("storydiff-bench: cannot read \(directory)\n".utf8))
            return 2
        }
        var scores: [PageScore] = []
        var titles = (right: 0, of: 0), bylines = (right: 0, of: 0), dates = (right: 0, of: 0)
        var misses: [String] = []
        var refused: [String] = []
        let clock = ContinuousClock()
        var elapsed = Duration.zero
        for name in names where only == nil || name == only {
            let folder = directory + "/" + name
            guard let source = manager.contents(atPath: folder + "/source.html"),
                  let expected = manager.contents(atPath: folder + "/expected.html") else { continue }
            let started = clock.now
            let page: WebPage
            do { page = try WebPage.read(bytes: Array(source), name: name) } catch {
                refused.append("\(name): \(error)")
                continue
            }
            elapsed += clock.now - started
            let ours = page.article.body.joined(separator: "\n\n")
            let reference = HTMLExtractor.visibleText(String(decoding: expected, as: UTF8.self))
            var score = compare(ours, reference)
            score.name = name
            score.warning = page.warnings.first(where: WebPage.isSmallArticleWarning)
            scores.append(score)
            if let data = manager.contents(atPath: folder + "/expected-metadata.json"),
               let metadata = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
                let provenance = page.article.provenance
                func check(_ field: String, _ expected: Any?, _ found: String?, _ tally: inout (right: Int, of: Int), same: (String, String) -> Bool) {
                    guard let expected = expected as? String, !normalised(expected).isEmpty else { return }
                    tally.of += 1
                    if let found, same(normalised(expected), normalised(found)) { tally.right += 1 }
                    else { misses.append("\(name) \(field): expected \(expected.debugDescription), found \((found ?? "none").debugDescription)") }
                }
                check("title", metadata["title"], provenance.title, &titles) { $0 == $1 }
                check("byline", metadata["byline"], provenance.byline, &bylines) { $0 == $1 }
                check("date", metadata["publishedTime"], provenance.date, &dates) { day($0) != nil && day($0) == day($1) }
            }
        }
        guard !scores.isEmpty else {
            print("no pages in \(directory)")
            return 2
        }
        if only != nil, let score = scores.first {
            print("precision \(fixed(score.precision)) recall \(fixed(score.recall)) F1 \(fixed(score.f1)), \(score.words) words against \(score.expectedWords)")
            print("lost: \(score.lost)\nkept: \(score.kept)")
            for miss in misses { print(miss) }
            return 0
        }
        let count = Double(scores.count)
        let precision = scores.map(\.precision).reduce(0, +) / count
        let recall = scores.map(\.recall).reduce(0, +) / count
        let f1 = scores.map(\.f1).reduce(0, +) / count
        let sortedF1 = scores.map(\.f1).sorted()
        print("\(scores.count) pages, \(refused.count) refused: body word 4-gram precision \(fixed(precision)), recall \(fixed(recall)), F1 \(fixed(f1)) (median \(fixed(sortedF1[sortedF1.count / 2])))")
        func share(_ tally: (right: Int, of: Int)) -> String { "\(tally.right)/\(tally.of) (\(tally.of == 0 ? "-" : String(format: "%.0f%%", 100 * Double(tally.right) / Double(tally.of))))" }
        print("metadata: titles \(share(titles)), bylines \(share(bylines)), dates \(share(dates))")
        let warned = scores.filter { $0.warning != nil }
        print("pages warned of a small article: \(warned.count)\(warned.isEmpty ? "" : " (" + warned.map(\.name).joined(separator: ", ") + ")")")
        print(String(format: "extraction time: %.1f ms a page on average", ScaleBenchmark.milliseconds(elapsed) / count))
        for line in refused { print("refused \(line)") }
        if worst > 0 {
            print("\nworst pages:")
            for score in scores.sorted(by: { $0.f1 < $1.f1 }).prefix(worst) {
                print("  \(score.name): F1 \(fixed(score.f1)) (P \(fixed(score.precision)) R \(fixed(score.recall)), \(score.words) words against \(score.expectedWords))")
                if !score.lost.isEmpty { print("    lost: \(score.lost)") }
                if !score.kept.isEmpty { print("    kept: \(score.kept)") }
            }
            print("\nmetadata misses:")
            for miss in misses { print("  \(miss)") }
        }
        return 0
    }

    /// Words as the scorer counts them: runs of letters and digits, lower-cased.
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// Word 4-grams, counted (a text under four words is its words).
    static func shingles(_ words: [String]) -> [String: Int] {
        var counts: [String: Int] = [:]
        if words.count < 4 { for word in words { counts[word, default: 0] += 1 }; return counts }
        for start in 0...(words.count - 4) { counts[words[start..<start + 4].joined(separator: " "), default: 0] += 1 }
        return counts
    }

    static func compare(_ ours: String, _ reference: String) -> PageScore {
        let ourWords = words(ours), referenceWords = words(reference)
        let x = shingles(ourWords), y = shingles(referenceWords)
        let common = x.reduce(0) { $0 + min($1.value, y[$1.key] ?? 0) }
        let totalX = x.values.reduce(0, +), totalY = y.values.reduce(0, +)
        // Both empty: agreement.
        let precision = totalX == 0 ? (totalY == 0 ? 1 : 0) : Double(common) / Double(totalX)
        let recall = totalY == 0 ? (totalX == 0 ? 1 : 0) : Double(common) / Double(totalY)
        let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        return PageScore(name: "", precision: precision, recall: recall, f1: f1, words: ourWords.count, expectedWords: referenceWords.count,
                         lost: sample(referenceWords, missingFrom: x), kept: sample(ourWords, missingFrom: y), warning: nil)
    }

    /// The first stretch of words whose 4-grams the other text lacks (what was lost, or kept wrongly).
    static func sample(_ words: [String], missingFrom other: [String: Int]) -> String {
        guard words.count >= 4 else { return "" }
        var missing = 0, stretch: [String] = []
        for start in 0...(words.count - 4) where other[words[start..<start + 4].joined(separator: " ")] == nil {
            missing += 1
            if stretch.count < 14 { stretch.append(words[start]) }
        }
        guard missing > 0 else { return "" }
        return "\(missing) 4-grams, e.g. “\(stretch.joined(separator: " "))…”"
    }

    static func normalised(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2018}", with: "'")
            .replacingOccurrences(of: "\u{201C}", with: "\"").replacingOccurrences(of: "\u{201D}", with: "\"")
            .replacingOccurrences(of: "\u{2013}", with: "-").replacingOccurrences(of: "\u{2014}", with: "-")
            .lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The calendar day a date string names (ISO 8601 or "April 5, 2018"), as yyyy-mm-dd.
    static func day(_ text: String) -> String? {
        if let match = text.firstMatch(of: /(\d{4})-(\d{2})-(\d{2})/) { return "\(match.1)-\(match.2)-\(match.3)" }
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let lower = text.lowercased()
        if let match = lower.firstMatch(of: /([a-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})/), let month = months.firstIndex(of: String(match.1)),
           let date = Int(match.2) {
            return String(format: "%@-%02d-%02d", String(match.3), month + 1, date)
        }
        if let match = lower.firstMatch(of: /(\d{1,2}) ([a-z]{3})[a-z]*\.? (\d{4})/), let month = months.firstIndex(of: String(match.2)),
           let date = Int(match.1) {
            return String(format: "%@-%02d-%02d", String(match.3), month + 1, date)
        }
        return nil
    }

    static func fixed(_ value: Double) -> String { String(format: "%.3f", value) }
}

