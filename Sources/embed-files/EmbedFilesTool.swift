import Foundation

/// embed-files NAME OUTPUT FILE…: writes a Swift enum NAME whose `files` holds each file's name
/// and text. Used by the EmbedFiles build plugin; not part of the product.
@main
struct EmbedFilesTool {
    static func main() throws {
        let arguments = CommandLine.arguments.dropFirst()
        guard arguments.count >= 2 else {
            FileHandle.standardError.write(Data("usage: embed-files NAME OUTPUT FILE...\n".utf8))
            exit(2)
        }
        let name = arguments.first!, output = arguments.dropFirst().first!
        var source = "// Generated at build time by the EmbedFiles plugin. Do not edit.\n\n"
        source += "enum \(name) {\n    static let files: [(name: String, text: String)] = [\n"
        for path in arguments.dropFirst(2) {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            source += "        (\(literal(URL(fileURLWithPath: path).lastPathComponent)), \(literal(text))),\n"
        }
        source += "    ]\n\n    static func text(_ name: String) -> String? { files.first { $0.name == name }?.text }\n}\n"
        try source.write(toFile: output, atomically: true, encoding: .utf8)
    }

    /// A Swift string literal for any text.
    static func literal(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { out += "\\u{\(String(scalar.value, radix: 16))}" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
