/// Seeded random text that looks like the news the engine meets, built to reach the rules that
/// read names, numbers, dates and quotations: capitalised runs, single letters and initials
/// ("A B C", "Mrs. V. V.", "J. R. R. Tolkien"), titles, abbreviations ("U.S.", "a.m."), numbers
/// with separators and units ("258,753", "$24bn", "12:43 a.m.", "0600"), dates in every order,
/// quotations straight, curly, nested, unbalanced and spread over paragraphs, and the hostile
/// characters of real pages (controls, escape sequences, bidi overrides, emoji sequences, CJK,
/// combining marks, markup). A pair is a story and an edited copy of it, so that the comparison
/// has matches, rewrites, moves, splits and merges to work on.
public struct ProseGenerator {
    public private(set) var random: SplitMix

    public init(seed: UInt64) { random = SplitMix(seed: seed) }

    /// A story of about `bytes` UTF-8 bytes.
    public mutating func story(bytes: Int) -> String {
        var paragraphs: [String] = []
        var size = 0
        if random.chance(0.7) { paragraphs.append(headline()); size += paragraphs[0].utf8.count }
        while size < bytes {
            let paragraph = self.paragraph()
            size += paragraph.utf8.count + 2
            paragraphs.append(paragraph)
        }
        return paragraphs.joined(separator: random.chance(0.1) ? "\n" : "\n\n") + (random.chance(0.5) ? "\n" : "")
    }

    /// A story of about `bytes` bytes and a copy edited as rewrites are: sentences kept, reworded,
    /// dropped, added, moved, split and merged; numbers, names and quotations changed.
    public mutating func pair(bytes: Int) -> (a: String, b: String) {
        let a = story(bytes: bytes)
        if random.chance(0.05) { return (a, story(bytes: bytes)) }   // two unrelated stories
        var paragraphs = a.components(separatedBy: "\n\n").map { $0.components(separatedBy: ". ") }
        for p in paragraphs.indices {
            var sentences = paragraphs[p]
            var s = 0
            while s < sentences.count {
                switch random.below(20) {
                case 0: sentences.remove(at: s); continue
                case 1: sentences.insert(sentence(), at: s); s += 1
                case 2, 3: sentences[s] = reword(sentences[s])
                case 4 where s + 1 < sentences.count:
                    sentences[s] = sentences[s] + ", and " + sentences[s + 1].lowercased()
                    sentences.remove(at: s + 1)
                case 5:
                    let words = sentences[s].split(separator: " ")
                    if words.count > 6 {
                        let cut = words.count / 2
                        sentences[s] = words[..<cut].joined(separator: " ")
                        sentences.insert(words[cut...].joined(separator: " "), at: s + 1)
                        s += 1
                    }
                default: break
                }
                s += 1
            }
            paragraphs[p] = sentences
        }
        if paragraphs.count > 3, random.chance(0.5) {
            let from = random.below(paragraphs.count), to = random.below(paragraphs.count)
            paragraphs.insert(paragraphs.remove(at: from), at: to)
        }
        if random.chance(0.3) { paragraphs.removeFirst(min(paragraphs.count, random.below(3))) }
        return (a, paragraphs.map { $0.joined(separator: ". ") }.joined(separator: "\n\n"))
    }

    // MARK: Pieces

    mutating func headline() -> String {
        var words = [pick(Self.capitalisedWords), name(), pick(Self.verbs), pick(Self.nouns), "in", pick(Self.places)]
        if random.chance(0.3) { words.append("as " + number() + " " + pick(Self.nouns)) }
        let line = words.joined(separator: " ")
        return random.chance(0.2) ? line.uppercased() : line
    }

    mutating func paragraph() -> String {
        switch random.below(40) {
        case 0: return hostileLine()
        case 1: return String(repeating: pick(["word.", "A.", "—", "*", "1."]) + "\n\n", count: 1 + random.below(50))
        case 2: return "“" + (0..<(1 + random.below(3))).map { _ in sentence(quotable: false) }.joined(separator: " ")   // a quotation left open
        case 3: return pick(Self.chrome)
        default:
            let count = 1 + random.below(6)
            return (0..<count).map { _ in sentence() }.joined(separator: random.chance(0.05) ? "  " : " ")
        }
    }

    public mutating func sentence(quotable: Bool = true) -> String {
        var parts: [String] = []
        let clauses = 1 + random.below(3)
        for clause in 0..<clauses {
            if clause > 0 { parts.append(pick([",", ", and", ";", " —", ", but", ", while"])) }
            parts.append(self.clause())
        }
        var text = parts.joined(separator: " ").replacingOccurrences(of: " ,", with: ",").replacingOccurrences(of: " ;", with: ";")
        text = capitalisingFirst(text)
        let end = pick([".", ".", ".", ".", "?", "!", "...", "…", ".”", ""])
        text += end
        if quotable, random.chance(0.25) { text = quotation(around: text) }
        if random.chance(0.02) { text = "(" + text + ")" }
        return text
    }

    mutating func clause() -> String {
        switch random.below(12) {
        case 0: return "\(name()) \(pick(Self.verbs)) \(number()) \(pick(Self.nouns)) on \(date())"
        case 1: return "on \(date()) \(name()) \(pick(Self.verbs)) the \(pick(Self.nouns))"
        case 2: return "the \(pick(Self.nouns)) of \(pick(Self.places)) cost \(money())"
        case 3: return "at \(clock()) \(initials()) \(pick(Self.verbs)) \(pick(Self.nouns))"
        case 4: return "\(pick(Self.capitalisedWords)) \(pick(Self.capitalisedWords)) \(pick(Self.capitalisedWords)) \(pick(["arrived", "met", "left", "said nothing"]))"
        case 5: return "\(name()) told \(pick(Self.outlets)) that \(number()) \(pick(Self.nouns)) \(pick(["rose", "fell", "were seen"])) \(pick(["by", "to", "near"])) \(percent())"
        case 6: return "tickets for rows \(letters()) \(pick(["sold out", "cost " + money()]))"
        case 7: return "the \(pick(["U.S.", "U.K.", "E.U.", "UN", "NATO", "a.m.", "e.g.", "St.", "No."])) \(pick(Self.nouns)) \(pick(Self.verbs)) \(pick(Self.nouns))"
        case 8: return "\(random.below(100))th \(pick(Self.months)) \(1900 + random.below(130)) was \(pick(["a Monday", "the day", "late"]))"
        case 9: return "\(pick(Self.titles)) \(letters()) \(pick(["said nothing", "was there", "wrote", "replied"]))"
        case 10: return "\(number()) \(pick(Self.nouns)), \(number()) \(pick(Self.nouns)) and \(number())"
        default: return "\(pick(Self.commonWords)) \(pick(Self.nouns)) \(pick(Self.verbs)) \(pick(Self.commonWords)) \(pick(Self.nouns)) in \(pick(Self.places))"
        }
    }

    mutating func quotation(around text: String) -> String {
        let marks = pick([("“", "”"), ("\"", "\""), ("‘", "’"), ("'", "'"), ("«", "»"), ("„", "“"), ("“", ""), ("", "”")])
        let speaker = name()
        switch random.below(5) {
        case 0: return "\(marks.0)\(text)\(marks.1) \(speaker) \(pick(Self.speech))."
        case 1: return "\(speaker) \(pick(Self.speech)): \(marks.0)\(text)\(marks.1)"
        case 2: return "\(marks.0)\(text),\(marks.1) \(pick(Self.speech)) \(speaker), \(marks.0)\(sentence(quotable: false))\(marks.1)"
        case 3: return "\(speaker) \(pick(Self.speech)) the \(pick(Self.nouns)) was \(marks.0)\(pick(Self.nouns))\(marks.1) and \(marks.0)\(marks.1)."
        default: return "\(marks.0)She said ‘\(text)’ and left\(marks.1), \(speaker) \(pick(Self.speech))."
        }
    }

    mutating func name() -> String {
        switch random.below(10) {
        case 0: return initials()
        case 1: return "\(pick(Self.titles)) \(pick(Self.surnames))"
        case 2: return "\(pick(Self.titles)) \(letters())"
        case 3: return "\(pick(Self.firstNames)) \(pick(["", "V. ", "J. R. R. ", "de la ", "O'", "Mc", "al-"]))\(pick(Self.surnames))"
        case 4: return letters()
        case 5: return pick(Self.surnames) + pick(["", "'s", "-led", "-drafted", "s"])
        case 6: return pick(Self.places)
        default: return "\(pick(Self.firstNames)) \(pick(Self.surnames))"
        }
    }

    mutating func initials() -> String {
        (0..<(1 + random.below(3))).map { _ in String(pick(Self.alphabet)) + "." }.joined(separator: pick([" ", ""])) + " " + pick(Self.surnames)
    }

    /// A run of single capital letters: "A B C", "V. V.", "X Y Z".
    mutating func letters() -> String {
        (0..<(1 + random.below(4))).map { _ in String(pick(Self.alphabet)) + (random.chance(0.4) ? "." : "") }.joined(separator: " ")
    }

    mutating func number() -> String {
        switch random.below(14) {
        case 0: return String(random.below(1_000_000)).reversedGroups()
        case 1: return pick(Self.numberWords)
        case 2: return "\(random.below(100)).\(random.below(100))"
        case 3: return "about \(pick(["two dozen", "24", "a dozen", "Fifty", "50", "half a million"]))"
        case 4: return "\(random.below(10))\(pick(["m", "bn", "k", " million", " billion", "%", "th", "s", "-year-old"]))"
        case 5: return String(random.below(3000))
        case 6: return "\(random.below(100))-\(random.below(100))"
        case 7: return "\(random.below(10)) 1/2"
        case 8: return "No. \(random.below(10))"
        case 9: return "\(1900 + random.below(130))s"
        case 10: return "−\(random.below(50))"
        case 11: return String(repeating: "9", count: 1 + random.below(40))
        default: return String(random.below(100))
        }
    }

    mutating func money() -> String {
        pick(["$", "£", "€", "US$", "¥", ""]) + number() + pick(["", "bn", " billion", " dollars", " a year", "m"])
    }

    mutating func percent() -> String { "\(random.below(200))\(pick(["%", " per cent", " percent", ".5%"]))" }

    mutating func clock() -> String {
        pick(["\(random.below(13)):\(random.below(60)) \(pick(["a.m.", "p.m.", "am", "PM"]))", "0\(random.below(10))00", "06:00", "noon", "\(random.below(24))h\(random.below(60))"])
    }

    mutating func date() -> String {
        let day = random.below(32), month = pick(Self.months), year = 1900 + random.below(130)
        switch random.below(8) {
        case 0: return "\(day) \(month) \(year)"
        case 1: return "\(month) \(day), \(year)"
        case 2: return "\(day)th \(month), \(year)"
        case 3: return pick(Self.weekdays)
        case 4: return "\(month) \(day)"
        case 5: return "\(year)-\(random.below(13))-\(day)"
        case 6: return "\(day)/\(random.below(13))/\(year)"
        default: return "\(pick(Self.weekdays)), \(month) \(day)"
        }
    }

    mutating func reword(_ sentence: String) -> String {
        var words = sentence.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard !words.isEmpty else { return sentence }
        for _ in 0..<(1 + random.below(3)) {
            let at = random.below(words.count)
            switch random.below(4) {
            case 0: words[at] = pick(Self.commonWords)
            case 1: words.insert(number(), at: at)
            case 2 where words.count > 1: words.remove(at: at)
            default: words[at] = name()
            }
        }
        return words.joined(separator: " ")
    }

    /// The characters real pages carry and a terminal or report must not pass on raw.
    mutating func hostileLine() -> String {
        let pieces = ["\u{1B}[2J\u{1B}]0;pwned\u{07}", "\u{9B}31m", "\u{202E}reversed\u{202C}", "\u{2066}isolate\u{2069}", "\u{0}", "\u{7F}",
                      "\u{FFF9}anno\u{FFFA}tation\u{FFFB}", "\u{E0041}\u{E007F}", "👨‍👩‍👧‍👦", "🇺🇦", "👍🏽", "e\u{301}\u{302}\u{303}", "中文新闻报道",
                      "<script>alert(1)</script>", "&amp;&lt;", "\r\n", "\u{2028}", "\u{FEFF}", "\t\t", "ﬂ", String(repeating: "x", count: 300),
                      "\u{200B}", "\u{AD}", "Ⅻ", "٣٤٥", "\u{D7FF}"]
        return (0..<(2 + random.below(8))).map { _ in random.chance(0.5) ? pick(pieces) : sentence() }.joined(separator: " ")
    }

    mutating func capitalisingFirst(_ text: String) -> String {
        guard let first = text.first, random.chance(0.9) else { return text }
        return first.uppercased() + text.dropFirst()
    }

    mutating func pick<T>(_ options: [T]) -> T { options[random.below(options.count)] }

    // MARK: Vocabulary

    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    static let titles = ["Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "Sen.", "Rep.", "Prof.", "Lt. Col.", "Sir", "President", "Mr", "Dr"]
    static let firstNames = ["Vladimir", "Volodymyr", "Donald", "Ed", "Wilfrid", "Anna", "María", "José", "Olena", "Li", "Kwame", "Jean-Luc", "Zoë", "Ahmed"]
    static let surnames = ["Putin", "Zelensky", "Zelenskyy", "Trump", "Balls", "Laurier", "Witkoff", "Nguyen", "García", "Müller", "Smith", "Okafor", "Kim", "Ivanova"]
    static let places = ["Kursk", "Ukraine", "the United States", "New York", "Sumy Oblast", "Port-au-Prince", "São Paulo", "the Gulf of Mexico", "Washington", "Kyiv", "Moscow"]
    static let outlets = ["Reuters", "the BBC", "Truth Social", "AP", "The New York Times", "CNN", "Fox News"]
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "Sept.", "Jan."]
    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let numberWords = ["one", "two", "three", "Fifty", "a hundred", "thousands", "dozens", "twenty-one", "half", "a third"]
    static let verbs = ["said", "told", "demanded", "announced", "rejected", "signed", "denied", "confirmed", "fled", "went", "gained", "disputed", "challenged"]
    static let speech = ["said", "told reporters", "wrote", "added", "says", "according to", "insisted", "asked"]
    static let nouns = ["troops", "soldiers", "talks", "ceasefire", "border", "officials", "photos", "loans", "miles", "web pages", "guns", "handgun", "hand-gun", "students", "schools"]
    static let commonWords = ["the", "a", "Snooker", "Category", "Students", "Schools", "A", "I've", "It", "Then", "Officials", "Monday", "But", "However", "In", "US"]
    static let capitalisedWords = ["Officials", "Then", "A", "B", "C", "The", "Senate-drafted", "Republican-dominated", "House", "Families", "Breaking", "Exclusive"]
    static let chrome = ["Share this article", "Read more", "5 min read", "Source link", "Advertisement", "© 2026 All rights reserved.", "Sign up for our newsletter", "Photo: Reuters"]
}

extension String {
    /// "1234567" → "1,234,567".
    func reversedGroups() -> String {
        var out: [Character] = []
        for (i, c) in reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return String(out.reversed())
    }
}

/// A small, fast, seeded random number generator (Steele, Lea and Flood's SplitMix64): the same
/// text on every run of a seed.
public struct SplitMix: RandomNumberGenerator {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// A number in 0..<bound (0 when bound is not positive).
    public mutating func below(_ bound: Int) -> Int { bound > 0 ? Int(next() % UInt64(bound)) : 0 }
    /// A number in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    public mutating func chance(_ probability: Double) -> Bool { unit() < probability }
}
