#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Gives each paragraph of a news page its role with general rules: the words of site chrome,
/// the shape of headlines, bylines, datelines and credit lines, not any one site's strings.
enum RoleClassifier {
    static func roles(of paragraphs: [String]) -> [ParagraphRole] {
        let shapes = paragraphs.map(Shape.init)
        var counts: [String: Int] = [:]
        for shape in shapes where shape.wordCount <= 6 { counts[shape.folded, default: 0] += 1 }

        var roles = shapes.map { shape -> ParagraphRole in
            if isBoilerplate(shape, repeated: counts[shape.folded, default: 0] > 1) { return .boilerplate }
            if isCredit(shape) { return .credit }
            if isByline(shape) { return .byline }
            if isDateline(shape) { return .dateline }
            return .body
        }
        // The headline: the first compared paragraph before any body text, if it is shaped like one
        // and something follows it.
        if let first = roles.indices.first(where: { roles[$0] != .boilerplate && roles[$0] != .dateline && roles[$0] != .byline }),
           roles[first] == .body, looksLikeHeadline(shapes[first]),
           roles[(first + 1)...].contains(.body) {
            roles[first] = .headline
        }
        return roles
    }

    /// What the rules look at in a paragraph.
    struct Shape {
        var text: String
        /// Lowercased, quotes and dashes folded, spaces collapsed.
        var folded: String
        /// The words, when there are at most `wordsKept` (the rules that read words are about
        /// short lines); longer paragraphs only count theirs.
        var words: [String]
        var wordCount: Int
        var lastScalar: Unicode.Scalar?

        static let wordsKept = 14

        /// Words looked at: every rule is about short paragraphs, so a long one is only read
        /// this far (a 5 MB paragraph costs no more than a short one).
        static let wordCap = 120

        init(_ text: String) {
            self.text = text
            // Rules read whole short paragraphs; of a long one, its opening is enough.
            let head = text.unicodeScalars.count > 4000 ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(4000))) : text
            folded = MatchKey.fold(head)
            foldedBytes = Array(folded.utf8)
            // One pass: letters, digits and the few marks words carry; the rest drops out.
            var words: [String] = []
            var count = 0
            var current = String.UnicodeScalarView()
            var inWord = false
            for scalar in folded.unicodeScalars {
                if count > Self.wordCap { break }
                if scalar == " " {
                    if inWord {
                        count += 1
                        if count <= Self.wordsKept { words.append(String(current)) }
                        current = String.UnicodeScalarView()
                        inWord = false
                    }
                    continue
                }
                let keep = scalar.value < 0x80
                    ? scalar.isASCIILetterOrDigit || scalar == "'" || scalar == "." || scalar == "&" || scalar == "@"
                    : scalar.isLetter || scalar.isNumeric || scalar == "©"
                if keep {
                    inWord = true
                    if count < Self.wordsKept { current.append(scalar) }
                }
            }
            if inWord {
                count += 1
                if count <= Self.wordsKept { words.append(String(current)) }
            }
            wordCount = count
            self.words = count <= Self.wordsKept ? words : []
            lastScalar = text.unicodeScalars.last
        }

        var foldedBytes: [UInt8]

        /// Whether the folded text contains `phrase` (a byte search: String's generic one is slow).
        func contains(_ phrase: String) -> Bool {
            var phrase = phrase
            return phrase.withUTF8 { needle in
                guard needle.count > 0, needle.count <= foldedBytes.count else { return false }
                return foldedBytes.withUnsafeBytes { haystack in
                    // memchr finds each candidate first byte, memcmp checks the rest (memmem is
                    // not visible from Swift's Glibc module).
                    guard let base = haystack.baseAddress, let pattern = needle.baseAddress else { return false }
                    let first = Int32(needle[0])
                    var offset = 0
                    let last = haystack.count - needle.count
                    while offset <= last {
                        guard let found = memchr(base + offset, first, last - offset + 1) else { return false }
                        let position = base.distance(to: UnsafeRawPointer(found))
                        // The second byte first, inline: most first-byte hits fail there.
                        if needle.count == 1 || (haystack[position + 1] == needle[1]
                            && memcmp(base + position, pattern, needle.count) == 0) { return true }
                        offset = position + 1
                    }
                    return false
                }
            }
        }

        /// Whether the folded text starts with `phrase`, byte for byte (String's `hasPrefix`
        /// compares by Unicode equivalence, which folded text does not need and is slow).
        func opens(with phrase: String) -> Bool {
            var phrase = phrase
            return phrase.withUTF8 { needle in
                guard let start = needle.baseAddress, needle.count <= foldedBytes.count else { return needle.isEmpty }
                return foldedBytes.withUnsafeBytes { folded in folded.baseAddress.map { memcmp($0, start, needle.count) == 0 } ?? false }
            }
        }

        var endsLikeSentence: Bool {
            guard let lastScalar else { return false }
            return ".!?…\"”’'".unicodeScalars.contains(lastScalar)
        }
    }

    // MARK: Boilerplate

    /// Words that make up site chrome: sharing, commenting, subscribing, navigation, ads, read times.
    private static let chromeWords: Set<String> = [
        "share", "shares", "shared", "tweet", "pin", "email", "e-mail", "print", "comment", "comments", "reply", "replies",
        "subscribe", "subscribed", "subscription", "newsletter", "newsletters", "signup", "login", "logout", "register",
        "advertisement", "advertisements", "advert", "ad", "ads", "sponsored", "promoted", "partner", "content",
        "read", "reading", "continue", "more", "next", "previous", "prev", "related", "recommended", "popular", "trending",
        "source", "link", "links", "exit", "mobile", "version", "skip", "menu", "home", "search", "close", "open", "app",
        "follow", "like", "click", "tap", "here", "cookie", "cookies", "privacy", "policy", "terms", "rights", "reserved",
        "copyright", "©", "facebook", "twitter", "x", "linkedin", "whatsapp", "telegram", "reddit", "instagram", "youtube",
        "tiktok", "pinterest", "flipboard", "messenger", "listen", "audio", "min", "mins", "minute", "minutes", "leave",
        "post", "view", "views", "show", "hide", "back", "top", "up", "sign", "log", "in", "out", "download", "save",
        "bookmark", "copy", "copied", "feedback", "report", "full", "screen", "image", "photo", "video", "gallery",
        "watch", "latest", "news", "updates", "alerts", "notifications", "also", "see", "story", "stories", "article",
        "articles", "page", "send", "discover", "explore", "join", "conversation", "discussion", "write", "first",
    ]
    /// Words chrome lines use around those.
    private static let glueWords: Set<String> = [
        "a", "an", "the", "this", "that", "to", "of", "on", "for", "with", "and", "or", "our", "your", "us", "you", "it",
        "now", "free", "all", "by", "via", "at", "from", "be", "is", "get", "no", "my", "me", "about", "what", "new",
    ]
    /// Phrases that mark a syndication or legal disclaimer, or a subscription prompt, at any length.
    private static let disclaimerPhrases = [
        "auto-generated", "automatically generated", "syndicated feed", "has not been edited", "not been edited by",
        "only the image", "only the headline", "views expressed", "does not endorse", "all rights reserved",
        "subscribe to our", "sign up for our", "sign up to our", "support our journalism", "become a member",
        "get the latest news", "to continue reading", "already a subscriber", "this content is not available",
        "we use cookies", "turn off your ad blocker", "published from a syndicated", "click here to",
    ]

    static func isBoilerplate(_ shape: Shape, repeated: Bool) -> Bool {
        let words = shape.words
        if shape.wordCount == 0 { return true }                // only punctuation or symbols
        if shape.opens(with: "disclaimer") || shape.opens(with: "(disclaimer") { return true }
        if shape.wordCount <= 80, disclaimerPhrases.contains(where: shape.contains) { return true }
        guard shape.wordCount <= 8 else { return false }
        if isReadTime(words) { return true }
        // A short line made only of chrome vocabulary, with at least one real chrome word.
        let chrome = words.filter { chromeWords.contains($0) }.count
        let glue = words.filter { glueWords.contains($0) }.count
        if chrome >= 1, chrome + glue == words.count, chrome * 2 >= words.count || words.count <= 3 { return true }
        // Site names: a domain, a lowercase run-together brand, or a short line repeated on the page.
        if words.count <= 4, !shape.endsLikeSentence {
            if words.contains(where: looksLikeDomain) { return true }
            if words.count == 1, let word = words.first, word.count >= 6, word.count <= 40,
               shape.text.unicodeScalars.allSatisfy({ $0.properties.isLowercase || $0.properties.numericType != nil || $0 == "-" || $0 == "_" }) {
                return true
            }
            if repeated, words.count <= 4 { return true }
        }
        if words.count <= 6, repeated, !shape.endsLikeSentence { return true }
        // A photo or image credit line.
        if words.count <= 8, ["photo:", "image:", "photograph:", "picture:", "credit:", "file photo"].contains(where: shape.opens) { return true }
        return false
    }

    private static func looksLikeDomain(_ word: String) -> Bool {
        if word.hasPrefix("www.") || word.hasPrefix("http") { return true }
        for suffix in [".com", ".org", ".net", ".co.uk", ".co", ".news", ".info", ".in", ".io", ".tv"] where word.hasSuffix(suffix) && word.count > suffix.count + 1 {
            return true
        }
        return false
    }

    /// "5 min read", "3 minute read", "Reading time: 4 minutes".
    private static func isReadTime(_ words: [String]) -> Bool {
        guard words.count <= 5, words.contains(where: { $0.hasPrefix("min") }) else { return false }
        return words.contains(where: { $0.allSatisfy(\.isNumber) }) && words.contains(where: { $0.hasPrefix("read") })
    }

    // MARK: Credits, bylines, datelines, headlines

    private static let creditPhrases = [
        "contributed reporting", "contributed to this report", "contributed to this article", "contributed research",
        "additional reporting by", "reporting by", "editing by", "edited by", "writing by", "compiled by",
        "with reporting from", "with reporting by", "reported from", "research by", "this article was written by",
        "this story was written by", "produced by",
    ]

    /// A credit phrase opens the paragraph (perhaps in parentheses) or follows a space or semicolon.
    private static let creditOpenings = creditPhrases + creditPhrases.map { "(" + $0 }
    private static let creditInside = creditPhrases.map { " " + $0 } + creditPhrases.map { ";" + $0 }

    static func isCredit(_ shape: Shape) -> Bool {
        guard shape.wordCount <= 40 else { return false }
        return creditOpenings.contains(where: shape.opens) || creditInside.contains(where: shape.contains)
    }

    static func isByline(_ shape: Shape) -> Bool {
        guard shape.wordCount >= 2, shape.wordCount <= 14, !shape.endsLikeSentence else { return false }
        return shape.opens(with: "by ") || shape.opens(with: "written by ") || shape.opens(with: "words by ")
    }

    private static let months: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
    ]
    private static let weekdays: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// A short paragraph that only says when (and perhaps where) the story was filed.
    static func isDateline(_ shape: Shape) -> Bool {
        let words = shape.words
        guard shape.wordCount >= 1, shape.wordCount <= 12, !shape.endsLikeSentence || shape.lastScalar == "." && words.count <= 6 else { return false }
        let dateWords = words.filter {
            months.contains($0) || weekdays.contains($0) || $0.allSatisfy({ $0.isNumber || $0 == ":" || $0 == "." })
                || ["updated", "published", "posted", "am", "pm", "a.m.", "p.m.", "gmt", "utc", "est", "edt", "ist", "on", "at", "last"].contains($0)
        }.count
        let hasDate = words.contains { months.contains($0) || weekdays.contains($0) } || words.contains { $0.filter(\.isNumber).count == 4 }
        if hasDate && dateWords * 2 >= words.count { return true }
        // "KYIV, Ukraine —": a place and a dash standing alone.
        if words.count <= 4, let last = shape.text.unicodeScalars.last, last == "—" || last == "–" || last == "-" { return true }
        return false
    }

    static func looksLikeHeadline(_ shape: Shape) -> Bool {
        guard shape.wordCount >= 2, shape.wordCount <= 30, !shape.text.contains("\n") else { return false }
        guard let last = shape.lastScalar else { return false }
        // Headlines rarely end with a full stop; they may end with a question or an exclamation.
        return last != "." && last != "," && last != ":" && last != ";"
    }
}
