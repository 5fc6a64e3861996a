import Foundation
import TOMLKit

/// Why a theme could not be used. Rendered as one line naming the file.
public struct ThemeError: Error, Equatable, CustomStringConvertible, Sendable {
    public var source: String
    public var message: String
    public var description: String { "\(source): \(message)" }
}

/// Finds and parses themes: the built-in ones (from `Themes/`, embedded at build time) and the
/// user's (`$XDG_CONFIG_HOME/storydiff/themes`, else `~/.config/storydiff/themes`).
///
/// Format (TOML, as Helix themes): `name`, `description`, a `[palette]` of colour names, and
/// `[styles]` mapping each role to `{ fg, bg, bold, dim, italic, underline, reverse }`. A colour
/// is a palette name, a number 0–255, `"#rrggbb"`, or `"default"`.
public enum ThemeLoader {
    public static let defaultName = "dark"

    /// A theme found somewhere, parsed or not.
    public struct Entry: Sendable {
        public var name: String
        public var source: String
        public var result: Result<Theme, ThemeError>
    }

    /// All themes: built-in first, then the user's (a user theme with a built-in's name replaces it).
    public static func all(environment: [String: String] = ProcessInfo.processInfo.environment) -> [Entry] {
        var entries: [Entry] = EmbeddedThemes.files.map { file in
            let name = String(file.name.dropLast(".toml".count))
            return Entry(name: name, source: "built-in", result: Result { try parse(file.text, source: "built-in theme \(file.name)", fallbackName: name) }
                .mapError { $0 as? ThemeError ?? ThemeError(source: file.name, message: "\($0)") })
        }
        if let directory = userDirectory(environment: environment),
           let names = try? FileManager.default.contentsOfDirectory(atPath: directory) {
            for file in names.sorted() where file.hasSuffix(".toml") {
                let path = (directory as NSString).appendingPathComponent(file)
                let name = String(file.dropLast(".toml".count))
                let entry = Entry(name: name, source: path, result: load(path: path, fallbackName: name))
                if let existing = entries.firstIndex(where: { $0.name == name }) { entries[existing] = entry } else { entries.append(entry) }
            }
        }
        return entries
    }

    /// One theme by name, parsing only that one (a report needs its palette, not every theme):
    /// the user's file of that name, else the built-in one.
    public static func named(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> Theme? {
        if let directory = userDirectory(environment: environment) {
            let path = (directory as NSString).appendingPathComponent(name + ".toml")
            if FileManager.default.fileExists(atPath: path) { return try? load(path: path, fallbackName: name).get() }
        }
        guard let text = EmbeddedThemes.text(name + ".toml") else { return nil }
        return try? parse(text, source: "built-in theme \(name).toml", fallbackName: name)
    }

    public static func userDirectory(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/storydiff/themes" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.config/storydiff/themes" }
        return nil
    }

    /// The built-in default; it is part of the binary, so failing to parse it is a build defect.
    public static var builtInDefault: Theme {
        guard let text = EmbeddedThemes.text(defaultName + ".toml"), let theme = try? parse(text, source: "built-in", fallbackName: defaultName) else {
            return Theme(name: "plain", source: "built-in", description: "no colours", styles: [:])
        }
        return theme
    }

    /// Reads a theme file.
    public static func load(path: String, fallbackName: String) -> Result<Theme, ThemeError> {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            return .failure(ThemeError(source: path, message: "cannot be read as UTF-8 text"))
        }
        do { return .success(try parse(text, source: path, fallbackName: fallbackName)) }
        catch let error as ThemeError { return .failure(error) }
        catch { return .failure(ThemeError(source: path, message: "\(error)")) }
    }

    /// Parses theme text; errors name the source and, for syntax errors, the line and column.
    public static func parse(_ text: String, source: String, fallbackName: String) throws -> Theme {
        let table: TOMLTable
        do { table = try TOMLTable(string: text) }
        catch let error as TOMLParseError {
            throw ThemeError(source: source, message: "line \(error.source.begin.line), column \(error.source.begin.column): \(error.description)")
        }
        var palette: [String: TerminalColor] = [:]
        if let paletteTable = table["palette"]?.table {
            for key in paletteTable.keys {
                palette[key] = try color(paletteTable[key], palette: [:], source: source, context: "palette.\(key)")
            }
        }
        guard let stylesTable = table["styles"]?.table else {
            throw ThemeError(source: source, message: "no [styles] table")
        }
        var styles: [ThemeRole: Style] = [:]
        for key in stylesTable.keys {
            guard let role = ThemeRole(rawValue: key) else {
                let known = ThemeRole.allCases.map(\.rawValue).joined(separator: ", ")
                throw ThemeError(source: source, message: "unknown role \"\(key)\" in [styles] (roles: \(known))")
            }
            guard let entry = stylesTable[key]?.table else {
                throw ThemeError(source: source, message: "styles.\(key) must be a table such as { fg = \"green\", bold = true }")
            }
            var style = Style()
            for attribute in entry.keys {
                let value = entry[attribute]
                switch attribute {
                case "fg": style.foreground = try color(value, palette: palette, source: source, context: "styles.\(key).fg")
                case "bg": style.background = try color(value, palette: palette, source: source, context: "styles.\(key).bg")
                case "bold", "dim", "italic", "underline", "reverse":
                    guard let flag = value?.bool else {
                        throw ThemeError(source: source, message: "styles.\(key).\(attribute) must be true or false")
                    }
                    switch attribute {
                    case "bold": style.bold = flag
                    case "dim": style.dim = flag
                    case "italic": style.italic = flag
                    case "underline": style.underline = flag
                    default: style.reverse = flag
                    }
                default:
                    throw ThemeError(source: source, message: "styles.\(key) has an unknown attribute \"\(attribute)\" (fg, bg, bold, dim, italic, underline, reverse)")
                }
            }
            styles[role] = style
        }
        return Theme(name: table["name"]?.string ?? fallbackName, source: source,
                     description: table["description"]?.string ?? "", styles: styles)
    }

    private static func color(_ value: TOMLValueConvertible?, palette: [String: TerminalColor], source: String, context: String) throws -> TerminalColor {
        if let number = value?.int {
            guard (0...255).contains(number) else { throw ThemeError(source: source, message: "\(context): colour \(number) is not in 0–255") }
            return .indexed(UInt8(number))
        }
        guard let text = value?.string else {
            throw ThemeError(source: source, message: "\(context): a colour is a name, a number 0–255 or \"#rrggbb\"")
        }
        if text == "default" { return .default }
        if let named = palette[text] { return named }
        if text.hasPrefix("#"), text.count == 7, let rgb = Int(text.dropFirst(), radix: 16) {
            return .nearest(red: rgb >> 16 & 0xFF, green: rgb >> 8 & 0xFF, blue: rgb & 0xFF)
        }
        let basic = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
        if let index = basic.firstIndex(of: text) { return .indexed(UInt8(index)) }
        throw ThemeError(source: source, message: "\(context): unknown colour \"\(text)\" (not in [palette], not a number or #rrggbb)")
    }
}
