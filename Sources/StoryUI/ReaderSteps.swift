import StoryCore

/// Steps along one side's differences: its own sentences, and the phrases its matched
/// sentences add or drop (the "New York Times reported" inside a reworded sentence).
extension Reader {
    /// The changed phrases of a sentence that belong to its side: what A has and B lacks
    /// (removed), or what B adds; the emphasis the reader shows, merged where they touch.
    func ownPhrases(_ ref: SentenceRef) -> [TextSpan] {
        let sentenceClass = comparison.classes(ref.side)[ref.index]
        guard sentenceClass == .near || sentenceClass == .paraphrase || sentenceClass == .partial else { return [] }
        let wanted: WordDiff.Operation = ref.side == .a ? .removed : .added
        let story = comparison.story(ref.side)
        var spans: [TextSpan] = []
        for segment in comparison.segments(ref.side, sentence: ref.index) where segment.operation == wanted {
            // Punctuation alone ("," added) is not a phrase worth a step.
            guard story.text(of: segment.span).contains(where: { $0.isLetter || $0.isNumber }) else { continue }
            if let last = spans.last, story.text(of: TextSpan(last.end, segment.span.start)).allSatisfy(\.isWhitespace) {
                spans[spans.count - 1] = TextSpan(last.start, segment.span.end)
            } else {
                spans.append(segment.span)
            }
        }
        return spans
    }

    /// The next (or previous) phrase the focused side's matched sentences have of their own: first
    /// within the selected sentence, then on in reading order.
    mutating func jumpPhrase(_ direction: Int) {
        let side = focus
        if let cursor, cursor.side == side {
            let phrases = ownPhrases(cursor)
            let current = phrase.flatMap { $0.sentence == cursor ? phrases.firstIndex(of: $0.span) : nil }
            let next = current.map { $0 + direction } ?? (direction > 0 ? 0 : phrases.count - 1)
            // The selected sentence's own phrases come first (its first going on, its last going back).
            if phrases.indices.contains(next) {
                select(phrase: next, of: phrases, in: cursor)
                return
            }
        }
        let snapshot = self
        let found = nextInReadingOrder(direction) { ref in ref.side == side && !snapshot.ownPhrases(ref).isEmpty }
        guard let found else {
            phrase = nil
            message = "no \(direction > 0 ? "next" : "previous") phrase of \(side == .a ? "A" : "B")'s own in a matched sentence"
            return
        }
        let phrases = ownPhrases(found)
        cursor = found
        scrollToShow(found, jump: true)
        select(phrase: direction > 0 ? 0 : phrases.count - 1, of: phrases, in: found)
    }

    private mutating func select(phrase index: Int, of phrases: [TextSpan], in ref: SentenceRef) {
        guard phrases.indices.contains(index) else { return }
        let span = phrases[index]
        phrase = SearchMatch(sentence: ref, span: span)
        let text = SafeText.sanitize(comparison.story(ref.side).text(of: span))
        let others = comparison.counterparts(ref.side, sentence: ref.index).map { label(SentenceRef(ref.side.other, $0)) }.joined(separator: "+")
        let verb = ref.side == .a ? "says, \(others) does not" : "adds to \(others)"
        message = "\(label(ref)) \(verb): “\(text)” · \(index + 1) of \(phrases.count) here · a A next / previous"
    }

    /// The next (or previous) sentence only the focused side has.
    mutating func jumpOwnSentence(_ direction: Int) {
        let side = focus, comparison = self.comparison
        if let found = nextInReadingOrder(direction, where: { $0.side == side && comparison.classes(side)[$0.index] == .unique }) {
            cursor = found
            scrollToShow(found, jump: true)
            return
        }
        message = "no \(direction > 0 ? "next" : "previous") sentence only in \(side == .a ? "A" : "B")"
    }
}
