/// What each copy did with one sentence of the base: kept it (and how) or dropped it.
public struct BaseSentenceFate: Sendable, Equatable {
    /// The base sentence's index.
    public var sentence: Int
    /// Its class in each copy's comparison, copy 1 first.
    public var classes: [SentenceClass]

    public init(sentence: Int, classes: [SentenceClass]) {
        self.sentence = sentence
        self.classes = classes
    }

    /// The copies (numbered from 1) where the sentence has this class.
    public func copies(_ sentenceClass: SentenceClass) -> [Int] {
        classes.indices.filter { classes[$0] == sentenceClass }.map { $0 + 1 }
    }

    /// Copies with no counterpart for it.
    public var dropped: [Int] { copies(.unique) }
    /// How many copies keep it in some form (partial pairs included).
    public var keptCount: Int { classes.count { $0.isMatched } }
    /// Kept word for word by every copy.
    public var keptVerbatimEverywhere: Bool { classes.allSatisfy { $0 == .identical } }

    /// "identical in 14, paraphrased in 3, dropped by 2": what the copies did, most faithful first.
    public var summary: String {
        var parts: [String] = []
        for (sentenceClass, verb) in [(SentenceClass.identical, "identical in"), (.near, "near-verbatim in"),
                                      (.paraphrase, "paraphrased in"), (.partial, "partly kept in"), (.unique, "dropped by")] {
            let count = copies(sentenceClass).count
            if count > 0 { parts.append("\(verb) \(count)") }
        }
        return parts.joined(separator: ", ")
    }

    /// The copies of each kind, "copies 2, 5" style, for the reports: class and copy numbers.
    public var groups: [(sentenceClass: SentenceClass, copies: [Int])] {
        SentenceClass.compared.compactMap { sentenceClass in
            let copies = copies(sentenceClass)
            return copies.isEmpty ? nil : (sentenceClass, copies)
        }
    }
}
