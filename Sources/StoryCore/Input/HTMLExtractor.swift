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
        public var provenance: Provenance
        public var text: String { paragraphs.joined(separator: "\n\n") }
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

    public static func extract(_ text: String) -> Article {
        let bytes = Array(text.utf8)
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_RECOVER.rawValue)
        guard !bytes.isEmpty, let document = bytes.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                htmlReadMemory($0, Int32(clamping: bytes.count), "page.html", "UTF-8", options)
            }
        }) else { return Article(paragraphs: [], provenance: Provenance()) }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return Article(paragraphs: [], provenance: Provenance()) }

        var page = PageFacts()
        page.collect(root)
        let container = page.bestContainer() ?? root
        var blocks: [String] = []
        collectBlocks(container, into: &blocks)

        let headline = page.firstH1 ?? page.jsonLD.headline ?? page.ogTitle ?? page.title
        var paragraphs: [String] = []
        if let headline, !headline.isEmpty { paragraphs.append(headline) }
        for block in blocks where !block.isEmpty && block != headline { paragraphs.append(block) }
        let provenance = Provenance(title: headline ?? page.title,
                                    byline: page.jsonLD.author ?? page.author ?? page.bylineText,
                                    date: page.jsonLD.date ?? page.publishedTime ?? page.timeDatetime,
                                    canonicalURL: page.canonical ?? page.jsonLD.url ?? page.ogURL)
        return Article(paragraphs: paragraphs, provenance: provenance)
    }

    // MARK: Walking the tree

    static let skippedTags: Set<String> = [
        "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "figure", "figcaption",
        "iframe", "svg", "template", "select", "input", "textarea", "label", "menu", "dialog", "object", "embed", "video", "audio", "canvas",
    ]
    static let blockTags: Set<String> = ["p", "blockquote", "li", "h2", "h3", "h4", "h5", "h6", "pre", "dd", "dt"]
    /// Words in class or id that mark site chrome around an article.
    static let chromeMarks = [
        "share", "social", "comment", "related", "newsletter", "promo", "advert", "ad-", "ads", "subscribe", "recirc",
        "more-stories", "read-more", "readmore", "outbrain", "taboola", "sidebar", "popup", "cookie", "breadcrumb",
        "signup", "paywall", "trending", "recommend", "author-bio", "tags", "toolbar", "jump-link", "caption", "credit",
    ]

    static func name(_ node: xmlNodePtr) -> String {
        guard let raw = node.pointee.name else { return "" }
        return String(cString: raw).lowercased()
    }

    static func attribute(_ node: xmlNodePtr, _ key: String) -> String? {
        guard let value = xmlGetProp(node, key) else { return nil }
        defer { cx_free(value) }
        return String(cString: value)
    }

    static func isChrome(_ node: xmlNodePtr) -> Bool {
        let tag = name(node)
        if skippedTags.contains(tag) { return true }
        if attribute(node, "hidden") != nil || attribute(node, "aria-hidden") == "true" { return true }
        if let role = attribute(node, "role"), ["navigation", "complementary", "banner", "contentinfo", "dialog"].contains(role) { return true }
        let marks = ((attribute(node, "class") ?? "") + " " + (attribute(node, "id") ?? "")).lowercased()
        guard marks.count > 1 else { return false }
        let words = marks.split { !$0.isLetter && !$0.isNumber && $0 != "-" }.map(String.init)
        return words.contains { word in chromeMarks.contains { mark in word == mark || word.hasPrefix(mark) || word.hasSuffix("-" + mark) } }
    }

    /// Children of a node (element, text and CDATA nodes).
    static func children(_ node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child { result.append(current); child = current.pointee.next }
        return result
    }

    /// Block texts under `start`, in document order, without recursion (deep pages cannot overflow the stack).
    static func collectBlocks(_ start: xmlNodePtr, into blocks: inout [String]) {
        var stack: [xmlNodePtr] = [start]
        while let node = stack.popLast() {
            guard node.pointee.type == XML_ELEMENT_NODE else { continue }
            if node != start && isChrome(node) { continue }
            let tag = name(node)
            let nestedBlocks = tag == "blockquote" || tag == "li"
                ? children(node).contains { $0.pointee.type == XML_ELEMENT_NODE && ["p", "ul", "ol", "blockquote"].contains(name($0)) } : false
            if blockTags.contains(tag) && !nestedBlocks {
                blocks.append(inlineText(node))
                continue
            }
            stack.append(contentsOf: children(node).reversed())
        }
    }

    /// The text of a block: descendants' text, white space folded, `<br>` as a line break.
    static func inlineText(_ start: xmlNodePtr) -> String {
        var pieces = ""
        var stack: [xmlNodePtr] = [start]
        while let node = stack.popLast() {
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content { pieces += String(cString: content) }
            case XML_ELEMENT_NODE:
                let tag = name(node)
                if tag == "br" { pieces += "\n"; continue }
                if node != start && (tag == "script" || tag == "style" || tag == "noscript" || tag == "template") { continue }
                stack.append(contentsOf: children(node).reversed())
            default: continue
            }
        }
        // Fold spaces within lines, keep the line breaks <br> made.
        return pieces.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ") }
            .filter { !$0.isEmpty }
            .joined(separator: "\n")
    }

    /// What the page says about itself, and where its article is.
    struct PageFacts {
        var title: String?
        var ogTitle: String?
        var ogURL: String?
        var author: String?
        var publishedTime: String?
        var timeDatetime: String?
        var canonical: String?
        var firstH1: String?
        var bylineText: String?
        var jsonLD = JSONLD()
        var articles: [xmlNodePtr] = []
        /// Each element's weight: the text length of its direct paragraph children.
        var paragraphWeight: [(xmlNodePtr, Int)] = []

        mutating func collect(_ root: xmlNodePtr) {
            var stack: [(xmlNodePtr, Bool)] = [(root, false)]   // (node, inside chrome)
            while let (node, inChrome) = stack.popLast() {
                guard node.pointee.type == XML_ELEMENT_NODE else { continue }
                let tag = HTMLExtractor.name(node)
                switch tag {
                case "title": title = title ?? nonEmpty(HTMLExtractor.inlineText(node))
                case "meta":
                    let key = (HTMLExtractor.attribute(node, "property") ?? HTMLExtractor.attribute(node, "name") ?? "").lowercased()
                    let content = HTMLExtractor.attribute(node, "content").flatMap(nonEmpty)
                    switch key {
                    case "og:title": ogTitle = ogTitle ?? content
                    case "og:url": ogURL = ogURL ?? content
                    case "author", "article:author", "byl", "parsely-author", "sailthru.author": author = author ?? content
                    case "article:published_time", "date", "pubdate", "dc.date", "parsely-pub-date": publishedTime = publishedTime ?? content
                    default: break
                    }
                case "link":
                    if HTMLExtractor.attribute(node, "rel")?.lowercased() == "canonical" { canonical = canonical ?? HTMLExtractor.attribute(node, "href") }
                case "script":
                    if HTMLExtractor.attribute(node, "type")?.lowercased() == "application/ld+json", let content = xmlNodeGetContent(node) {
                        defer { cx_free(content) }
                        jsonLD.read(String(cString: content))
                    }
                    continue
                case "time":
                    if !inChrome { timeDatetime = timeDatetime ?? HTMLExtractor.attribute(node, "datetime") }
                case "h1":
                    if !inChrome { firstH1 = firstH1 ?? nonEmpty(HTMLExtractor.inlineText(node)) }
                case "article": articles.append(node)
                case "style", "noscript", "template": continue
                default: break
                }
                if HTMLExtractor.attribute(node, "itemprop")?.lowercased() == "articlebody" { articles.append(node) }
                let chrome = inChrome || HTMLExtractor.isChrome(node)
                if bylineText == nil, !chrome, let marks = HTMLExtractor.attribute(node, "class")?.lowercased(), marks.contains("byline") || HTMLExtractor.attribute(node, "rel") == "author" {
                    bylineText = nonEmpty(HTMLExtractor.inlineText(node))
                }
                var weight = 0
                for child in HTMLExtractor.children(node) {
                    if child.pointee.type == XML_ELEMENT_NODE, HTMLExtractor.name(child) == "p", !HTMLExtractor.isChrome(child) {
                        weight += HTMLExtractor.inlineText(child).count
                    }
                }
                if weight > 0 && !chrome { paragraphWeight.append((node, weight)) }
                for child in HTMLExtractor.children(node).reversed() { stack.append((child, chrome)) }
            }
        }

        /// The `<article>` (or articleBody) with the most paragraph text, else the densest block.
        func bestContainer() -> xmlNodePtr? {
            func text(_ node: xmlNodePtr) -> Int {
                var blocks: [String] = []
                HTMLExtractor.collectBlocks(node, into: &blocks)
                return blocks.reduce(0) { $0 + $1.count }
            }
            if let article = articles.max(by: { text($0) < text($1) }), text(article) > 200 { return article }
            return paragraphWeight.max { $0.1 < $1.1 }?.0
        }

        func nonEmpty(_ text: String) -> String? {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        }
    }

    /// The parts of a JSON-LD `NewsArticle` (or `Article`, `ReportageNewsArticle`, …) the provenance uses.
    struct JSONLD {
        var headline: String?
        var author: String?
        var date: String?
        var url: String?

        mutating func read(_ text: String) {
            guard text.utf8.count < 1_000_000, let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) else { return }
            visit(object, depth: 0)
        }

        private mutating func visit(_ object: Any, depth: Int) {
            guard depth < 8 else { return }
            if let list = object as? [Any] { list.forEach { visit($0, depth: depth + 1) }; return }
            guard let dictionary = object as? [String: Any] else { return }
            if let graph = dictionary["@graph"] { visit(graph, depth: depth + 1) }
            let types = (dictionary["@type"] as? String).map { [$0] } ?? (dictionary["@type"] as? [String]) ?? []
            guard types.contains(where: { $0.hasSuffix("Article") || $0 == "Report" }) else { return }
            headline = headline ?? dictionary["headline"] as? String
            date = date ?? (dictionary["datePublished"] as? String)
            url = url ?? (dictionary["url"] as? String) ?? ((dictionary["mainEntityOfPage"] as? [String: Any])?["@id"] as? String)
            if author == nil {
                let authors = (dictionary["author"] as? [Any]) ?? dictionary["author"].map { [$0] } ?? []
                let names = authors.compactMap { ($0 as? [String: Any])?["name"] as? String ?? $0 as? String }
                if !names.isEmpty { author = names.joined(separator: ", ") }
            }
        }
    }
}
