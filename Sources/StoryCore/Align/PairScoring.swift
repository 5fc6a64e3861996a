/// Scores free-standing sentence pairs with the comparison's own scorer (`storydiff score`).
public enum PairScoring {
    public enum PairClass: String, Codable, Sendable {
        case identical, near, paraphrase, partial, related, unrelated

        /// The decision "the two say the same thing".
        public var meansTheSame: Bool { self == .identical || self == .near || self == .paraphrase }
    }

    public struct Result: Codable, Sendable, Equatable {
        public var similarity: Double
        public var pairClass: PairClass
        public var features: MatchFeatures
        /// For a partial pair, the side that says materially more (nil: both add, or neither).
        public var saysMore: Side?

        enum CodingKeys: String, CodingKey { case similarity, pairClass = "class", saysMore, features }
    }

    /// The judge's measures of each pair, by `featureNames` (for fitting the judge: `storydiff-bench sts`).
    public static let featureNames = PairJudge.featureNames

    public static func featureVectors(_ pairs: [(String, String)]) -> [[Double]] {
        let (table, scorer, synonyms) = prepare(pairs)
        return pairs.indices.map { PairJudge.features(scorer.evidence(table[2 * $0], table[2 * $0 + 1], synonyms: synonyms)) }
    }

    /// Profiles of all texts (2k and 2k + 1 are pair k) and a scorer whose IDF comes from all of them.
    private static func prepare(_ pairs: [(String, String)]) -> (ProfileTable, PairScorer, SynonymTable) {
        var vocabulary = Vocabulary()
        vocabulary.compounds = Compounds(pairs.flatMap { [Array($0.0.unicodeScalars), Array($0.1.unicodeScalars)] })
        var table = ProfileTable(sentences: 2 * pairs.count)
        for text in pairs.flatMap({ [$0.0, $0.1] }) {
            let scalars = Array(text.unicodeScalars)
            let tokens = Tokenizer.tokens(scalars, in: TextSpan(0, scalars.count))
            table.append(text, tokens: tokens, keyIDs: tokens.map { vocabulary.intern($0.key) }, vocabulary: &vocabulary)
        }
        return (table, PairScorer(profiles: table, vocabulary: vocabulary), SynonymTable(vocabulary: vocabulary))
    }

    /// Fits the judge's weights to targets in [0, 1] (human score / 5): `storydiff-bench sts --fit`.
    public static func fit(_ vectors: [[Double]], targets: [Double]) -> (coefficients: [Double], intercept: Double) {
        PairJudge.fit(vectors, targets: targets)
    }

    /// The similarity a feature vector gets with the given weights.
    public static func similarity(_ vector: [Double], coefficients: [Double], intercept: Double) -> Double {
        PairJudge.similarity(features: vector, coefficients: coefficients, intercept: intercept)
    }

    /// The similarity from which a pair means the same.
    public static let sameMeaning = PairJudge.sameMeaning

    /// IDF comes from all texts given, as in a comparison it comes from both stories.
    public static func score(_ pairs: [(String, String)]) -> [Result] {
        let (table, scorer, synonyms) = prepare(pairs)
        return pairs.indices.map { pair in
            let a = table[2 * pair], b = table[2 * pair + 1]
            let (_, features) = scorer.features(a, b)
            let evidence = scorer.evidence(a, b, synonyms: synonyms)
            let identical = !a.identity.isEmpty && a.identity == b.identity
            let similarity = identical ? 1 : PairJudge.similarity(evidence)
            let pairClass: PairClass
            if identical { pairClass = .identical }
            else if similarity >= PairJudge.sameMeaning { pairClass = features.wordOrder >= PairScorer.nearOrder ? .near : .paraphrase }
            else if similarity >= PairJudge.sharesContent { pairClass = .partial }
            else if similarity >= PairJudge.sameTopic { pairClass = .related }
            else { pairClass = .unrelated }
            var result = Result(similarity: similarity, pairClass: pairClass, features: features)
            result.features.synonyms = evidence.synonyms
            if pairClass == .partial { result.saysMore = PairJudge.saysMore(evidence) }
            return result
        }
    }
}
