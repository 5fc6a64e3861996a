import Foundation
import StoryCore
import StoryProse

/// Generates story pairs with known edits from real sentences, so that alignment can be scored.
/// Sentences come from the sample pair and, when the machine has Debian's `fortunes`, from its
/// ~900,000 words of quotations, essays and jokes (so that 100,000 sentences are not a hundred
/// skeletons repeated); some of their words are swapped for others, from the sample and from
/// `wamerican`'s word list, so that repeated templates still differ.
struct PairGenerator {
    struct Pair {
        var a: String
        var b: String
        /// Links between sentences, by their start offsets (Unicode scalars) in a and b.
        var truth: Set<Link>
        var sentencesA: Int
        var sentencesB: Int
    }

    struct Link: Hashable { var a: Int; var b: Int }

    var random: SplitMix
    let templates: [[String]]       // sentences as tokens (words and attached punctuation)
    /// Of those, how many come from the fortunes corpus.
    let corpusTemplates: Int
    /// The sample's content words: the frequent head of the vocabulary.
    let contentWords: [String]
    /// Rare words from a real English word list (Debian's wamerican), when the machine has one:
    /// the long tail that makes real sentences distinctive, as names and places do in news.
    let rareWords: [String]
    /// Share of swapped words drawn from the rare tail.
    static let rareShare = 0.35
    /// Share of a template's content words swapped in a new sentence.
    static let swapShare = 0.4
    static let corpusDirectory = "/usr/share/games/fortunes"

    init(seed: UInt64) {
        random = SplitMix(seed: seed)
        var templates: [[String]] = []
        var words = Set<String>()
        for text in [SamplePair.original, SamplePair.syndicated] {
            let story = StoryReader.story(name: "template", text: text)
            for sentence in story.sentences where sentence.role == .body {
                let tokens = sentence.text.split(separator: " ").map(String.init)
                guard tokens.count >= 8, let last = sentence.text.last, ".”".contains(last) else { continue }
                templates.append(tokens)
                for token in tokens where Self.isContent(token) { words.insert(token) }
            }
        }
        let corpus = Self.corpusSentences()
        corpusTemplates = corpus.count
        self.templates = templates + corpus
        contentWords = words.sorted()
        let list = (try? String(contentsOfFile: "/usr/share/dict/words", encoding: .utf8)) ?? ""
        rareWords = list.split(separator: "\n").map(String.init).filter(Self.isContent)
    }

    /// Plain prose sentences of the fortunes corpus, each once, in a fixed order: eight to sixty
    /// words, ending with a full stop, mostly plain words (no verse layout, code or ASCII art).
    static func corpusSentences() -> [[String]] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: corpusDirectory) else { return [] }
        var seen = Set<String>()
        var result: [[String]] = []
        for name in names.sorted() where !name.contains(".") && !name.contains("art") {
            guard let text = try? String(contentsOfFile: corpusDirectory + "/" + name, encoding: .utf8) else { continue }
            for fortune in text.components(separatedBy: "\n%\n") {
                let flat = fortune.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                let scalars = Array(flat.unicodeScalars)
                for span in SentenceSegmenter.sentences(scalars, in: TextSpan(0, scalars.count)) {
                    let sentence = String(String.UnicodeScalarView(scalars[span.start..<span.end]))
                    let tokens = sentence.split(separator: " ").map(String.init)
                    guard tokens.count >= 8, tokens.count <= 60, sentence.hasSuffix("."), !sentence.hasSuffix("..."),
                          sentence.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F && !"|_/\\<>*#{}[]=~^@$%\t".unicodeScalars.contains($0) }),
                          let first = sentence.first, first.isUppercase,
                          tokens.filter(isPlain).count * 10 >= tokens.count * 8,
                          seen.insert(sentence).inserted else { continue }
                    result.append(tokens)
                }
            }
        }
        return result
    }

    /// A word of letters, perhaps with one trailing comma or full stop.
    static func isPlain(_ token: String) -> Bool {
        var letters = Substring(token)
        if let last = letters.last, last == "," || last == "." { letters = letters.dropLast() }
        return !letters.isEmpty && letters.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || $0 == "'" }
    }

    /// A content word: from the frequent head, or now and then from the rare tail.
    mutating func word() -> String {
        if !rareWords.isEmpty && random.chance(Self.rareShare) { return rareWords[random.below(rareWords.count)] }
        return contentWords[random.below(contentWords.count)]
    }

    /// A plain lowercase word of five letters or more: safe to swap without touching sentence ends.
    static func isContent(_ token: String) -> Bool {
        token.count >= 5 && token.unicodeScalars.allSatisfy { ("a"..."z").contains($0) }
    }

    /// Every sentence made so far (lowercased), so that none repeats: a long document rarely
    /// says the same sentence twice, and a repeat would make the true link ambiguous.
    var made = Set<String>()

    /// A new sentence: a template, or (six times in ten) the opening of one joined at a comma to the
    /// close of another, so that templates used many times still make different sentences; then
    /// some content words swapped.
    /// One template in `insertionShare` is kept for the sentences B inserts, so that an inserted
    /// sentence is new matter, not a reworded copy of one of A's.
    static let insertionShare = 7

    mutating func template(inserted: Bool) -> [String] {
        while true {
            let index = random.below(templates.count)
            if (index % Self.insertionShare == 0) == inserted { return templates[index] }
        }
    }

    mutating func sentence(inserted: Bool = false) -> [String] {
        var tokens: [String] = []
        for _ in 0..<50 {
            tokens = template(inserted: inserted)
            if random.chance(0.6), let joined = splice(tokens, template(inserted: inserted)) { tokens = joined }
            for index in tokens.indices where Self.isContent(tokens[index]) && random.chance(Self.swapShare) {
                tokens[index] = word()
            }
            if made.insert(tokens.joined(separator: " ").lowercased()).inserted { break }
        }
        return tokens
    }

    /// The first clause of `head` up to a comma, and what follows a comma in `tail`.
    mutating func splice(_ head: [String], _ tail: [String]) -> [String]? {
        let cutsHead = head.indices.filter { $0 >= 2 && $0 < head.count - 2 && head[$0].hasSuffix(",") }
        let cutsTail = tail.indices.filter { $0 >= 1 && $0 < tail.count - 3 && tail[$0].hasSuffix(",") }
        guard !cutsHead.isEmpty, !cutsTail.isEmpty else { return nil }
        let i = cutsHead[random.below(cutsHead.count)], j = cutsTail[random.below(cutsTail.count)]
        return Array(head[...i]) + Array(tail[(j + 1)...])
    }

    mutating func make(sentences count: Int) -> Pair {
        make(paragraphs: originalParagraphs(count))
    }

    /// Real prose on side A: the fortunes corpus's sentences in their order, in paragraphs of one
    /// to four, up to `limit` sentences; side B edited from it as for generated pairs.
    mutating func makeFromCorpus(limit: Int = .max) -> Pair {
        let sentences = Self.corpusSentences().prefix(limit)
        var paragraphs: [[[String]]] = []
        var index = sentences.startIndex
        while index < sentences.endIndex {
            let end = min(sentences.endIndex, index + 1 + random.below(4))
            paragraphs.append(Array(sentences[index..<end]))
            index = end
        }
        return make(paragraphs: paragraphs)
    }

    mutating func make(paragraphs: [[[String]]]) -> Pair {
        let count = paragraphs.map(\.count).reduce(0, +)
        let outParagraphs = edited(paragraphs)
        // Texts, and each sentence's start offset.
        var startsA: [[Int]] = []
        var a = "", offset = 0
        for paragraph in paragraphs {
            if !a.isEmpty { a += "\n\n"; offset += 2 }
            var starts: [Int] = []
            for (index, tokens) in paragraph.enumerated() {
                if index > 0 { a += " "; offset += 1 }
                starts.append(offset)
                let text = tokens.joined(separator: " ")
                a += text
                offset += text.unicodeScalars.count
            }
            startsA.append(starts)
        }
        var b = "", truth = Set<Link>(), sentencesB = 0
        offset = 0
        for paragraph in outParagraphs {
            if !b.isEmpty { b += "\n\n"; offset += 2 }
            for (index, sentence) in paragraph.enumerated() {
                if index > 0 { b += " "; offset += 1 }
                for (p, s) in sentence.sources { truth.insert(Link(a: startsA[p][s], b: offset)) }
                let text = sentence.tokens.joined(separator: " ")
                b += text
                offset += text.unicodeScalars.count
                sentencesB += 1
            }
        }
        return Pair(a: a, b: b, truth: truth, sentencesA: count, sentencesB: sentencesB)
    }

    /// Side A: paragraphs of one to four sentences.
    mutating func originalParagraphs(_ count: Int) -> [[[String]]] {
        var paragraphs: [[[String]]] = []
        var made = 0
        while made < count {
            let size = min(count - made, 1 + random.below(4))
            paragraphs.append((0..<size).map { _ in sentence() })
            made += size
        }
        return paragraphs
    }

    /// A sentence of an edited version, and the sentences of the original it comes from.
    struct Out { var tokens: [String]; var sources: [(Int, Int)] }   // (paragraph, sentence) of A

    /// Side B: each paragraph edited sentence by sentence; a few paragraphs moved.
    mutating func edited(_ paragraphs: [[[String]]]) -> [[Out]] {
        var outParagraphs: [[Out]] = []
        for (p, paragraph) in paragraphs.enumerated() {
            var out: [Out] = []
            var s = 0
            while s < paragraph.count {
                let tokens = paragraph[s]
                let roll = random.unit()
                if roll < 0.45 {
                    out.append(Out(tokens: tokens, sources: [(p, s)]))
                } else if roll < 0.60 {
                    out.append(Out(tokens: smallEdit(tokens), sources: [(p, s)]))
                } else if roll < 0.72 {
                    out.append(Out(tokens: substitute(tokens), sources: [(p, s)]))
                } else if roll < 0.77, let (first, second) = split(tokens) {
                    out.append(Out(tokens: first, sources: [(p, s)]))
                    out.append(Out(tokens: second, sources: [(p, s)]))
                } else if roll < 0.82, s + 1 < paragraph.count {
                    out.append(Out(tokens: merge(tokens, paragraph[s + 1]), sources: [(p, s), (p, s + 1)]))
                    s += 1
                } else if roll < 0.92 {
                    // deleted
                } else {
                    out.append(Out(tokens: tokens, sources: [(p, s)]))
                }
                if random.chance(0.10) { out.append(Out(tokens: sentence(inserted: true), sources: [])) }   // inserted
                s += 1
            }
            if !out.isEmpty { outParagraphs.append(out) }
        }
        for _ in 0..<(outParagraphs.count / 20) {
            let from = random.below(outParagraphs.count), to = random.below(outParagraphs.count)
            outParagraphs.insert(outParagraphs.remove(at: from), at: to)
        }
        return outParagraphs
    }

    /// One generated story of `count` sentences and `copies` versions of it, each edited as B is
    /// edited in `make` (for the many-version benchmark).
    mutating func makeVersions(sentences count: Int, copies: Int) -> (base: String, copies: [String]) {
        let paragraphs = originalParagraphs(count)
        func text(_ paragraphs: [[[String]]]) -> String {
            paragraphs.map { $0.map { $0.joined(separator: " ") }.joined(separator: " ") }.joined(separator: "\n\n")
        }
        return (text(paragraphs), (0..<copies).map { _ in text(edited(paragraphs).map { $0.map(\.tokens) }) })
    }

    mutating func smallEdit(_ tokens: [String]) -> [String] {
        var tokens = tokens
        let slots = tokens.indices.filter { Self.isContent(tokens[$0]) }
        guard !slots.isEmpty else { return tokens }
        let slot = slots[self.random.below(slots.count)]
        tokens[slot] = word()
        return tokens
    }

    mutating func substitute(_ tokens: [String]) -> [String] {
        var tokens = tokens
        for index in tokens.indices where Self.isContent(tokens[index]) && random.chance(0.3) {
            tokens[index] = word()
        }
        return tokens
    }

    /// At a comma near the middle: "first part." and "Second part…".
    func split(_ tokens: [String]) -> ([String], [String])? {
        let commas = tokens.indices.dropLast(3).filter { $0 >= 3 && tokens[$0].hasSuffix(",") && tokens[$0].count > 2 }
        guard let cut = commas.min(by: { abs($0 - tokens.count / 2) < abs($1 - tokens.count / 2) }) else { return nil }
        var first = Array(tokens[...cut]), second = Array(tokens[(cut + 1)...])
        first[first.count - 1] = String(first[first.count - 1].dropLast()) + "."
        guard let head = second.first?.first, head.isLowercase else { return nil }
        second[0] = head.uppercased() + second[0].dropFirst()
        return (first, second)
    }

    func merge(_ first: [String], _ second: [String]) -> [String] {
        var head = first
        var last = head.removeLast()
        while let end = last.last, ".”\"".contains(end) { last.removeLast() }
        head.append(last + ",")
        head.append("and")
        var tail = second
        if let letter = tail.first?.first, letter.isUppercase, tail[0].count > 1, tail[0].dropFirst().allSatisfy(\.isLowercase) {
            tail[0] = letter.lowercased() + tail[0].dropFirst()
        }
        return head + tail
    }
}
