/// Scores free-standing sentence pairs with the comparison's own scorer (`storydiff score`).
public enum PairScoring {
    public enum PairClass: String, Codable, Sendable {
        case identical, near, paraphrase, related, unrelated
    }

    public struct Result: Codable, Sendable, Equatable {
        public var similarity: Double
        public var pairClass: PairClass
        public var features: MatchFeatures

        enum CodingKeys: String, CodingKey { case similarity, pairClass = "class", features }
    }

    /// IDF comes from all texts given, as in a comparison it comes from both stories.
    public static func score(_ pairs: [(String, String)]) -> [Result] {
        var vocabulary = Vocabulary()
        vocabulary.compounds = Compounds(pairs.flatMap { [Array($0.0.unicodeScalars), Array($0.1.unicodeScalars)] })
        // Sentence 2k is the first text of pair k, 2k + 1 the second.
        var table = ProfileTable(sentences: 2 * pairs.count)
        for text in pairs.flatMap({ [$0.0, $0.1] }) {
            let scalars = Array(text.unicodeScalars)
            let tokens = Tokenizer.tokens(scalars, in: TextSpan(0, scalars.count))
            table.append(text, tokens: tokens, keyIDs: tokens.map { vocabulary.intern($0.key) }, vocabulary: &vocabulary)
        }
        let scorer = PairScorer(profiles: table, vocabulary: vocabulary)
        return pairs.indices.map { pair in
            let a = table[2 * pair], b = table[2 * pair + 1]
            let (score, features) = scorer.features(a, b)
            let pairClass: PairClass
            if !a.identity.isEmpty && a.identity == b.identity { pairClass = .identical }
            else if features.wordOrder >= PairScorer.nearOrder && score >= PairScorer.paraphraseScore { pairClass = .near }
            else if score >= PairScorer.paraphraseScore && !features.sharedWords.isEmpty { pairClass = .paraphrase }
            else if score >= PairScorer.relatedScore { pairClass = .related }
            else { pairClass = .unrelated }
            return Result(similarity: a.identity == b.identity && !a.identity.isEmpty ? 1 : score, pairClass: pairClass, features: features)
        }
    }
}
