import StoryCore

/// Generates story pairs with known edits from real sentences (the sample's body sentences as
/// templates; content words swapped between them), so that alignment can be scored.
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
    /// The sample's content words: the frequent head of the vocabulary.
    let contentWords: [String]
    /// Rare words from a real English word list (Debian's wamerican), when the machine has one:
    /// the long tail that makes real sentences distinctive, as names and places do in news.
    let rareWords: [String]
    /// Share of swapped words drawn from the rare tail.
    static let rareShare = 0.35

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
        self.templates = templates
        contentWords = words.sorted()
        let list = (try? String(contentsOfFile: "/usr/share/dict/words", encoding: .utf8)) ?? ""
        rareWords = list.split(separator: "\n").map(String.init).filter(Self.isContent)
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

    mutating func sentence() -> [String] {
        var tokens = templates[random.below(templates.count)]
        for index in tokens.indices where Self.isContent(tokens[index]) && random.chance(0.6) {
            tokens[index] = word()
        }
        return tokens
    }

    mutating func make(sentences count: Int) -> Pair {
        // Side A: paragraphs of one to four sentences.
        var paragraphs: [[[String]]] = []
        var made = 0
        while made < count {
            let size = min(count - made, 1 + random.below(4))
            paragraphs.append((0..<size).map { _ in sentence() })
            made += size
        }
        // Side B: each paragraph edited sentence by sentence; a few paragraphs moved.
        struct Out { var tokens: [String]; var sources: [(Int, Int)] }   // (paragraph, sentence) of A
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
                if random.chance(0.10) { out.append(Out(tokens: sentence(), sources: [])) }   // inserted
                s += 1
            }
            if !out.isEmpty { outParagraphs.append(out) }
        }
        for _ in 0..<(outParagraphs.count / 20) {
            let from = random.below(outParagraphs.count), to = random.below(outParagraphs.count)
            outParagraphs.insert(outParagraphs.remove(at: from), at: to)
        }
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

    mutating func smallEdit(_ tokens: [String]) -> [String] {
        var tokens = tokens
        let slots = tokens.indices.filter { Self.isContent(tokens[$0]) }
        guard let slot = slots.isEmpty ? nil : slots[random.below(slots.count)] else { return tokens }
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

/// A small seeded generator (SplitMix64): the same pairs on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func chance(_ p: Double) -> Bool { unit() < p }
}
