import CLibXML2
import Foundation

/// Extracts the article from a saved web page with libxml2's HTML parser: the headline, the
/// body paragraphs (paragraphs, quotes, list items and subheads of the article element or of the
/// densest block of paragraphs), and the provenance the page declares. Scripts, styles,
/// navigation, headers, footers, asides, forms, share bars, comments and related-story lists are
/// dropped.
public enum HTMLExtractor {
    public struct Article: Sendable, Equatable {
        /// The headline, then the body's blocks; a `<br>` is a line break inside its block.
        public var paragraphs: [String]
        /// The headline (the first paragraph) when the page gives one.
        public var headline: String?
        public var provenance: Provenance
        /// Words of the page's visible text, and of the article found in it (headline excluded):
        /// a small share means the article may be lost.
        public var pageWords = 0
        public var articleWords = 0
        /// Share of the article's text inside links: over half, and it is a menu or a list of stories.
        public var articleLinkShare = 0.0
        public var text: String { paragraphs.joined(separator: "\n\n") }
        /// The article without its headline.
        public var body: ArraySlice<String> { paragraphs.dropFirst(headline == nil ? 0 : 1) }
    }

    /// Whether bytes look like HTML: by the file's extension, or by how the content starts.
    public static func looksLikeHTML(_ bytes: [UInt8], name: String) -> Bool {
        let lower = name.lowercased()
        if [".html", ".htm", ".xhtml", ".shtml"].contains(where: lower.hasSuffix) { return true }
        let head = String(decoding: bytes.prefix(2048), as: UTF8.self).lowercased()
        let start = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if start.hasPrefix("<!doctype html") || start.hasPrefix("<html") || start.hasPrefix("<?xml") && head.contains("<html") { return true }
        return start.hasPrefix("<") && (head.contains("<body") || head.contains("<p>") || head.contains("<div"))
    }

    /// The charset a page declares in its first bytes (`<meta charset>` or http-equiv).
    public static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        guard let range = head.range(of: "charset=") else { return nil }
        var label = head[range.upperBound...].prefix { !" \"';>/\n\r\t".contains($0) }
        if label.isEmpty, let quote = head[range.upperBound...].first, quote == "\"" || quote == "'" {
            label = head[head.index(after: range.upperBound)...].prefix { $0 != quote }
        }
        return label.isEmpty ? nil : String(label)
    }

    /// Parses a page with libxml2's forgiving HTML parser (no network, no error output).
    static func parse(_ text: String) -> xmlDocPtr? {
        let bytes = Array(text.utf8)
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_RECOVER.rawValue)
        guard !bytes.isEmpty else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                htmlReadMemory($0, Int32(clamping: bytes.count), "page.html", "UTF-8", options)
            }
        }
    }

    static func body(of document: xmlDocPtr) -> DOM.Node? {
        guard let root = xmlDocGetRootElement(document) else { return nil }
        if DOM.name(root) == "body" { return root }
        return DOM.elementChildren(root).first { DOM.name($0) == "body" } ?? root
    }

    /// The words a reader sees on the page: the body's text without scripts, styles and hidden
    /// elements (what the article is weighed against, and how a reference extraction is read).
    public static func visibleText(_ html: String) -> String {
        guard let document = parse(html) else { return "" }
        defer { xmlFreeDoc(document) }
        guard let body = body(of: document) else { return "" }
        return BlockCollector.paragraphs(body).joined(separator: "\n\n")
    }

    public static func extract(_ text: String) -> Article {
        // What the page says of itself and how many words it shows, from a first parse that is
        // freed before the attempts (one parsed page in memory at a time).
        guard let document = parse(text) else { return Article(paragraphs: [], headline: nil, provenance: Provenance()) }
        guard let root = xmlDocGetRootElement(document) else {
            xmlFreeDoc(document)
            return Article(paragraphs: [], headline: nil, provenance: Provenance())
        }
        var page = PageFacts()
        page.collect(root)
        let pageWords = body(of: document).map { BlockCollector.paragraphs($0).reduce(0) { $0 + DOM.wordCount($1) } } ?? 0
        xmlFreeDoc(document)

        // Attempts with the filters relaxed one by one, as long as too little text is found;
        // each on a fresh copy of the page, since an attempt removes what it does not keep.
        let attempts: [ArticleFinder.Flags] = [.all, [.weightClasses, .cleanConditionally], [.cleanConditionally], []]
        var results: [[String]] = []
        var linkShares: [Double] = []
        var foundByline: String?
        for flags in attempts {
            guard let copy = parse(text) else { break }
            defer { xmlFreeDoc(copy) }
            guard let body = body(of: copy) else { break }
            var finder = ArticleFinder(document: copy, flags: flags)
            let content = finder.find(body: body)
            let blocks = content.map(BlockCollector.paragraphs) ?? []
            foundByline = foundByline ?? finder.byline
            results.append(blocks)
            linkShares.append(content.map(DOM.linkDensity) ?? 0)
            if blocks.reduce(0, { $0 + $1.count }) >= ArticleFinder.enoughText { break }
        }
        // The longest result; but a stricter attempt that found two thirds as much wins (a
        // short article is short, and relaxing the filters mostly brings back chrome).
        let lengths = results.map { $0.reduce(0) { $0 + $1.count } }
        let longest = lengths.max() ?? 0
        let chosen = results.indices.first { 3 * lengths[$0] >= 2 * longest }
        var best = chosen.map { results[$0] } ?? []
        let linkShare = chosen.map { linkShares[$0] } ?? 0
        // Nothing scored (a page of bare text, or one block): all of the visible text.
        if best.isEmpty, let again = parse(text) {
            if let body = body(of: again) { best = BlockCollector.paragraphs(body) }
            xmlFreeDoc(again)
        }

        let metadata = page.metadata()
        let title = metadata.title ?? page.firstH1
        // The story's headline is the page's own <h1> when the declared title holds it ("Bridge
        // closes" inside "Bridge closes | Daily"): the title without the site's name.
        var headline = title
        if let title, let h1 = page.firstH1, DOM.wordCount(h1) >= 2, DOM.fold(title).lowercased().contains(DOM.fold(h1).lowercased()) {
            headline = h1
        }
        if headline?.isEmpty == true { headline = nil }
        var paragraphs: [String] = []
        if let headline { paragraphs.append(headline) }
        let folded = headline.map(DOM.fold)
        for block in best where !block.isEmpty && DOM.fold(block) != folded { paragraphs.append(block) }
        let bodyWords = paragraphs.dropFirst(headline == nil ? 0 : 1).reduce(0) { $0 + DOM.wordCount($1) }
        return Article(paragraphs: paragraphs, headline: headline, provenance: Provenance(
            title: title, byline: metadata.byline ?? foundByline, date: metadata.date ?? page.timeDatetime,
            canonicalURL: page.canonical ?? page.jsonLD.url ?? page.meta["og:url"]), pageWords: pageWords, articleWords: bodyWords,
            articleLinkShare: linkShare)
    }

    /// Text of a node for metadata: folded, nil when empty.
    static func nonEmpty(_ text: String) -> String? {
        let folded = DOM.fold(text)
        return folded.isEmpty ? nil : folded
    }

    /// What the page says about itself.
    struct PageFacts {
        var title: String?
        /// Meta tags by normalised key ("og:title", "dc:creator", "author", …): first value wins.
        var meta: [String: String] = [:]
        var timeDatetime: String?
        var canonical: String?
        var firstH1: String?
        /// The texts of the page's h1 and h2 headings (a title with a colon is kept whole when one matches it).
        var headings: [String] = []
        /// Meta tags named by `name` (after those named by `property`, which Readability trusts more).
        var metaByName: [String: String] = [:]
        var jsonLD = JSONLD()

        mutating func collect(_ root: DOM.Node) {
            var stack: [DOM.Node] = [root]
            while let node = stack.popLast() {
                guard DOM.isElement(node) else { continue }
                let tag = DOM.name(node)
                switch tag {
                case "title": title = title ?? nonEmpty(DOM.rawText(node))
                case "meta":
                    if let content = DOM.attribute(node, "content").flatMap(nonEmpty) {
                        // Space-separated properties ("dc:creator og:author") each count.
                        for key in (DOM.attribute(node, "property") ?? "").lowercased().split(whereSeparator: \.isWhitespace) {
                            let normal = key.replacingOccurrences(of: ".", with: ":")
                            if meta[normal] == nil { meta[normal] = content }
                        }
                        for raw in [DOM.attribute(node, "name"), DOM.attribute(node, "itemprop")] {
                            guard let key = raw?.lowercased().replacingOccurrences(of: ".", with: ":").trimmingCharacters(in: .whitespaces), !key.isEmpty else { continue }
                            if metaByName[key] == nil { metaByName[key] = content }
                        }
                    }
                case "link":
                    if DOM.attribute(node, "rel")?.lowercased() == "canonical" { canonical = canonical ?? DOM.attribute(node, "href") }
                case "script":
                    if DOM.attribute(node, "type")?.lowercased() == "application/ld+json" { jsonLD.read(DOM.rawText(node)) }
                    continue
                case "time":
                    timeDatetime = timeDatetime ?? DOM.attribute(node, "datetime")
                case "h1", "h2":
                    let text = nonEmpty(DOM.rawText(node))
                    if tag == "h1" { firstH1 = firstH1 ?? text }
                    if let text { headings.append(text) }
                case "style", "noscript", "template": continue
                default: break
                }
                stack.append(contentsOf: DOM.children(node).reversed())
            }
        }

        struct Metadata { var title: String?; var byline: String?; var date: String? }

        /// Title, byline and date in Readability's order of trust: JSON-LD, then Dublin Core,
        /// Open Graph, Twitter and Parse.ly meta tags, then the page's own `<title>`.
        func metadata() -> Metadata {
            func first(_ keys: [String]) -> String? { keys.lazy.compactMap { meta[$0] ?? metaByName[$0] }.first }
            let title = jsonLD.title(near: self.title) ?? first(["dc:title", "dcterm:title", "og:title", "weibo:article:title",
                                                                  "weibo:webpage:title", "title", "twitter:title", "parsely-title"])
                ?? self.title.map { HTMLExtractor.cleanTitle($0, headings: headings) }
            let byline = jsonLD.author ?? first(["dc:creator", "dcterm:creator", "author", "parsely-author"])
            let date = jsonLD.date ?? first(["article:published_time", "parsely-pub-date", "datepublished", "date", "pubdate", "dc:date"])
            return Metadata(title: title.map(HTMLExtractor.decodeEntities), byline: byline.map(HTMLExtractor.decodeEntities), date: date)
        }
    }

    /// A `<title>` without the site's name, by Readability's rules: "Talks resume in Geneva |
    /// Site" → "Talks resume in Geneva"; the whole title when that leaves four words or fewer; a
    /// title with a colon keeps the part after it unless a heading reads as the whole.
    static func cleanTitle(_ title: String, headings: [String]) -> String {
        func words(_ text: String) -> Int { text.split(whereSeparator: \.isWhitespace).count }
        let separators: Set<Character> = ["|", "-", "\\", "/", ">", "»"]
        let characters = Array(title)
        // Separators standing before a space: "a - b", "a | b".
        let cuts = characters.indices.filter { separators.contains(characters[$0]) && $0 + 1 < characters.count && characters[$0 + 1] == " " }
        let hierarchical = characters.indices.contains { index in
            index > 0 && index + 1 < characters.count && ["\\", "/", ">", "»"].contains(characters[index])
                && characters[index - 1] == " " && characters[index + 1] == " "
        }
        var result = title
        if let last = cuts.last, let first = cuts.first {
            result = String(characters[..<last])
            if words(result) < 3 { result = String(characters[(first + 1)...]) }
        } else if title.contains(": ") {
            if !headings.contains(where: { DOM.fold($0) == DOM.fold(title) }), let colon = title.lastIndex(of: ":") {
                result = String(title[title.index(after: colon)...])
                if words(result) < 3, let firstColon = title.firstIndex(of: ":") { result = String(title[title.index(after: firstColon)...]) }
                else if let firstColon = title.firstIndex(of: ":"), words(String(title[..<firstColon])) > 5 { result = title }
            }
        }
        result = DOM.fold(result)
        let plain = title.filter { !separators.contains($0) }
        if words(result) <= 4 && (!hierarchical || words(result) != words(plain) - 1) { result = DOM.fold(title) }
        return result
    }

    /// `&amp;`, `&quot;`, `&#39;` and numeric references, as some pages leave them in JSON-LD and meta content.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = text
        for (entity, value) in [("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&nbsp;", " ")] {
            result = result.replacingOccurrences(of: entity, with: value)
        }
        var guardCount = 0
        while guardCount < 1000, let match = result.firstMatch(of: /&#(x?)([0-9a-fA-F]{1,6});/) {
            guardCount += 1
            let value = match.1.isEmpty ? UInt32(match.2, radix: 10) : UInt32(match.2, radix: 16)
            result.replaceSubrange(match.range, with: value.flatMap(Unicode.Scalar.init).map { String(Character($0)) } ?? "")
        }
        return result.replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The parts of a JSON-LD `NewsArticle` (or `Article`, `BlogPosting`, `ReportageNewsArticle`, …) the provenance uses.
    struct JSONLD {
        var headline: String?
        var name: String?
        var author: String?
        var date: String?
        var url: String?

        static let articleTypes: Set<String> = ["Article", "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle",
            "AskPublicNewsArticle", "BackgroundNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle",
            "Report", "SatiricalArticle", "ScholarlyArticle", "MedicalScholarlyArticle", "SocialMediaPosting", "BlogPosting",
            "LiveBlogPosting", "DiscussionForumPosting", "TechArticle", "APIReference"]

        mutating func read(_ text: String) {
            // Some pages wrap the JSON in a CDATA section or comments.
            let trimmed = text.replacingOccurrences(of: "<![CDATA[", with: "").replacingOccurrences(of: "]]>", with: "")
            guard trimmed.utf8.count < 1_000_000, let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) else { return }
            visit(object, depth: 0)
        }

        /// The headline; when the page also gives a different `name`, the one nearer the page's `<title>`.
        func title(near pageTitle: String?) -> String? {
            let headline = headline.flatMap(HTMLExtractor.nonEmpty), name = name.flatMap(HTMLExtractor.nonEmpty)
            guard let headline else { return name }
            guard let name, name != headline, let pageTitle else { return headline }
            return HTMLExtractor.similarity(name, pageTitle) > HTMLExtractor.similarity(headline, pageTitle) ? name : headline
        }

        private mutating func visit(_ object: Any, depth: Int) {
            guard depth < 8 else { return }
            if let list = object as? [Any] { list.forEach { visit($0, depth: depth + 1) }; return }
            guard let dictionary = object as? [String: Any] else { return }
            if let graph = dictionary["@graph"] { visit(graph, depth: depth + 1) }
            let types = (dictionary["@type"] as? String).map { [$0] } ?? (dictionary["@type"] as? [String]) ?? []
            guard types.contains(where: Self.articleTypes.contains) else { return }
            headline = headline ?? dictionary["headline"] as? String
            name = name ?? dictionary["name"] as? String
            date = date ?? (dictionary["datePublished"] as? String)
            url = url ?? (dictionary["url"] as? String) ?? ((dictionary["mainEntityOfPage"] as? [String: Any])?["@id"] as? String)
            if author == nil {
                let authors = (dictionary["author"] as? [Any]) ?? dictionary["author"].map { [$0] } ?? []
                let names = authors.compactMap { (($0 as? [String: Any])?["name"] as? String ?? $0 as? String).flatMap(HTMLExtractor.nonEmpty) }
                if !names.isEmpty { author = names.joined(separator: ", ") }
            }
        }
    }

    /// Share of one text's words found in the other (Readability's text similarity, 0…1).
    static func similarity(_ x: String, _ y: String) -> Double {
        let wordsX = Set(x.lowercased().split { !$0.isLetter && !$0.isNumber }), wordsY = y.lowercased().split { !$0.isLetter && !$0.isNumber }
        guard !wordsX.isEmpty, !wordsY.isEmpty else { return 0 }
        let unshared = wordsY.filter { !wordsX.contains($0) }
        return 1 - Double(unshared.joined(separator: " ").count) / Double(wordsY.joined(separator: " ").count)
    }
}
