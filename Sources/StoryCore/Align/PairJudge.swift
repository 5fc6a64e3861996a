import Foundation

/// The calibrated judgement of a matched pair: a similarity on the human scale (0 unrelated …
/// 1 same meaning) from a logistic combination of the evidence, and from it a relation.
///
/// The coefficients were fitted by `storydiff-bench sts ../shared/eval/stsb-headlines.tsv --fit`
/// (least squares of the logistic curve against human score / 5, gradient descent, L2 1e-4) on
/// the 1,999 `train` pairs of the STS Benchmark's news headlines; its 250 `dev` pairs are held
/// out. The bench prints both figures; README gives them.
enum PairJudge {
    /// The measures combined, by name (what `storydiff-bench sts --dump` writes).
    static let featureNames = ["coveredMin", "coveredMin²", "coveredMax", "order", "synonymShare", "relatedShare",
                               "namesBoth", "namesOne", "numbersDiffer×coveredMin", "extraMax×coveredMin"]

    static func features(_ e: PairEvidence) -> [Double] {
        let coveredMin = min(e.coveredA, e.coveredB)
        return [coveredMin, coveredMin * coveredMin, max(e.coveredA, e.coveredB), e.order,
                coveredMin - min(e.exactA, e.exactB), e.relatedShare,
                // Both sides name someone or somewhere the other does not: likely another story.
                min(e.namesOnlyA, e.namesOnlyB) > 0 ? 1 : 0, Double(max(e.namesOnlyA, e.namesOnlyB)),
                // A changed number matters more the more the rest agrees.
                (e.numbersOnlyA + e.numbersOnlyB > 0 ? 1 : 0) * coveredMin,
                // Capped where the headlines it was fitted on end (above their 97th percentile), so
                // that a long sentence's many extra words cannot lift it past what was seen.
                min(max(e.extraA, e.extraB) * coveredMin, 1.5)]
    }

    /// Fitted weights, in `featureNames` order, then the intercept.
    static let coefficients: [Double] = [-0.0119, 3.0966, 0.7807, 0.6134, 1.0633, 1.0425, -0.4205, -0.0852, -0.8173, 1.1383]
    static let intercept = -2.1838

    /// At or above this similarity the two say the same thing (human 4 of 5 and up: "mostly
    /// equivalent, unimportant details differ"); fitted with the weights, for the best accuracy
    /// on the training pairs.
    static let sameMeaning = 0.672
    /// Below `sameMeaning` and at or above this, the pair shares content but differs materially
    /// (human 2–3: "shares details", "important information differs or is missing").
    static let sharesContent = 0.37
    /// Below `sharesContent` and at or above this: the same topic (human about 1).
    static let sameTopic = 0.2

    static func similarity(_ e: PairEvidence) -> Double {
        similarity(features: features(e), coefficients: coefficients, intercept: intercept)
    }

    static func similarity(features: [Double], coefficients: [Double], intercept: Double) -> Double {
        var z = intercept
        for (x, w) in zip(features, coefficients) { z += x * w }
        return (1 / (1 + exp(-z))).rounded(places: 3)
    }

    /// Which side says materially more: the other side's content is (almost) all found in it,
    /// and it has content of its own. nil when both add or neither does.
    static func saysMore(_ e: PairEvidence) -> Side? {
        let aAdds = e.coveredA < 0.8 && e.extraA >= 0.5, bAdds = e.coveredB < 0.8 && e.extraB >= 0.5
        if bAdds && !aAdds && e.coveredA >= 0.75 { return .b }
        if aAdds && !bAdds && e.coveredB >= 0.75 { return .a }
        return nil
    }

    /// Fits the weights: least squares of the logistic curve against targets in [0, 1], by
    /// gradient descent on standardised features (for `storydiff-bench sts --fit`).
    static func fit(_ rows: [[Double]], targets: [Double], steps: Int = 20_000, rate: Double = 2, ridge: Double = 1e-4)
        -> (coefficients: [Double], intercept: Double) {
        let n = rows.count, d = rows.first?.count ?? 0
        guard n > 0, d > 0 else { return ([], 0) }
        var mean = [Double](repeating: 0, count: d), deviation = [Double](repeating: 0, count: d)
        for row in rows { for k in 0..<d { mean[k] += row[k] / Double(n) } }
        for row in rows { for k in 0..<d { deviation[k] += (row[k] - mean[k]) * (row[k] - mean[k]) / Double(n) } }
        deviation = deviation.map { max($0.squareRoot(), 1e-9) }
        let standard = rows.map { row in (0..<d).map { (row[$0] - mean[$0]) / deviation[$0] } }
        var w = [Double](repeating: 0, count: d), b = 0.0
        for _ in 0..<steps {
            var gradient = [Double](repeating: 0, count: d), gradientB = 0.0
            for (row, target) in zip(standard, targets) {
                var z = b
                for k in 0..<d { z += w[k] * row[k] }
                let p = 1 / (1 + exp(-z))
                let g = (p - target) * p * (1 - p)
                for k in 0..<d { gradient[k] += g * row[k] }
                gradientB += g
            }
            for k in 0..<d { w[k] -= rate * (gradient[k] / Double(n) + ridge * w[k]) }
            b -= rate * gradientB / Double(n)
        }
        // Back to the raw features' scale.
        let coefficients = (0..<d).map { w[$0] / deviation[$0] }
        let intercept = b - (0..<d).reduce(0) { $0 + w[$1] * mean[$1] / deviation[$1] }
        return (coefficients, intercept)
    }
}
