import Foundation
import StoryCore

/// `storydiff-bench sts FILE [--dump OUT] [--fit]`: the pair judge against human similarity scores
/// (`../shared/eval/stsb-headlines.tsv`: split, year, score 0–5, sentence 1, sentence 2).
/// The judge was fitted on the `train` rows; `dev` rows are held out. Reports, per split, the
/// Pearson correlation of `similarity` with the human score, and the accuracy of the decision
/// "same meaning" (identical, near, paraphrase) against human ≥ 4 versus ≤ 3 (pairs between
/// 3 and 4 left out). `--fit` fits the weights again on the train rows and prints them (what
/// `PairJudge.coefficients` holds); `--dump` writes each pair's measures for a closer look.
enum SimilarityBenchmark {
    struct Row {
        var split: String
        var human: Double
        var a: String
        var b: String
    }

    static func load(_ path: String) -> [Row]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var rows: [Row] = []
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 5, let score = Double(fields[2]) else { continue }
            rows.append(Row(split: fields[0], human: score, a: fields[3], b: fields[4]))
        }
        return rows
    }

    static func run(path: String, dump: String?, fitting: Bool) -> Int32 {
        guard let rows = load(path), !rows.isEmpty else {
            FileHandle.standardError.write(Data("storydiff-bench: cannot read pairs from \(path)\n".utf8))
            return 2
        }
        let pairs = rows.map { ($0.a, $0.b) }
        if let dump {
            let vectors = PairScoring.featureVectors(pairs)
            var out = (["split", "human"] + PairScoring.featureNames).joined(separator: "\t") + "\n"
            for (row, vector) in zip(rows, vectors) {
                out += ([row.split, String(row.human)] + vector.map { String(format: "%.5f", $0) }).joined(separator: "\t") + "\n"
            }
            _ = FileManager.default.createFile(atPath: dump, contents: Data(out.utf8))
        }
        if fitting { fit(rows) }
        let results = PairScoring.score(pairs)
        print("split   pairs  pearson  decided  accuracy  (same = identical/near/paraphrase; human >= 4 vs <= 3)")
        for split in ["train", "dev", "all"] {
            let chosen = rows.indices.filter { split == "all" || rows[$0].split == split }
            let r = pearson(chosen.map { results[$0].similarity }, chosen.map { rows[$0].human })
            let decided = chosen.filter { rows[$0].human >= 4 || rows[$0].human <= 3 }
            let right = decided.filter { (rows[$0].human >= 4) == results[$0].pairClass.meansTheSame }.count
            print(String(format: "%-6@ %6d  %7.3f  %7d  %7.1f%%", split as NSString, chosen.count, r, decided.count,
                         100 * Double(right) / Double(max(1, decided.count))))
        }
        return 0
    }

    /// Fits the judge on the train rows and prints the weights, the threshold with the best
    /// training accuracy, and what they give on both splits.
    static func fit(_ rows: [Row]) {
        let vectors = PairScoring.featureVectors(rows.map { ($0.a, $0.b) })
        let train = rows.indices.filter { rows[$0].split == "train" }
        let (weights, intercept) = PairScoring.fit(train.map { vectors[$0] }, targets: train.map { rows[$0].human / 5 })
        let similarity = vectors.map { PairScoring.similarity($0, coefficients: weights, intercept: intercept) }
        func accuracy(_ chosen: [Int], _ threshold: Double) -> Double {
            let decided = chosen.filter { rows[$0].human >= 4 || rows[$0].human <= 3 }
            return Double(decided.filter { (rows[$0].human >= 4) == (similarity[$0] >= threshold) }.count) / Double(max(1, decided.count))
        }
        let threshold = stride(from: 0.5, to: 0.9, by: 0.002).max { accuracy(train, $0) < accuracy(train, $1) } ?? 0.7
        print("fitted on \(train.count) train pairs:")
        for (name, weight) in zip(PairScoring.featureNames + ["intercept"], weights + [intercept]) {
            print("  " + name.padding(toLength: 26, withPad: " ", startingAt: 0) + String(format: "%+.4f", weight))
        }
        print(String(format: "  threshold %.3f", threshold))
        for split in ["train", "dev"] {
            let chosen = rows.indices.filter { rows[$0].split == split }
            print(String(format: "  %@: pearson %.3f, accuracy %.1f%%", split as NSString,
                         pearson(chosen.map { similarity[$0] }, chosen.map { rows[$0].human }), 100 * accuracy(chosen, threshold)))
        }
        print("")
    }

    static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        let n = Double(x.count)
        guard n > 1 else { return 0 }
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (u, v) in zip(x, y) { sxy += (u - mx) * (v - my); sxx += (u - mx) * (u - mx); syy += (v - my) * (v - my) }
        return sxx > 0 && syy > 0 ? sxy / (sxx * syy).squareRoot() : 0
    }
}
