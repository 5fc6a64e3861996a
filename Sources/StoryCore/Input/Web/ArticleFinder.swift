import CLibXML2

/// Finds a page's article the way Mozilla's Readability does, on libxml2's tree: paragraph-like
/// elements score their ancestors (by length and commas, weighted by class and id, discounted by
/// link density); the best candidate, moved up while its ancestors hold more, takes in siblings
/// that score nearly as well; then lists, tables, forms and blocks that look like chrome are
/// cleaned out of it. When too little text is left, it tries again with the filters relaxed
/// (first the unlikely-candidate filter, then the class weights, then the conditional cleaning)
/// and keeps the longest result.
///
/// Chrome marks never remove `<html>`, `<body>` or a wrapper holding most of the page's
/// paragraph text: WordPress, Drupal and tabloid sites put `sidebar` or `header` in such classes.
struct ArticleFinder {
    struct Flags: OptionSet {
        let rawValue: Int
        static let stripUnlikely = Flags(rawValue: 1)
        static let weightClasses = Flags(rawValue: 2)
        static let cleanConditionally = Flags(rawValue: 4)
        static let all: Flags = [.stripUnlikely, .weightClasses, .cleanConditionally]
    }

    /// Below this many characters, an attempt is retried with fewer filters.
    static let enoughText = 500

    let document: xmlDocPtr
    let flags: Flags
    private var scores: [Int: Double] = [:]
    /// When each scored node was first met: ties between scores go to the earlier node.
    private var firstMet: [Int: Int] = [:]
    /// Paragraph text under each node kept (for the wrapper guard), total for the page.
    private var paragraphTextTotal = 0
    /// The first byline met in the page's visible, likely part (Readability's rule).
    private(set) var byline: String?

    init(document: xmlDocPtr, flags: Flags) {
        self.document = document
        self.flags = flags
    }

    private static func key(_ node: DOM.Node) -> Int { Int(bitPattern: node) }

    // MARK: Patterns (Readability's, as substrings of class + id)

    static let unlikely = ["-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap", "disqus", "extra",
                           "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar",
                           "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup",
                           "yom-remote", "newsletter", "subscribe", "cookie", "paywall", "outbrain", "taboola", "recirc", "trending"]
    static let maybeCandidate = ["and", "article", "body", "column", "content", "main", "shadow"]
    static let positive = ["article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post", "text", "blog", "story"]
    static let negative = ["-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead", "media", "meta",
                           "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping",
                           "tags", "widget"]
    static let unlikelyRoles: Set<String> = ["menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"]
    static let divToParagraph: Set<String> = ["blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul", "section", "article",
                                               "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "aside", "nav", "figure", "form", "main"]
    static let scored: Set<String> = ["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"]
    static let phrasing: Set<String> = ["abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em", "embed",
                                        "i", "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object", "output",
                                        "progress", "q", "ruby", "samp", "script", "select", "small", "span", "strong", "sub", "sup",
                                        "textarea", "time", "var", "wbr", "a", "del", "ins", "font", "u", "s", "strike", "big", "tt"]
    static let removedAlways: Set<String> = ["script", "style", "noscript", "template", "iframe", "svg", "object", "embed", "select",
                                             "input", "textarea", "button", "link", "meta", "canvas", "video", "audio", "dialog", "menu"]

    /// Whether any of the words stands in the marks, as a substring (byte search: Foundation's
    /// `contains` was most of the time on pages of many elements).
    static func containsAny(_ marks: String, _ words: [String]) -> Bool {
        let haystack = Array(marks.utf8)
        guard haystack.count > 1 else { return false }
        return words.contains { word in
            let needle = Array(word.utf8)
            guard let first = needle.first, needle.count <= haystack.count else { return false }
            var start = 0
            while start + needle.count <= haystack.count {
                if haystack[start] == first, haystack[start..<start + needle.count].elementsEqual(needle) { return true }
                start += 1
            }
            return false
        }
    }

    /// Readability's class weight: ±25 for class and for id.
    func classWeight(_ node: DOM.Node) -> Double {
        guard flags.contains(.weightClasses) else { return 0 }
        var weight = 0.0
        for value in [DOM.attribute(node, "class"), DOM.attribute(node, "id")] {
            guard let value = value?.lowercased(), !value.isEmpty else { continue }
            if Self.containsAny(value, Self.negative) || value == "hid" || value.hasPrefix("hid ") || value.hasSuffix(" hid") { weight -= 25 }
            if Self.containsAny(value, Self.positive) { weight += 25 }
        }
        return weight
    }

    static func isVisible(_ node: DOM.Node) -> Bool {
        if DOM.attribute(node, "hidden") != nil { return false }
        if DOM.attribute(node, "aria-hidden") == "true", !(DOM.attribute(node, "class") ?? "").contains("fallback-image") { return false }
        if let style = DOM.attribute(node, "style")?.lowercased().replacingOccurrences(of: " ", with: ""),
           style.contains("display:none") || style.contains("visibility:hidden") { return false }
        return true
    }

    /// The article under `body`, or nil when nothing scores.
    mutating func find(body: DOM.Node) -> DOM.Node? {
        paragraphTextTotal = max(1, DOM.descendants(body, named: ["p"]).reduce(0) { $0 + DOM.textLength($1) })
        let candidates = prepareAndCollect(body)
        score(candidates)
        // No candidate above the body: the body's content, as the walk left it, is the article.
        guard let top = topCandidate(body: body) else {
            clean(body)
            return body
        }
        let content = gatherSiblings(top)
        clean(content)
        return content
    }

    // MARK: 1. Prepare the tree, collect what scores

    private mutating func prepareAndCollect(_ body: DOM.Node) -> [DOM.Node] {
        var toScore: [DOM.Node] = []
        var stack: [DOM.Node] = DOM.elementChildren(body).reversed()
        while let node = stack.popLast() {
            let tag = DOM.name(node)
            if Self.removedAlways.contains(tag) || !Self.isVisible(node) { DOM.remove(node); continue }
            if byline == nil, let found = Self.byline(of: node) { byline = found }
            if flags.contains(.stripUnlikely), tag != "body", tag != "a", isUnlikely(node, tag: tag) {
                // Readability drops asides, footers and navigation only from the article it found,
                // so a byline standing in one (a post's signature) still counts.
                if byline == nil, ["aside", "footer", "nav"].contains(tag) { byline = DOM.descendants(node).lazy.compactMap(Self.byline).first }
                DOM.remove(node)
                continue
            }
            if Self.scored.contains(tag) { toScore.append(node) }
            if tag == "div" {
                // Text and inline elements standing beside blocks become paragraphs of their own.
                let children = DOM.children(node)
                if children.contains(where: { DOM.isElement($0) && Self.divToParagraph.contains(DOM.name($0)) }) {
                    var run: [DOM.Node] = []
                    func flush() {
                        // The new paragraph is visited (and scored) as one of the div's children.
                        if run.contains(where: { DOM.isElement($0) ? DOM.name($0) != "br" : !DOM.fold(DOM.rawText($0)).isEmpty }) {
                            _ = DOM.wrap(run, in: "p", document: document)
                        }
                        run.removeAll()
                    }
                    for child in children {
                        if DOM.isText(child) || (DOM.isElement(child) && Self.phrasing.contains(DOM.name(child))) { run.append(child) } else { flush() }
                    }
                    flush()
                } else {
                    DOM.rename(node, to: "p")
                    toScore.append(node)
                }
            }
            stack.append(contentsOf: DOM.elementChildren(node).reversed())
        }
        return toScore
    }

    /// A byline: rel or itemprop author, or a byline-like class or id, on a short text; the
    /// name inside it when it marks one (itemprop name), else all of its text.
    static func byline(of node: DOM.Node) -> String? {
        let rel = DOM.attribute(node, "rel")?.lowercased(), itemprop = DOM.attribute(node, "itemprop")?.lowercased() ?? ""
        let marks = DOM.marks(node)
        guard rel == "author" || (!itemprop.isEmpty && itemprop.contains("author"))
                || containsAny(marks, ["byline", "author", "dateline", "writtenby", "p-author"]) else { return nil }
        // Readability counts the text as it stands, white space included.
        let length = DOM.rawText(node).trimmingCharacters(in: .whitespacesAndNewlines).count
        guard length > 0 && length < 100 else { return nil }
        let name = DOM.descendants(node).first { (DOM.attribute($0, "itemprop") ?? "").lowercased().contains("name") }
        return HTMLExtractor.nonEmpty(DOM.rawText(name ?? node))
    }

    private func isUnlikely(_ node: DOM.Node, tag: String) -> Bool {
        if let role = DOM.attribute(node, "role")?.lowercased(), Self.unlikelyRoles.contains(role) { return !holdsMostText(node) }
        if ["nav", "aside", "footer"].contains(tag) { return !holdsMostText(node) }
        let marks = DOM.marks(node)
        guard marks.count > 1, Self.containsAny(marks, Self.unlikely), !Self.containsAny(marks, Self.maybeCandidate) else { return false }
        if DOM.hasAncestor(node, named: "table") || DOM.hasAncestor(node, named: "code") { return false }
        return !holdsMostText(node)
    }

    /// A wrapper of the page's layout, not a block of chrome: a division holding most of the
    /// page's paragraph text (a list or table holding it is a gallery or a listing, not a wrapper).
    private func holdsMostText(_ node: DOM.Node) -> Bool {
        guard ["div", "section", "main", "article", "header", "span", "form", "center", "font"].contains(DOM.name(node)) else { return false }
        let inside = DOM.descendants(node, named: ["p"]).reduce(0) { $0 + DOM.textLength($1) }
        return inside * 2 > paragraphTextTotal && inside > 200
    }

    // MARK: 2. Scores

    private func initialScore(_ node: DOM.Node) -> Double {
        var score: Double
        switch DOM.name(node) {
        case "div": score = 5
        case "pre", "td", "blockquote": score = 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": score = -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": score = -5
        default: score = 0
        }
        return score + classWeight(node)
    }

    private mutating func score(_ candidates: [DOM.Node]) {
        for node in candidates {
            guard let parent = DOM.parent(node) else { continue }
            let text = DOM.text(node)
            guard text.count >= 25 else { continue }
            let commas = text.reduce(0) { $0 + ([",", "،", "﹐", "︐", "︑", "⹀", "⸲", "，"].contains($1) ? 1 : 0) }
            let points = 1 + Double(commas + 1) + Double(min(text.count / 100, 3))
            var ancestor: DOM.Node? = parent
            var level = 0
            while let current = ancestor, level < 5 {
                let key = Self.key(current)
                if scores[key] == nil { scores[key] = initialScore(current); firstMet[key] = firstMet.count }
                let divider = level == 0 ? 1.0 : level == 1 ? 2.0 : Double(level * 3)
                scores[key, default: 0] += points / divider
                ancestor = DOM.parent(current)
                level += 1
            }
        }
        // Scaled by how much of each candidate is not links.
        var scaled: [Int: Double] = [:]
        for (key, value) in scores {
            guard let node = DOM.Node(bitPattern: key) else { continue }
            scaled[key] = value * (1 - DOM.linkDensity(node))
        }
        scores = scaled
    }

    private func score(of node: DOM.Node) -> Double? { scores[Self.key(node)] }

    private mutating func topCandidate(body: DOM.Node) -> DOM.Node? {
        let ranked = scores.compactMap { key, value in DOM.Node(bitPattern: key).map { ($0, value) } }
            .filter { DOM.name($0.0) != "html" }
            .sorted { $0.1 > $1.1 || ($0.1 == $1.1 && (firstMet[Self.key($0.0)] ?? 0) < (firstMet[Self.key($1.0)] ?? 0)) }
        guard var (top, topScore) = ranked.first, top != body else { return nil }
        // Several of the best candidates under one ancestor: the ancestor is the article.
        let others = ranked.dropFirst().prefix(4).filter { $0.1 / topScore >= 0.75 }.map(\.0)
        if others.count >= 3 {
            var ancestor = DOM.parent(top)
            while let current = ancestor, DOM.name(current) != "body" {
                let holding = others.filter { isAncestor(current, of: $0) }.count
                if holding >= 3 { top = current; break }
                ancestor = DOM.parent(current)
            }
        }
        if score(of: top) == nil { scores[Self.key(top)] = initialScore(top) }
        topScore = score(of: top) ?? topScore
        // Up while a parent holds more.
        var parent = DOM.parent(top)
        var lastScore = topScore
        let threshold = lastScore / 3
        while let current = parent, DOM.name(current) != "body" {
            guard let parentScore = score(of: current) else { parent = DOM.parent(current); continue }
            if parentScore < threshold { break }
            if parentScore > lastScore { top = current; break }
            lastScore = parentScore
            parent = DOM.parent(current)
        }
        // An only child stands for its parent.
        while let parent = DOM.parent(top), DOM.name(parent) != "body", DOM.elementChildren(parent).count == 1 { top = parent }
        return top
    }

    private func isAncestor(_ ancestor: DOM.Node, of node: DOM.Node) -> Bool {
        var current = DOM.parent(node)
        while let step = current { if step == ancestor { return true }; current = DOM.parent(step) }
        return false
    }

    // MARK: 3. Siblings

    /// The top candidate and the siblings that score nearly as well, gathered in a new element.
    private func gatherSiblings(_ top: DOM.Node) -> DOM.Node {
        guard let parent = DOM.parent(top), let content = xmlNewDocNode(document, nil, "div", nil) else { return top }
        let topScore = score(of: top) ?? 0
        let threshold = max(10, topScore * 0.2)
        let topClass = DOM.attribute(top, "class") ?? ""
        var chosen: [DOM.Node] = []
        for sibling in DOM.elementChildren(parent) {
            if sibling == top { chosen.append(sibling); continue }
            var bonus = 0.0
            if !topClass.isEmpty, DOM.attribute(sibling, "class") == topClass { bonus = topScore * 0.2 }
            if let score = score(of: sibling), score + bonus >= threshold { chosen.append(sibling); continue }
            if DOM.name(sibling) == "p" {
                let density = DOM.linkDensity(sibling)
                let text = DOM.text(sibling)
                if text.count > 80 && density < 0.25 { chosen.append(sibling) }
                else if text.count > 0 && text.count <= 80 && density == 0 && (text.hasSuffix(".") || text.contains(". ")) { chosen.append(sibling) }
            }
        }
        // The content element takes the place of the first chosen node.
        if let first = chosen.first { xmlAddPrevSibling(first, content) }
        for node in chosen {
            xmlUnlinkNode(node)
            xmlAddChild(content, node)
        }
        return content
    }

    // MARK: 4. Cleaning

    private func clean(_ content: DOM.Node) {
        // Every removal below walks innermost first (reverse document order): a removed node's
        // descendants were judged before it, so no pointer into a freed subtree is used.
        // Share bars and small blocks named as chrome inside the article.
        for node in DOM.descendants(content).reversed() {
            let marks = DOM.marks(node)
            if Self.containsAny(marks, ["share"]) && DOM.textLength(node) < 500 { DOM.remove(node); continue }
        }
        for tag in ["footer", "aside", "nav", "form"] {
            for node in DOM.descendants(content, named: [tag]).reversed() where tag != "form" || !flags.contains(.cleanConditionally) { DOM.remove(node) }
        }
        // Headings that read as chrome.
        if flags.contains(.weightClasses) {
            for heading in DOM.descendants(content, named: ["h1", "h2"]).reversed() where classWeight(heading) < 0 { DOM.remove(heading) }
        }
        if flags.contains(.cleanConditionally) {
            for tag in ["form", "fieldset", "table", "ul", "ol", "div"] {
                // Innermost first, so that a removed child does not leave a stale pointer behind.
                for node in DOM.descendants(content, named: [tag]).reversed() where node != content && shouldRemove(node, tag: tag) {
                    DOM.remove(node)
                }
            }
        }
    }

    func isDataTable(_ table: DOM.Node) -> Bool {
        if DOM.attribute(table, "role") == "presentation" || DOM.attribute(table, "datatable") == "0" { return false }
        if DOM.attribute(table, "summary") != nil { return true }
        let inside = DOM.descendants(table)
        if inside.contains(where: { ["caption", "col", "colgroup", "tfoot", "thead", "th"].contains(DOM.name($0)) }) { return true }
        if inside.contains(where: { DOM.name($0) == "table" }) { return false }
        let rows = inside.filter { DOM.name($0) == "tr" }
        let columns = rows.map { DOM.elementChildren($0).filter { ["td", "th"].contains(DOM.name($0)) }.count }.max() ?? 0
        return rows.count >= 10 || columns > 4 || rows.count * columns > 10
    }

    private func shouldRemove(_ node: DOM.Node, tag: String) -> Bool {
        if tag == "table", isDataTable(node) { return false }
        var ancestor = DOM.parent(node)
        while let current = ancestor {
            if DOM.name(current) == "table", isDataTable(current) { return false }
            if DOM.name(current) == "code" { return false }
            ancestor = DOM.parent(current)
        }
        let weight = classWeight(node)
        if weight < 0 { return true }
        let text = DOM.text(node)
        guard text.filter({ $0 == "," }).count < 10 else { return false }
        let inside = DOM.descendants(node)
        func count(_ names: Set<String>) -> Int { inside.filter { names.contains(DOM.name($0)) }.count }
        let paragraphs = count(["p"]), images = count(["img"]), items = count(["li"]) - 100, inputs = count(["input"])
        let embeds = count(["object", "embed", "iframe"])
        let length = text.count
        var isList = tag == "ul" || tag == "ol"
        if !isList, length > 0 {
            let listLength = inside.filter { ["ul", "ol"].contains(DOM.name($0)) }.reduce(0) { $0 + DOM.textLength($1) }
            isList = Double(listLength) / Double(length) > 0.9
        }
        let headingLength = inside.filter { ["h1", "h2", "h3", "h4", "h5", "h6"].contains(DOM.name($0)) }.reduce(0) { $0 + DOM.textLength($1) }
        let headingDensity = length > 0 ? Double(headingLength) / Double(length) : 0
        let linkDensity = DOM.linkDensity(node)
        let inFigure = DOM.hasAncestor(node, named: "figure")
        let textish: Set<String> = ["span", "li", "td", "p", "blockquote", "dl", "div", "pre", "table", "ul", "ol"]
        let textishLength = inside.filter { textish.contains(DOM.name($0)) }.reduce(0) { $0 + DOM.textLength($1) }
        var remove = (!inFigure && images > 1 && Double(paragraphs) / Double(images) < 0.5)
            || (!isList && items > paragraphs)
            || (inputs > paragraphs / 3)
            || (!isList && !inFigure && headingDensity < 0.9 && length < 25 && (images == 0 || images > 2) && linkDensity > 0)
            || (!isList && weight < 25 && linkDensity > 0.2)
            || (weight >= 25 && linkDensity > 0.5)
            || (embeds == 1 && length < 75) || embeds > 1
            || (images == 0 && textishLength == 0 && length == 0)
        // A list of images alone stays.
        if isList && remove {
            let children = DOM.elementChildren(node)
            if children.allSatisfy({ DOM.elementChildren($0).count <= 1 }), images == count(["li"]) { remove = false }
        }
        return remove
    }
}
