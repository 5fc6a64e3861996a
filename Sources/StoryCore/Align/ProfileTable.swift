/// The profiles of all sentences of one story, in a few flat arrays: each sentence's stems and
/// terms are a run of one array for the whole story. A story of a million short sentences had
/// three heap blocks per sentence as separate profiles, more than its text and model together.
struct ProfileTable {
    private(set) var identities: [String] = []
    private(set) var wordCounts: [Int] = []
    private var orderIDs: [Int] = []
    private var orderEnds: [Int] = []
    private var termList: [TermCount] = []
    private var termEnds: [Int] = []
    private var nameList: [Int] = []
    private var nameEnds: [Int] = []
    /// Empty sets cost no heap block, so most sentences pay only the slot.
    private var numberSets: [Set<String>] = []

    /// Room for this many sentences.
    init(sentences: Int) {
        identities.reserveCapacity(sentences)
        wordCounts.reserveCapacity(sentences)
        orderEnds.reserveCapacity(sentences)
        termEnds.reserveCapacity(sentences)
        nameEnds.reserveCapacity(sentences)
        numberSets.reserveCapacity(sentences)
    }

    var count: Int { identities.count }
    var indices: Range<Int> { identities.indices }

    private func bounds(_ ends: [Int], _ sentence: Int) -> Range<Int> {
        guard ends.indices.contains(sentence) else { return 0..<0 }
        return (sentence == 0 ? 0 : ends[sentence - 1])..<ends[sentence]
    }

    /// A sentence's content terms: what the hot loops need, without the rest of the profile.
    func terms(of sentence: Int) -> SharedRun<TermCount> { SharedRun(termList, bounds(termEnds, sentence)) }

    subscript(sentence: Int) -> SentenceProfile {
        SentenceProfile(identity: identities[sentence], order: SharedRun(orderIDs, bounds(orderEnds, sentence)),
                        terms: terms(of: sentence), numbers: numberSets[sentence], wordCount: wordCounts[sentence],
                        names: SharedRun(nameList, bounds(nameEnds, sentence)))
    }

    /// Profiles the next sentence from its tokens and their interned keys.
    mutating func append(_ text: String, tokens: [Token], keyIDs: [Int], vocabulary: inout Vocabulary) {
        var content: [Int] = []
        var numbers = Set<String>()
        var wordCount = 0
        // In a headline written in title case every word is capitalised: there (and for the
        // first word) a name is a capitalised word WordNet knows as a name or not at all.
        var longWords = 0, capitalised = 0
        for token in tokens where token.isWord && token.key.utf8.count > 3 {
            longWords += 1
            if token.isCapitalized { capitalised += 1 }
        }
        let titleCase = longWords >= 3 && capitalised * 10 >= longWords * 7
        for (token, keyID) in zip(tokens, keyIDs) where token.isWord {
            let opening = wordCount == 0
            wordCount += 1
            let isName = token.isCapitalized && ((!opening && !titleCase) || vocabulary.isName(token.key, keyID: keyID))
            for index in vocabulary.parts(of: token.key, keyID: keyID) {
                let part = vocabulary.allParts[index]
                orderIDs.append(part.id)
                if isName && !part.isStopWord && !part.isNumber { nameList.append(part.id) }
                // A number is its own stem, so the vocabulary's word for it is its text.
                if part.isNumber { numbers.insert(vocabulary.words[part.id]) }
                if !part.isStopWord { content.append(part.id) }
            }
        }
        orderEnds.append(orderIDs.count)
        termList += SentenceProfile.counted(content)
        termEnds.append(termList.count)
        nameEnds.append(nameList.count)
        identities.append(MatchKey.identity(text))
        numberSets.append(numbers)
        wordCounts.append(wordCount)
    }
}
