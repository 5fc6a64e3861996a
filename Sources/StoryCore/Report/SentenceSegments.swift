extension Comparison {
    /// A stretch of one sentence with what the word diff says of it (nil: no diff, the sentence
    /// is identical, unique or boilerplate).
    public struct Segment: Equatable, Sendable {
        public var span: TextSpan
        public var operation: WordDiff.Operation?
    }

    /// The sentence cut at the word diff's boundaries; the segments cover the sentence exactly.
    public func segments(_ side: Side, sentence index: Int) -> [Segment] {
        let sentence = story(side).sentences[index]
        guard let group = groupIndex(side, sentence: index), groups[group].sentenceClass != .identical else {
            return [Segment(span: sentence.span, operation: nil)]
        }
        let pieces = side == .a ? groups[group].diff.a : groups[group].diff.b
        var result: [Segment] = []
        var cursor = sentence.span.start
        for piece in pieces where piece.span.end > sentence.span.start && piece.span.start < sentence.span.end {
            let start = max(piece.span.start, sentence.span.start), end = min(piece.span.end, sentence.span.end)
            if start > cursor { result.append(Segment(span: TextSpan(cursor, start), operation: .kept)) }
            result.append(Segment(span: TextSpan(start, end), operation: piece.operation))
            cursor = end
        }
        if cursor < sentence.span.end { result.append(Segment(span: TextSpan(cursor, sentence.span.end), operation: .kept)) }
        return result
    }
}
