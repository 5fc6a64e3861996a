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
        var stems = StemMemo()
        return segments(side, sentence: index, emphasis: emphasis, stems: &stems)
    }

    /// Stems already looked up (WordNet, then Snowball): a reworded pair asks for the same words
    /// again and again, on both sides.
    struct StemMemo {
        private var known: [String: String] = [:]
        mutating func stem(_ word: String) -> String {
            if let stem = known[word] { return stem }
            let stem = WordStem.stem(word)
            known[word] = stem
            return stem
        }
    }

    func segments(_ side: Side, sentence index: Int, emphasis: Emphasis, stems: inout StemMemo,
                  otherWords known: Set<String>? = nil) -> [Segment] {
        let sentence = story(side).sentences[index]
        guard let group = groupIndex(side, sentence: index), groups[group].sentenceClass != .identical else {
            return [Segment(span: sentence.span, operation: nil)]
        }
        let link = groups[group]
        if emphasis == .essential, let known = link.essentialDiff {
            return Self.cut(sentence.span, side == .a ? known.a : known.b)
        }
        let pieces = side == .a ? link.diff.a : link.diff.b
        let reworded = emphasis == .essential && (link.sentenceClass == .paraphrase || link.sentenceClass == .partial)
        let otherWords = !reworded ? [] : known ?? wordKeys(side.other, sentences: side == .a ? link.b : link.a, synonyms: link.features.synonyms, stems: &stems)
        var result: [Segment] = []
        var cursor = sentence.span.start
        for piece in pieces where piece.span.end > sentence.span.start && piece.span.start < sentence.span.end {
            let start = max(piece.span.start, sentence.span.start), end = min(piece.span.end, sentence.span.end)
            if start > cursor { result.append(Segment(span: TextSpan(cursor, start), operation: .kept)) }
            if reworded, piece.operation != .kept {
                // Only the words that carry the difference keep the change's look (with what lies
                // between two of them); the rest of the run reads plain.
                let operation = piece.operation == .moved ? WordDiff.Operation.kept : piece.operation
                for (span, carries) in essentialParts(side, TextSpan(start, end), against: otherWords, stems: &stems) {
                    result.append(Segment(span: span, operation: carries ? operation : .kept))
                }
            } else {
                result.append(Segment(span: TextSpan(start, end), operation: piece.operation))
            }
            cursor = end
        }
        if cursor < sentence.span.end { result.append(Segment(span: TextSpan(cursor, sentence.span.end), operation: .kept)) }
        return result
    }

    /// A sentence cut at a diff's pieces (kept between them).
    static func cut(_ span: TextSpan, _ pieces: [WordDiff.Piece]) -> [Segment] {
        var result: [Segment] = []
        var cursor = span.start
        for piece in pieces where piece.span.end > span.start && piece.span.start < span.end {
            let start = max(piece.span.start, span.start, cursor), end = min(piece.span.end, span.end)
            guard end > start else { continue }
            if start > cursor { result.append(Segment(span: TextSpan(cursor, start), operation: .kept)) }
            result.append(Segment(span: TextSpan(start, end), operation: piece.operation))
            cursor = end
        }
        if cursor < span.end { result.append(Segment(span: TextSpan(cursor, span.end), operation: .kept)) }
        return result
    }

    /// The comparison with the essential emphasis of every paraphrase and partial pair worked out
    /// (for the reader, which draws the same sentences again on every key).
    public func withEssentialEmphasis() -> Comparison {
        var copy = self
        var stems = StemMemo()
        for (index, group) in groups.enumerated() where group.sentenceClass == .paraphrase || group.sentenceClass == .partial {
            func pieces(_ side: Side) -> [WordDiff.Piece] {
                let story = story(side)
                // The other side's words, once for all of this side's sentences of the group.
                let other = wordKeys(side.other, sentences: side == .a ? group.b : group.a, synonyms: group.features.synonyms, stems: &stems)
                return (side == .a ? group.a : group.b).filter { story.sentences.indices.contains($0) }.flatMap { sentence in
                    segments(side, sentence: sentence, emphasis: .essential, stems: &stems, otherWords: other)
                        .map { WordDiff.Piece(span: $0.span, operation: $0.operation ?? .kept) }
                }
            }
            copy.groups[index].essentialDiff = WordDiff(a: pieces(.a), b: pieces(.b))
        }
        return copy
    }

    /// The stems of a side's sentences, and both words of each synonym pair ("gained/advanced").
    private func wordKeys(_ side: Side, sentences: [Int], synonyms: [String], stems: inout StemMemo) -> Set<String> {
        var keys = Set<String>()
        let story = story(side)
        for index in sentences where story.sentences.indices.contains(index) {
            for word in Self.contentWords(story.text(of: story.sentences[index].span)) { keys.insert(stems.stem(word)) }
        }
        for pair in synonyms {
            for word in pair.split(separator: "/") { keys.insert(stems.stem(String(word).lowercased())) }
        }
        return keys
    }

    /// A changed stretch cut into what carries the difference (content words and numbers the other
    /// side lacks, with the words between two of them) and what does not; the parts cover it.
    private func essentialParts(_ side: Side, _ span: TextSpan, against otherWords: Set<String>, stems: inout StemMemo) -> [(TextSpan, Bool)] {
        let scalars = story(side).scalars
        // Words of the stretch, by scalar offsets, and whether each carries the difference.
        var words: [(TextSpan, Bool)] = []
        var index = span.start
        func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "'" || scalar == "’"
        }
        while index < span.end {
            guard isWordScalar(scalars[index]) else { index += 1; continue }
            let start = index
            while index < span.end, isWordScalar(scalars[index]) { index += 1 }
            var text = String(String.UnicodeScalarView(scalars[start..<index])).lowercased().replacingOccurrences(of: "’", with: "'")
            while text.hasSuffix("'") { text.removeLast() }
            words.append((TextSpan(start, index), Self.isContentWord(text) && !otherWords.contains(stems.stem(text))))
        }
        guard let first = words.firstIndex(where: \.1), let last = words.lastIndex(where: \.1) else { return [(span, false)] }
        var parts: [(TextSpan, Bool)] = []
        var cursor = span.start
        // Runs of carrying words, joined across at most two plain words between them.
        var runStart = words[first].0.start, runEnd = words[first].0.end, plainSince = 0
        for word in words[first...last].dropFirst() {
            if word.1 {
                if plainSince > 2 {
                    if runStart > cursor { parts.append((TextSpan(cursor, runStart), false)) }
                    parts.append((TextSpan(runStart, runEnd), true))
                    cursor = runEnd
                    runStart = word.0.start
                }
                runEnd = word.0.end
                plainSince = 0
            } else {
                plainSince += 1
            }
        }
        if runStart > cursor { parts.append((TextSpan(cursor, runStart), false)) }
        parts.append((TextSpan(runStart, runEnd), true))
        if runEnd < span.end { parts.append((TextSpan(runEnd, span.end), false)) }
        return parts
    }

    /// The lower-cased words of a text that are not function words (numbers count as content).
    /// A lower-cased word that is not a function word: two letters or more, or a number.
    static func isContentWord(_ word: String) -> Bool {
        !word.isEmpty && !Lexicon.stopWords.contains(word) && (word.count > 1 || word.first?.isNumber == true)
    }

    static func contentWords(_ text: String) -> [String] {
        var words: [String] = []
        var word = ""
        func flush() {
            if Self.isContentWord(word) { words.append(word) }
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
