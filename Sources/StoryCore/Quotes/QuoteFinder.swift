/// Finds the quotations of a story and who the story says spoke them.
enum QuoteFinder {
    /// A run between one pair of quotation marks.
    struct Segment {
        var outer: TextSpan
        var inner: TextSpan
        var paragraph: Int
        /// The paragraph ended before the closing mark: the quotation may go on in the next one.
        var unclosed: Bool
    }

    static func quotations(in story: Story, side: Side, names: [EntityMention], entities: [Entity]) -> [Quotation] {
        let segments = segments(in: story)
        var groups: [[Segment]] = []
        for segment in segments {
            if let previous = groups.last?.last, continues(previous, segment, story: story) {
                groups[groups.count - 1].append(segment)
            } else {
                groups.append([segment])
            }
        }
        var quotations: [Quotation] = []
        for group in groups {
            guard let head = group.first, let tail = group.last else { continue }
            let span = TextSpan(head.outer.start, tail.outer.end)
            let inner = group.map(\.inner)
            let text = inner.map { story.text(of: $0) }.joined(separator: " … ")
            var sentences: [Int] = []
            for p in head.paragraph...max(head.paragraph, tail.paragraph) where story.paragraphs.indices.contains(p) {
                for index in story.paragraphs[p].sentences {
                    let sentence = story.sentences[index].span
                    if group.contains(where: { $0.outer.start < sentence.end && $0.outer.end > sentence.start }) { sentences.append(index) }
                }
            }
            quotations.append(Quotation(id: quotations.count, side: side, span: span, segments: inner, text: text,
                                        sentences: sentences, speaker: nil, speakerName: nil))
        }
        quotations.removeAll { quotation in
            quotation.segments.allSatisfy { Tokenizer.tokens(story.scalars, in: $0).allSatisfy { !$0.isWord } }
        }
        for index in quotations.indices { quotations[index].id = index }
        assignSpeakers(&quotations, story: story, names: names, entities: entities)
        return quotations
    }

    // MARK: Quotation marks

    static func isOpening(_ scalar: Unicode.Scalar) -> Bool { scalar == "\u{201C}" || scalar == "\u{00AB}" }
    static func isClosing(_ scalar: Unicode.Scalar) -> Bool { scalar == "\u{201D}" || scalar == "\u{00BB}" }

    /// Pairs of marks in each compared paragraph. A straight quote opens after a space or an
    /// opening bracket and closes elsewhere; a quotation left open at the end of a paragraph
    /// ends there (news style reopens it in the next paragraph).
    static func segments(in story: Story) -> [Segment] {
        var result: [Segment] = []
        let s = story.scalars
        for paragraph in story.paragraphs where paragraph.role.isCompared {
            var open: Int?
            var index = paragraph.span.start
            while index < paragraph.span.end {
                let scalar = s[index]
                let straight = scalar == "\""
                let previous = index > paragraph.span.start ? s[index - 1] : " "
                let opensHere = isOpening(scalar) || (straight && open == nil && (previous.isSpace || "([{—–-/".unicodeScalars.contains(previous) || index == paragraph.span.start))
                let closesHere = isClosing(scalar) || (straight && open != nil)
                if let start = open, closesHere {
                    result.append(Segment(outer: TextSpan(start, index + 1), inner: trimmed(TextSpan(start + 1, index), s), paragraph: paragraph.index, unclosed: false))
                    open = nil
                } else if opensHere {
                    if let start = open {
                        // A second opening mark before a closing one: the first quotation ends here.
                        result.append(Segment(outer: TextSpan(start, index), inner: trimmed(TextSpan(start + 1, index), s), paragraph: paragraph.index, unclosed: true))
                    }
                    open = index
                }
                index += 1
            }
            if let start = open {
                result.append(Segment(outer: TextSpan(start, paragraph.span.end), inner: trimmed(TextSpan(start + 1, paragraph.span.end), s),
                                      paragraph: paragraph.index, unclosed: true))
            }
        }
        return result.filter { !$0.inner.isEmpty }
    }

    static func trimmed(_ span: TextSpan, _ s: [Unicode.Scalar]) -> TextSpan {
        var start = span.start, end = span.end
        while start < end, s[start].isSpace { start += 1 }
        while end > start, s[end - 1].isSpace { end -= 1 }
        return TextSpan(start, end)
    }

    /// The next segment goes on with the same quotation: after a short attribution in the same
    /// paragraph ("…,” he said, “…"; "…,” Mr. Zelensky wrote on social media. “…"), or at the
    /// start of the next paragraph when this one was left open.
    static func continues(_ previous: Segment, _ next: Segment, story: Story) -> Bool {
        if previous.unclosed {
            return next.paragraph == previous.paragraph + 1 && next.outer.start == story.paragraphs[next.paragraph].span.start
        }
        guard next.paragraph == previous.paragraph else { return false }
        let gap = Tokenizer.tokens(story.scalars, in: TextSpan(previous.outer.end, next.outer.start))
        let words = gap.filter(\.isWord)
        guard !words.isEmpty, words.count <= 12 else { return false }
        return words.contains { FactLexicon.speechVerbs.contains($0.key) && $0.key != "calling" && $0.key != "called" }
    }

    // MARK: Speakers

    static func assignSpeakers(_ quotations: inout [Quotation], story: Story, names: [EntityMention], entities: [Entity]) {
        let quoted = quotations.flatMap { q in q.segments.map { TextSpan(max(q.span.start, $0.start - 1), min(q.span.end, $0.end + 1)) } }
            .sorted { $0.start < $1.start }
        /// Inside quotation marks: the last segment starting at or before the position holds it.
        func isQuoted(_ position: Int) -> Bool {
            var low = 0, high = quoted.count
            while low < high { let mid = (low + high) / 2; if quoted[mid].start <= position { low = mid + 1 } else { high = mid } }
            return low > 0 && position < quoted[low - 1].end
        }
        // Names outside quotation marks, by where they end and start.
        // In text order: the look-ups below are binary searches.
        let outside = names.filter { !isQuoted($0.span.start) }.sorted { $0.span.start < $1.span.start }
        var mentionEndingAt: [Int: EntityMention] = [:], mentionStartingAt: [Int: EntityMention] = [:]
        for mention in outside { mentionEndingAt[mention.span.end] = mention; mentionStartingAt[mention.span.start] = mention }

        func mention(endingAt token: Token) -> EntityMention? {
            if let m = mentionEndingAt[token.span.end] { return m }
            // "Putin’s": the mention stops before the possessive.
            return mentionEndingAt[token.span.end - 2] ?? mentionEndingAt[token.span.end - 1]
        }
        /// The last person named before a position, no further back than three paragraphs.
        func lastPerson(before position: Int) -> EntityMention? {
            var low = 0, high = story.sentences.count
            while low < high { let mid = (low + high) / 2; if story.sentences[mid].span.start <= position { low = mid + 1 } else { high = mid } }
            let paragraph = low > 0 ? story.sentences[low - 1].paragraph : 0
            let floor = story.paragraphs[max(0, paragraph - 3)].span.start
            low = 0; high = outside.count
            while low < high { let mid = (low + high) / 2; if outside[mid].span.end <= position { low = mid + 1 } else { high = mid } }
            var index = low - 1
            while index >= 0, outside[index].span.start >= floor {
                if entities[outside[index].entity].kind == .person { return outside[index] }
                index -= 1
            }
            return nil
        }

        /// A subject that can speak: not a place inside a phrase ("a soldier fighting in Kursk, …, said").
        func canSpeak(_ mention: EntityMention, after token: Int) -> Bool {
            guard entities[mention.entity].kind == .place else { return true }
            // The sentence holding the mention, found by binary search (a scan from the first
            // sentence for every quotation was quadratic on long stories).
            let holder = story.sentences.partitioningIndex { $0.span.end > mention.span.start }
            let sentenceStart = holder < story.sentences.count && story.sentences[holder].span.start <= mention.span.start
                ? story.sentences[holder].span.start : 0
            let before = story.text(of: TextSpan(sentenceStart, mention.span.start))
            let lastWord = before.split(whereSeparator: { !$0.isLetter }).last.map { $0.lowercased() } ?? ""
            return !["in", "from", "at", "to", "of", "near", "with", "across", "into", "on", "for"].contains(lastWord)
        }

        var previousInParagraph: (paragraph: Int, speaker: Int?)?
        for index in quotations.indices {
            let quotation = quotations[index]
            guard let firstIndex = quotation.sentences.first, let lastIndex = quotation.sentences.last,
                  story.sentences.indices.contains(firstIndex), story.sentences.indices.contains(lastIndex) else { continue }
            let first = story.sentences[firstIndex], last = story.sentences[lastIndex]
            let tokens = Tokenizer.tokens(story.scalars, in: TextSpan(first.span.start, last.span.end))
            let free = tokens.indices.filter { !isQuoted(tokens[$0].span.start) }
            var speaker: EntityMention?
            // Speech verbs nearest the quotation first.
            func distance(_ t: Int) -> Int {
                let p = tokens[t].span.start
                return quotation.segments.map { min(abs(p - $0.start), abs(p - $0.end)) }.min() ?? 0
            }
            // Tokens are in text order: those after the quotation start here.
            let afterQuotation = tokens.partitioningIndex { $0.span.start >= quotation.span.end }
            // After the quotation only an attribution that follows it at once counts ("…,” he said"),
            // not a later clause ("… but said it was not as dire as Trump had suggested").
            let verbs = free.filter { t in
                guard FactLexicon.speechVerbs.contains(tokens[t].key) else { return false }
                guard tokens[t].span.start > quotation.span.end else { return true }
                let between = tokens[min(afterQuotation, t)..<t]
                // "…,” Volodymyr Artiukhin, the head of …, said": a name right after the marks.
                if let next = between.first(where: \.isWord), mentionStartingAt[next.span.start] != nil { return between.count <= 30 }
                return between.count <= 5
            }.map { (verb: $0, distance: distance($0)) }.sorted { $0.distance < $1.distance }.map(\.verb)
            verbLoop: for verb in verbs {
                // After the verb: "…,” said Volodymyr Artiukhin", "according to officials".
                var after = verb + 1
                if tokens[verb].key == "according", after < tokens.count, tokens[after].key == "to" { after += 1 }
                // Only after a closing mark or a comma does a name after the verb speak ("…,” said X";
                // "told Fox News" names the listener).
                let previousKey = verb > 0 ? tokens[verb - 1].key : ""
                let inverted = tokens[verb].key == "according" || previousKey == "\""
                    || (previousKey == "," && ["said", "says", "added", "adds", "wrote", "writes", "asked", "replied"].contains(tokens[verb].key))
                if inverted, after < tokens.count, let m = mentionStartingAt[tokens[after].span.start] { speaker = m; break }
                if tokens[verb].key == "according" { continue }
                // Before it, past "had", "also" and an appositive: "Mr. Waltz, the … adviser, told".
                var p = verb - 1
                while p >= 0, FactLexicon.auxiliaries.contains(tokens[p].key) { p -= 1 }
                guard p >= 0 else { continue }
                if tokens[p].key == ",", !isQuoted(tokens[p].span.start) {
                    var q = p - 1
                    while q >= 0, p - q < 25, tokens[q].key != ",", !isQuoted(tokens[q].span.start) { q -= 1 }
                    if q > 0, tokens[q].key == ",", let m = mention(endingAt: tokens[q - 1]), canSpeak(m, after: q - 1) { speaker = m; break verbLoop }
                    continue
                }
                if let m = mention(endingAt: tokens[p]), canSpeak(m, after: p) { speaker = m; break }
                if FactLexicon.pronouns.contains(tokens[p].key), let m = lastPerson(before: tokens[p].span.start) { speaker = m; break }
            }
            // A sentence that opens with a person: "President Zelensky … acknowledged that … “very difficult.”"
            let firstOutside = outside.partitioningIndex { $0.span.start >= first.span.start }
            if speaker == nil, firstOutside < outside.count, case let opening = outside[firstOutside], opening.span.start < quotation.span.start,
               entities[opening.entity].kind == .person,
               Tokenizer.tokens(story.scalars, in: TextSpan(first.span.start, opening.span.start)).filter(\.isWord).allSatisfy({ word in
                   let text = story.text(of: word.span)
                   return text.first?.isUppercase == true
               }) {
                speaker = opening
            }
            // A sentence whose subject is "he" or "she": "He accused Putin …, writing on social media, “…”"
            if speaker == nil, let opening = tokens.first(where: \.isWord), opening.span.start < quotation.span.start,
               !isQuoted(opening.span.start), FactLexicon.pronouns.contains(opening.key), let m = lastPerson(before: opening.span.start) {
                speaker = m
            }
            var speakerID = speaker?.entity
            // A quotation standing alone after another in its paragraph keeps that speaker.
            if speakerID == nil, free.allSatisfy({ !tokens[$0].isWord }),
               let previous = previousInParagraph, previous.paragraph == first.paragraph {
                speakerID = previous.speaker
            }
            quotations[index].speaker = speakerID
            quotations[index].speakerName = speakerID.map { entities[$0].label }
            previousInParagraph = (first.paragraph, speakerID)
        }
    }
}
