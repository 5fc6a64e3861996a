extension Comparison {
    /// A stretch of one sentence with what the word diff says of it (nil: no diff, the sentence
    /// is identical, unique or boilerplate).
    public struct Segment: Equatable, Sendable {
        public var span: TextSpan
        public var operation: WordDiff.Operation?
    }

    /// How much of a word diff to show.
    public enum Emphasis: Sendable {
        /// Every added, removed and moved word (the detail view, the JSON).
        case full
        /// For a near pair, the full diff; for a paraphrase or a partial pair, only what carries
        /// the difference: a changed stretch stays emphasised when it holds a content word, a
        /// number or a name the other side does not have; reworded function words, reordering
        /// and words both sides use read plain (delta's max-line-distance: below a similarity,
        /// a word-by-word diff is noise).
        case essential
    }

    /// The sentence cut at the word diff's boundaries; the segments cover the sentence exactly.
    public func segments(_ side: Side, sentence index: Int, emphasis: Emphasis = .essential) -> [Segment] {
        let sentence = story(side).sentences[index]
        guard let group = groupIndex(side, sentence: index), groups[group].sentenceClass != .identical else {
            return [Segment(span: sentence.span, operation: nil)]
        }
        let link = groups[group]
        let pieces = side == .a ? link.diff.a : link.diff.b
        let reworded = emphasis == .essential && (link.sentenceClass == .paraphrase || link.sentenceClass == .partial)
        let otherWords = reworded ? wordKeys(side.other, sentences: side == .a ? link.b : link.a, synonyms: link.features.synonyms) : []
        var result: [Segment] = []
        var cursor = sentence.span.start
        for piece in pieces where piece.span.end > sentence.span.start && piece.span.start < sentence.span.end {
            let start = max(piece.span.start, sentence.span.start), end = min(piece.span.end, sentence.span.end)
            if start > cursor { result.append(Segment(span: TextSpan(cursor, start), operation: .kept)) }
            var operation = piece.operation
            if reworded, operation != .kept {
                operation = carriesDifference(story(side).text(of: TextSpan(start, end)), against: otherWords) && operation != .moved ? operation : .kept
            }
            result.append(Segment(span: TextSpan(start, end), operation: operation))
            cursor = end
        }
        if cursor < sentence.span.end { result.append(Segment(span: TextSpan(cursor, sentence.span.end), operation: .kept)) }
        return result
    }

    /// The stems of a side's sentences, and both words of each synonym pair ("gained/advanced").
    private func wordKeys(_ side: Side, sentences: [Int], synonyms: [String]) -> Set<String> {
        var keys = Set<String>()
        let story = story(side)
        for index in sentences where story.sentences.indices.contains(index) {
            for word in Self.contentWords(story.text(of: story.sentences[index].span)) { keys.insert(WordStem.stem(word)) }
        }
        for pair in synonyms {
            for word in pair.split(separator: "/") { keys.insert(WordStem.stem(String(word).lowercased())) }
        }
        return keys
    }

    /// Whether a changed stretch holds a word that is not a function word and not on the other side.
    private func carriesDifference(_ text: String, against otherWords: Set<String>) -> Bool {
        Self.contentWords(text).contains { !otherWords.contains(WordStem.stem($0)) }
    }

    /// The lower-cased words of a text that are not function words (numbers count as content).
    static func contentWords(_ text: String) -> [String] {
        var words: [String] = []
        var word = ""
        func flush() {
            if !word.isEmpty, !Lexicon.stopWords.contains(word), word.count > 1 || word.first?.isNumber == true { words.append(word) }
            word = ""
        }
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || ((character == "'" || character == "’") && !word.isEmpty) {
                word.append(character == "’" ? "'" : character)
            } else {
                flush()
            }
        }
        flush()
        return words
    }
}
