import CLibXML2

/// Small, total helpers over libxml2's tree: names, attributes, children and text, all without
/// recursion (a page's nesting cannot overflow the stack).
enum DOM {
    typealias Node = xmlNodePtr

    static func name(_ node: Node) -> String {
        guard let raw = node.pointee.name else { return "" }
        return String(cString: raw).lowercased()
    }

    static func isElement(_ node: Node) -> Bool { node.pointee.type == XML_ELEMENT_NODE }
    static func isText(_ node: Node) -> Bool { node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE }

    static func attribute(_ node: Node, _ key: String) -> String? {
        guard let value = xmlGetProp(node, key) else { return nil }
        defer { cx_free(value) }
        return String(cString: value)
    }

    /// Class and id together, lower-cased: what the weights and marks read.
    static func marks(_ node: Node) -> String {
        ((attribute(node, "class") ?? "") + " " + (attribute(node, "id") ?? "")).lowercased()
    }

    static func children(_ node: Node) -> [Node] {
        var result: [Node] = []
        var child = node.pointee.children
        while let current = child { result.append(current); child = current.pointee.next }
        return result
    }

    static func elementChildren(_ node: Node) -> [Node] { children(node).filter(isElement) }

    static func parent(_ node: Node) -> Node? {
        guard let parent = node.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
        return parent
    }

    /// Every element under `start` (itself excluded), in document order.
    static func descendants(_ start: Node) -> [Node] {
        var result: [Node] = []
        var stack = children(start).reversed().filter(isElement)
        while let node = stack.popLast() {
            result.append(node)
            stack.append(contentsOf: children(node).reversed().filter(isElement))
        }
        return result
    }

    static func descendants(_ start: Node, named names: Set<String>) -> [Node] {
        descendants(start).filter { names.contains(name($0)) }
    }

    static func hasAncestor(_ node: Node, named tag: String, within depth: Int = 20) -> Bool {
        var current = parent(node), steps = 0
        while let node = current, steps < depth {
            if name(node) == tag { return true }
            current = parent(node)
            steps += 1
        }
        return false
    }

    /// All text under a node, as it stands (scripts and styles left out).
    static func rawText(_ start: Node) -> String {
        var pieces = ""
        var stack: [Node] = [start]
        while let node = stack.popLast() {
            if isText(node) {
                if let content = node.pointee.content { pieces += String(cString: content) }
            } else if isElement(node) {
                let tag = name(node)
                if node != start && (tag == "script" || tag == "style" || tag == "noscript" || tag == "template") { continue }
                stack.append(contentsOf: children(node).reversed())
            }
        }
        return pieces
    }

    /// The text with white space folded to single spaces and trimmed.
    static func text(_ node: Node) -> String { fold(rawText(node)) }

    /// White space by scalar, with an ASCII fast path (Character.isWhitespace was most of the
    /// extraction's time on long pages).
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
    }

    static func fold(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isSpace(scalar) { pendingSpace = !result.isEmpty; continue }
            if pendingSpace { result.append(" "); pendingSpace = false }
            result.append(scalar)
        }
        return String(result)
    }

    /// Words (runs of non-space) in a text.
    static func wordCount(_ text: String) -> Int {
        var count = 0, inWord = false
        for scalar in text.unicodeScalars {
            if isSpace(scalar) { inWord = false } else if !inWord { inWord = true; count += 1 }
        }
        return count
    }

    /// Scalars of folded text, without building it.
    static func textLength(_ node: Node) -> Int {
        var count = 0, pendingSpace = false
        for scalar in rawText(node).unicodeScalars {
            if isSpace(scalar) { pendingSpace = count > 0; continue }
            if pendingSpace { count += 1; pendingSpace = false }
            count += 1
        }
        return count
    }

    /// Share of a node's text inside links (a link to "#" counts for less, as in Readability).
    static func linkDensity(_ node: Node) -> Double {
        let length = textLength(node)
        guard length > 0 else { return 0 }
        var linked = 0.0
        for link in descendants(node, named: ["a"]) {
            let weight = (attribute(link, "href") ?? "").hasPrefix("#") ? 0.3 : 1
            linked += Double(textLength(link)) * weight
        }
        return min(1, linked / Double(length))
    }

    /// Unlinks and frees a node and everything under it.
    static func remove(_ node: Node) {
        xmlUnlinkNode(node)
        xmlFreeNode(node)
    }

    static func rename(_ node: Node, to tag: String) { xmlNodeSetName(node, tag) }

    /// A new element put where `node` stands, with `node` moved inside it.
    static func wrap(_ nodes: [Node], in tag: String, document: xmlDocPtr) -> Node? {
        guard let first = nodes.first, let wrapper = xmlNewDocNode(document, nil, tag, nil) else { return nil }
        xmlAddPrevSibling(first, wrapper)
        for node in nodes {
            xmlUnlinkNode(node)
            xmlAddChild(wrapper, node)
        }
        return wrapper
    }
}
