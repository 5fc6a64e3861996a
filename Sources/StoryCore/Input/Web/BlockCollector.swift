import CLibXML2

/// Turns an article's subtree into paragraphs: each block element (paragraph, list item, quote,
/// subhead, table row, preformatted text) is one; text and inline elements standing between
/// blocks form paragraphs of their own; `<br>` is a line break inside its paragraph and two in a
/// row end it. Captions and figures stay out (they describe a picture, not the story).
enum BlockCollector {
    static let blocks: Set<String> = ["p", "blockquote", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "dd", "dt", "tr",
                                      "div", "section", "article", "main", "ul", "ol", "dl", "table", "tbody", "thead", "tfoot",
                                      "header", "address", "center", "details", "summary", "hr", "body"]
    static let skipped: Set<String> = ["script", "style", "noscript", "template", "figure", "figcaption", "iframe", "svg", "button",
                                       "select", "input", "textarea", "form", "nav", "aside", "footer", "head", "title", "picture", "img"]

    static func paragraphs(_ start: DOM.Node) -> [String] {
        var result: [String] = []
        var line = ""
        var lines: [String] = []
        var breaks = 0
        func endLine() {
            let folded = DOM.fold(line)
            if !folded.isEmpty { lines.append(folded) }
            line = ""
        }
        func endParagraph() {
            endLine()
            if !lines.isEmpty { result.append(lines.joined(separator: "\n")) }
            lines.removeAll()
            breaks = 0
        }
        // (node, entering): a block is ended when it is left, as when it is entered.
        var stack: [(DOM.Node, Bool)] = [(start, true)]
        while let (node, entering) = stack.popLast() {
            if DOM.isText(node) {
                if let content = node.pointee.content {
                    let text = String(cString: content)
                    if !text.unicodeScalars.allSatisfy(DOM.isSpace) { breaks = 0 }
                    line += text
                }
                continue
            }
            guard DOM.isElement(node) else { continue }
            let tag = DOM.name(node)
            if !entering { if blocks.contains(tag) { endParagraph() } else if tag == "td" || tag == "th" { line += " · " }; continue }
            if skipped.contains(tag) { continue }
            if tag == "br" {
                breaks += 1
                if breaks >= 2 { endParagraph() } else { endLine() }
                continue
            }
            if blocks.contains(tag) { endParagraph() }
            stack.append((node, false))
            // A list item or quote that holds paragraphs is a container, not one block.
            stack.append(contentsOf: DOM.children(node).reversed().map { ($0, true) })
        }
        endParagraph()
        // Paragraphs are folded (no space at either end); a table row's cells end with the
        // separator: not after the last.
        return result.map { paragraph in
            var text = paragraph
            while text.hasSuffix(" ·") { text.removeLast(2) }
            return text
        }.filter { !$0.isEmpty }
    }
}
