import CLibXML2
import Foundation

/// An HTML page parsed by libxml2's HTML parser, queried with XPath.
final class HTMLDocument {
    private let document: htmlDocPtr

    init?(_ html: String) {
        let bytes = Array(html.utf8)
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
        guard let parsed = bytes.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                htmlReadMemory($0, Int32(bytes.count), "report.html", "UTF-8", options)
            }
        }) else { return nil }
        document = parsed
    }

    deinit { xmlFreeDoc(document) }

    /// Text content of every node the XPath expression selects.
    func texts(_ xpath: String) -> [String] { nodes(xpath).map(Self.text) }

    /// An attribute of every element selected.
    func attributes(_ xpath: String, _ name: String) -> [String] {
        nodes(xpath).compactMap { node in
            guard let value = xmlGetProp(node, name) else { return nil }
            defer { cx_free(value) }
            return String(cString: value)
        }
    }

    func count(_ xpath: String) -> Int { nodes(xpath).count }

    private func nodes(_ xpath: String) -> [xmlNodePtr] {
        guard let context = xmlXPathNewContext(document) else { return [] }
        defer { xmlXPathFreeContext(context) }
        guard let result = xmlXPathEvalExpression(xpath, context) else { return [] }
        defer { xmlXPathFreeObject(result) }
        guard let set = result.pointee.nodesetval else { return [] }
        return (0..<Int(set.pointee.nodeNr)).compactMap { set.pointee.nodeTab[$0] }
    }

    private static func text(_ node: xmlNodePtr) -> String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { cx_free(content) }
        return String(cString: content)
    }
}
