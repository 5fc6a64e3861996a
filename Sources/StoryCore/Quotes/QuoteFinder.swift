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
        guard let opening = words.first, words.count <= 12 else { return false }
        // The words between must open as an attribution (a verb, a pronoun, a name, "according
        // to"): "“confident” justice would be done. The President stated: “…”" is two quotations.
        guard FactLexicon.speechVerbs.contains(opening.key) || FactLexicon.pronouns.contains(opening.key) || opening.isCapitalized
        else { return false }
        guard let verb = gap.firstIndex(where: { FactLexicon.speechVerbs.contains($0.key) && $0.key != "calling" && $0.key != "called" })
        else { return false }
        // A new sentence before the verb, or "states that …", brings another quotation: "…”. A
        // check of the website states “…”"; "An article in the Mail states that taxpayers “…”".
        let ends = gap[..<verb].indices.contains { i in
            guard [".", "!", "?"].contains(gap[i].key) else { return false }
            // "Mr. Zelensky said": the point of an abbreviation ends nothing.
            guard i > 0 else { return true }
            let before = gap[i - 1].key.replacingOccurrences(of: ".", with: "")
            return !(before.count == 1 || Lexicon.honorifics.contains(before) || Lexicon.titles.contains(before))
        }
        if ends { return false }
        if verb + 1 < gap.count, gap[verb + 1].key == "that" { return false }
        return true
    }

    // MARK: Speakers

    static let prepositions: Set<String> = ["of", "in", "on", "at", "from", "regarding", "about", "for", "with", "by", "to", "into", "over", "under"]
    static let determiners: Set<String> = ["the", "a", "an", "this", "that", "its", "their", "his", "her"]
    /// Words that open a clause before the main one: its subject does not speak the main clause's quotation.
    static let subordinators: Set<String> = ["as", "when", "while", "after", "before", "because", "although", "though", "if", "since", "until"]
    /// Nouns that do not speak: "it", "which", "this", "one".
    static let notSpeakers: Set<String> = ["it", "which", "who", "that", "this", "these", "those", "one", "there", "what", "and", "but", "or"]

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

        func isCapitalised(_ token: Token) -> Bool { story.text(of: token.span).first?.isUppercase == true }
        func isPossessive(_ token: Token) -> Bool { token.key.hasSuffix("'s") || token.key.hasSuffix("s'") }
        /// "Taylor’s statement": the name is not the subject.
        func isPossessiveMention(_ m: EntityMention) -> Bool {
            m.span.end + 1 < story.scalars.count && (story.scalars[m.span.end] == "'" || story.scalars[m.span.end] == "\u{2019}")
        }
        func phrase(_ tokens: [Token], _ from: Int, _ to: Int) -> String {
            story.text(of: TextSpan(tokens[from].span.start, tokens[to].span.end))
        }
        /// A speaker the story describes rather than names, ending at `head`: "the pilot",
        /// "The current president", "Swedish police", "an NSC spokesman". Its head must be a noun.
        func described(_ tokens: [Token], endingAt head: Int) -> String? {
            guard tokens.indices.contains(head), tokens[head].isWord, !isQuoted(tokens[head].span.start),
                  mention(endingAt: tokens[head]) == nil else { return nil }
            let key = tokens[head].key
            guard !FactLexicon.pronouns.contains(key), !Self.notSpeakers.contains(key), !FactLexicon.speechVerbs.contains(key),
                  !Lexicon.stopWords.contains(key),
                  FactLexicon.titles.contains(key) || (WordNet.shared.isAvailable && WordNet.shared.isNoun(key)) else { return nil }
            var start = head
            while start > 0, head - start < 4 {
                let previous = tokens[start - 1]
                guard previous.isWord, !isQuoted(previous.span.start) else { break }
                if Self.determiners.contains(previous.key) { start -= 1; break }
                guard !Self.notSpeakers.contains(previous.key), !FactLexicon.speechVerbs.contains(previous.key),
                      !Lexicon.stopWords.contains(previous.key) || isPossessive(previous),
                      // "Reuters quoted rescue officials": a verb ends the phrase.
                      !(WordNet.shared.isAvailable && WordNet.shared.isVerb(previous.key) && !WordNet.shared.isNoun(previous.key))
                else { break }
                start -= 1
            }
            // The object of a preposition is no subject: "… regarding the issue states".
            if start > 0, Self.prepositions.contains(tokens[start - 1].key) { return nil }
            // A bare singular noun is no speaker ("… his choice of gimmick saying"): it needs an
            // article, a title, a capital or the plural ("officials", "police").
            let opensWithArticle = Self.determiners.contains(tokens[start].key) || isPossessive(tokens[start])
            guard opensWithArticle || FactLexicon.titles.contains(key) || (start...head).contains(where: { isCapitalised(tokens[$0]) })
                    || key == "police" || (WordNet.shared.isAvailable && WordNet.shared.isPluralNoun(key)) else { return nil }
            return phrase(tokens, start, head)
        }
        /// Who a phrase right after an inverted verb names: "said Swedish police", "according to
        /// an NSC spokesman Frederick Jones", "said Bilbrey’s coach, Joe Zemaitis", "said the
        /// Bank of England governor".
        func named(_ tokens: [Token], from start: Int) -> (mention: EntityMention?, description: String?) {
            var i = start
            while i < tokens.count, Self.determiners.contains(tokens[i].key) { i += 1 }
            guard i < tokens.count, tokens[i].isWord else { return (nil, nil) }
            /// A name after ", " that ends an appositive, a few words on: "coach, Joe Zemaitis",
            /// "Democratic Senator for Vermont, Patrick J. Leahy".
            func appositive(after j: Int) -> EntityMention? {
                var k = j
                while k + 1 < tokens.count, k - j < 6, tokens[k].key != ",", tokens[k].isWord || tokens[k].key == "." && k == j { k += 1 }
                guard k + 1 < tokens.count, tokens[k].key == "," else { return nil }
                return mentionStartingAt[tokens[k + 1].span.start].flatMap { entities[$0.entity].kind == .person ? $0 : nil }
            }
            var j = i
            var possessive = false
            var named: EntityMention?
            if let m = mentionStartingAt[tokens[i].span.start] {
                while j < tokens.count, tokens[j].span.end < m.span.end { j += 1 }
                possessive = j < tokens.count && isPossessive(tokens[j])
                let kind = entities[m.entity].kind
                j += 1
                if !possessive, j < tokens.count, !(tokens[j].isWord && !isCapitalised(tokens[j])) {
                    return kind == .place ? (nil, nil) : (m, nil)
                }
                if !possessive { named = m }
            }
            // Lower-case words to the head noun, then perhaps the name: "spokesman Frederick Jones".
            var head = j - 1
            while j < tokens.count, j - i < 5, tokens[j].isWord, !isCapitalised(tokens[j]) || FactLexicon.titles.contains(tokens[j].key)
                    || FactLexicon.demonyms.contains(tokens[j].key),
                  !Lexicon.stopWords.contains(tokens[j].key), !FactLexicon.speechVerbs.contains(tokens[j].key) {
                head = j
                j += 1
            }
            if j < tokens.count, let m = mentionStartingAt[tokens[j].span.start], entities[m.entity].kind == .person, head >= i { return (m, nil) }
            if let m = appositive(after: j) { return (m, nil) }
            // "said Braxton Bilbrey" / "said Bilbreys coach" (a typo for the possessive).
            if let named, entities[named.entity].kind == .person { return (named, nil) }
            guard head >= i else { return (named, nil) }
            if let m = appositive(after: head + 1) { return (m, nil) }
            // "said Lula’s detention was": a possessive speaks only through a title ("Bilbrey’s coach" needs the name).
            if possessive, !FactLexicon.titles.contains(tokens[head].key) { return (nil, nil) }
            return (nil, described(tokens, endingAt: head).map { _ in phrase(tokens, start, head) })
        }

        /// "Time Evans from Citigroup Futures", "Myint Thein of the National League for Democracy
        /// (NLD)": the person an organisation's name follows in one clause.
        func personBefore(_ tokens: [Token], organisation m: EntityMention) -> EntityMention? {
            guard var k = tokens.lastIndex(where: { $0.span.end <= m.span.start }) else { return nil }
            var steps = 0
            while k >= 0, steps < 12, tokens[k].key != ",", !isQuoted(tokens[k].span.start) {
                if ["from", "of", "at"].contains(tokens[k].key), k > 0, let person = mention(endingAt: tokens[k - 1]),
                   entities[person.entity].kind == .person {
                    return person
                }
                k -= 1; steps += 1
            }
            return nil
        }

        var previousInParagraph: (paragraph: Int, speaker: Int?, name: String?)?
        for index in quotations.indices {
            let quotation = quotations[index]
            guard let firstIndex = quotation.sentences.first, let lastIndex = quotation.sentences.last,
                  story.sentences.indices.contains(firstIndex), story.sentences.indices.contains(lastIndex) else { continue }
            let first = story.sentences[firstIndex], last = story.sentences[lastIndex]
            let tokens = Tokenizer.tokens(story.scalars, in: TextSpan(first.span.start, last.span.end))
            let free = tokens.indices.filter { !isQuoted(tokens[$0].span.start) }
            var speaker: EntityMention?
            var description: String?
            var fallback: EntityMention?
            var fallbackName: String?
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
                if t > 0, tokens[t - 1].key == "so" || tokens[t].key == "so-called" { return false }   // "a so called “…”"
                // "reported on the recent “…” incident": the quotation is the topic, not the words.
                if t + 2 < tokens.count, ["on", "about"].contains(tokens[t + 1].key), Self.determiners.contains(tokens[t + 2].key),
                   tokens[t].span.start < quotation.span.start {
                    let between = tokens[(t + 1)...].prefix { $0.span.start < quotation.span.start }
                    if between.count <= 5 { return false }
                }
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
                    || (previousKey == "," && ["said", "says", "added", "adds", "wrote", "writes", "asked", "replied"].contains(tokens[verb].key)
                        && tokens[verb].span.start > quotation.span.end)   // "…,” said X", not "X, , said the arrest was “…”"
                if inverted, after < tokens.count {
                    let found = named(tokens, from: after)
                    // "according to The New York Times": an outlet or a description is the source
                    // only if no one in the sentence is named as speaking.
                    if tokens[verb].key == "according", found.mention.map({ entities[$0.entity].kind != .person }) ?? true {
                        if fallback == nil, let m = found.mention { fallback = m }
                        if fallbackName == nil { fallbackName = found.description }
                        continue
                    }
                    if let m = found.mention { speaker = m; break }
                    if description == nil, let d = found.description { description = d; break }
                }
                // The passive: "described by CNN as a “routine” check".
                if after + 1 < tokens.count, tokens[after].key == "by", verb > 0, tokens[verb - 1].key != "as",
                   let m = mentionStartingAt[tokens[after + 1].span.start] { speaker = m; break }
                if tokens[verb].key == "according" { continue }
                // Before it, past "had", "also" and an appositive: "Mr. Waltz, the … adviser, told".
                var p = verb - 1
                // "… was quoted as saying", "BenQ and Micro-Star both said", "Myint Thein of the NLD (NLD) was quoted".
                while p >= 0, FactLexicon.auxiliaries.contains(tokens[p].key) || ["as", "quoted", "both", "all", "reportedly"].contains(tokens[p].key) {
                    p -= 1
                }
                if p >= 0, tokens[p].key == ")", let open = tokens[..<p].lastIndex(where: { $0.key == "(" }), p - open <= 6, open > 0 {
                    p = open - 1
                    while p >= 0, FactLexicon.auxiliaries.contains(tokens[p].key) { p -= 1 }
                }
                // "Vince Cable, whose party … said": the name before a relative clause.
                if p >= 0, let comma = tokens[..<p].lastIndex(where: { $0.key == "," }), p - comma <= 15, comma > 0,
                   comma + 1 < tokens.count, ["who", "whose"].contains(tokens[comma + 1].key),
                   !tokens[(comma + 1)...p].contains(where: { isQuoted($0.span.start) }),
                   let m = mention(endingAt: tokens[comma - 1]), entities[m.entity].kind == .person {
                    speaker = m; break
                }
                // "The current president, , said": a name the page lost between two commas.
                if p >= 1, tokens[p].key == ",", tokens[p - 1].key == "," { p -= 2 }
                guard p >= 0 else { continue }
                if tokens[p].key == ",", !isQuoted(tokens[p].span.start) {
                    var q = p - 1
                    while q >= 0, p - q < 25, tokens[q].key != ",", !isQuoted(tokens[q].span.start) { q -= 1 }
                    if q > 0, tokens[q].key == ",", let m = mention(endingAt: tokens[q - 1]), canSpeak(m, after: q - 1) { speaker = m; break verbLoop }
                    continue
                }
                if let m = mention(endingAt: tokens[p]) {
                    // "Time Evans from Citigroup Futures said": the person, not the firm.
                    if entities[m.entity].kind != .person, let person = personBefore(tokens, organisation: m) {
                        speaker = person; break
                    }
                    if canSpeak(m, after: p) { speaker = m; break }
                }
                if FactLexicon.pronouns.contains(tokens[p].key), let m = lastPerson(before: tokens[p].span.start) { speaker = m; break }
                // The nearest verb's described subject wins over a name at a farther verb.
                // Not for a participle after a comma ("…, saying"): its subject is the sentence's.
                let participle = tokens[verb].key.hasSuffix("ing") && !(verb > 0 && tokens[verb - 1].key == "as")
                if description == nil, !participle, let d = described(tokens, endingAt: p) { description = d; break }
            }
            if speaker != nil { description = nil }
            // The person the sentence's verb follows: "…, Lt. Gen. A S Sekhon paid tribute …, saying, “…”".
            if speaker == nil, description == nil {
                let before = outside[outside.partitioningIndex { $0.span.start >= first.span.start }...].prefix { $0.span.start < quotation.span.start }
                speaker = before.first { m in
                    // Not the subject of a clause before the main one ("As Rico Shen reported …, he commented").
                    let lead = tokens.prefix { $0.span.start < m.span.start }
                    let clause = lead.lastIndex { $0.key == "," }.map { lead[($0 + 1)...] } ?? lead[...]
                    guard entities[m.entity].kind == .person, !isPossessiveMention(m), !clause.contains(where: { Self.subordinators.contains($0.key) }),
                          let next = tokens.first(where: { $0.span.start >= m.span.end }), next.isWord, !isCapitalised(next),
                          !Lexicon.stopWords.contains(next.key), !isQuoted(next.span.start) else { return false }
                    return WordNet.shared.isAvailable && WordNet.shared.isVerb(next.key) && !WordNet.shared.isNoun(next.key)
                        || FactLexicon.speechVerbs.contains(next.key) || next.key.hasSuffix("ed")
                }
            }
            // A sentence that opens with a person: "President Zelensky … acknowledged that … “very difficult.”"
            let firstOutside = outside.partitioningIndex { $0.span.start >= first.span.start }
            if speaker == nil, description == nil, firstOutside < outside.count, case let opening = outside[firstOutside],
               opening.span.start < quotation.span.start, entities[opening.entity].kind == .person,
               // Not the subject of a clause before the main one: "As Rico Shen reported …, he commented".
               !Tokenizer.tokens(story.scalars, in: TextSpan(first.span.start, opening.span.start)).contains(where: { Self.subordinators.contains($0.key) }),
               Tokenizer.tokens(story.scalars, in: TextSpan(first.span.start, opening.span.start)).filter(\.isWord).allSatisfy({ word in
                   let text = story.text(of: word.span)
                   return text.first?.isUppercase == true
               }) {
                speaker = opening
            }
            // A sentence whose subject is "he" or "she": "He accused Putin …, writing on social media, “…”"
            if speaker == nil, description == nil, let opening = tokens.first(where: \.isWord), opening.span.start < quotation.span.start,
               !isQuoted(opening.span.start), FactLexicon.pronouns.contains(opening.key), let m = lastPerson(before: opening.span.start) {
                speaker = m
            }
            if speaker == nil, description == nil { speaker = fallback; description = fallbackName }
            var speakerID = speaker?.entity
            var speakerName = speakerID.map { entities[$0].label } ?? description
            // A quotation standing alone after another in its paragraph keeps that speaker.
            // (It opens its sentence, and nothing said in the sentence names another speaker.)
            if speakerName == nil, free.allSatisfy({ !tokens[$0].isWord || tokens[$0].span.start > quotation.span.end }),
               let previous = previousInParagraph, previous.paragraph == first.paragraph {
                speakerID = previous.speaker
                speakerName = previous.name
            }
            quotations[index].speaker = speakerID
            quotations[index].speakerName = speakerName
            previousInParagraph = (first.paragraph, speakerID, speakerName)
        }
    }
}
