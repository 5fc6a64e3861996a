import Foundation
import TOMLKit

/// The user's settings: `$XDG_CONFIG_HOME/storydiff/config.toml` (else
/// `~/.config/storydiff/config.toml`), or the file `STORYDIFF_CONFIG` names. Read with TOMLKit,
/// as the themes are. Every key is optional; command-line options win over it.
///
/// ```toml
/// theme = "light"              # a theme name or a .toml file
/// layout = "stacked"           # auto, side-by-side, stacked
/// word-emphasis = false        # the reader's word-level emphasis (w)
/// only-differences = true      # reports (and the reader, as f) leave out identical rows
/// color = "never"              # the text report's colour: auto, always, never
/// format = "md"                # the report written when the output is not a terminal
/// fetch-timeout = 60           # seconds for a page named by URL
/// user-agent = "newsroom-bot"  # sent with URL requests
/// ```
public struct ConfigFile: Sendable, Equatable {
    public var theme: String?
    public var layout: Reader.LayoutChoice?
    public var wordEmphasis: Bool?
    public var onlyDifferences: Bool?
    public var color: String?
    public var format: String?
    public var fetchTimeout: Double?
    public var userAgent: String?
    /// The file read, when there was one.
    public var path: String?

    public init() {}

    /// A file setting every key, with what each does (README and the man page show it).
    public static let example = """
        theme = "light"              # a theme name or a .toml file (default: dark)
        layout = "stacked"           # auto, side-by-side, stacked (default: auto)
        word-emphasis = false        # the reader's word-level emphasis, w (default: true)
        only-differences = true      # reports leave out identical rows; the reader opens as f (default: false)
        color = "never"              # the text report's colour: auto, always, never (default: auto)
        format = "md"                # the report when the output is not a terminal (default: text)
        fetch-timeout = 60           # seconds for a page named by URL (default: 30)
        user-agent = "newsroom-bot"  # sent with URL requests
        """

    /// Every key, in the order `--print-config` lists them.
    public static let keys = ["theme", "layout", "word-emphasis", "only-differences", "color", "format", "fetch-timeout", "user-agent"]

    /// The value of a key as the file gave it, or nil when it did not.
    public func value(of key: String) -> String? {
        switch key {
        case "theme": return theme
        case "layout": return layout.map(Self.layoutName)
        case "word-emphasis": return wordEmphasis.map { "\($0)" }
        case "only-differences": return onlyDifferences.map { "\($0)" }
        case "color": return color
        case "format": return format
        case "fetch-timeout": return fetchTimeout.map(Self.seconds)
        case "user-agent": return userAgent
        default: return nil
        }
    }

    public static func layoutName(_ choice: Reader.LayoutChoice) -> String {
        switch choice {
        case .automatic: return "auto"
        case .sideBySide: return "side-by-side"
        case .stacked: return "stacked"
        }
    }

    public static func layout(named name: String) -> Reader.LayoutChoice? {
        switch name {
        case "auto", "automatic": return .automatic
        case "side-by-side": return .sideBySide
        case "stacked": return .stacked
        default: return nil
        }
    }

    public static func seconds(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(value) }

    /// Where the file is looked for: `STORYDIFF_CONFIG`, else the XDG place, else ~/.config.
    public static func location(environment: [String: String]) -> String? {
        if let path = environment["STORYDIFF_CONFIG"], !path.isEmpty { return path }
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/storydiff/config.toml" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.config/storydiff/config.toml" }
        return nil
    }

    /// The settings of the file, and what was wrong with it (one line naming the file, the line
    /// and the column). A file that does not exist is no settings and no problem, unless
    /// `STORYDIFF_CONFIG` named it. A file that does not parse gives no settings; a key with a
    /// bad value is left out and the rest kept.
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment) -> (config: ConfigFile, problem: String?) {
        guard let path = location(environment: environment) else { return (ConfigFile(), nil) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            let named = environment["STORYDIFF_CONFIG"].map { !$0.isEmpty } ?? false
            return (ConfigFile(), named ? "\(path): no such file (STORYDIFF_CONFIG); using the defaults" : nil)
        }
        guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8) else {
            return (ConfigFile(), "\(path): cannot be read as UTF-8 text; using the defaults")
        }
        var (config, problem) = parse(text, source: path)
        config.path = path
        return (config, problem)
    }

    /// Parses the file's text; `source` names it in problems.
    public static func parse(_ text: String, source: String) -> (config: ConfigFile, problem: String?) {
        let table: TOMLTable
        do { table = try TOMLTable(string: text) }
        catch let error as TOMLParseError {
            return (ConfigFile(), "\(source): line \(error.source.begin.line), column \(error.source.begin.column): \(error.description); using the defaults")
        } catch {
            return (ConfigFile(), "\(source): \(error); using the defaults")
        }
        var config = ConfigFile()
        var problems: [String] = []
        func bad(_ key: String, _ message: String) {
            let (line, column) = position(of: key, in: text)
            problems.append("\(source): line \(line), column \(column): \(message)")
        }
        for key in table.keys.sorted(by: { position(of: $0, in: text) < position(of: $1, in: text) }) {
            let value = table[key]
            switch key {
            case "theme":
                if let name = value?.string, !name.isEmpty { config.theme = name } else { bad(key, "theme must be a theme name or a .toml file") }
            case "layout":
                if let name = value?.string, let choice = layout(named: name) { config.layout = choice }
                else { bad(key, "layout must be \"auto\", \"side-by-side\" or \"stacked\"") }
            case "word-emphasis":
                if let flag = value?.bool { config.wordEmphasis = flag } else { bad(key, "word-emphasis must be true or false") }
            case "only-differences":
                if let flag = value?.bool { config.onlyDifferences = flag } else { bad(key, "only-differences must be true or false") }
            case "color", "colour":
                if let name = value?.string, ["auto", "always", "never"].contains(name) { config.color = name }
                else { bad(key, "color must be \"auto\", \"always\" or \"never\"") }
            case "format":
                if let name = value?.string, ["text", "json", "html", "md"].contains(name) { config.format = name }
                else { bad(key, "format must be \"text\", \"json\", \"html\" or \"md\"") }
            case "fetch-timeout":
                let seconds = value?.double ?? value?.int.map(Double.init)
                if let seconds, seconds > 0, seconds.isFinite { config.fetchTimeout = seconds }
                else { bad(key, "fetch-timeout must be a number of seconds above 0") }
            case "user-agent":
                if let agent = value?.string, !agent.isEmpty, !agent.contains(where: { $0.isNewline }) { config.userAgent = agent }
                else { bad(key, "user-agent must be one line of text") }
            default:
                bad(key, "unknown key \"\(key)\" (keys: \(keys.joined(separator: ", ")))")
            }
        }
        // One line: the first problem, and how many more.
        guard let first = problems.first else { return (config, nil) }
        let more = problems.count > 1 ? " (and \(problems.count - 1) more)" : ""
        return (config, first + more + "; that setting is left at its default")
    }

    /// Line and column (from 1) where a top-level key is set: the first line that starts with it.
    static func position(of key: String, in text: String) -> (Int, Int) {
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            for spelling in [key, "\"\(key)\"", "'\(key)'"] where trimmed.hasPrefix(spelling) {
                let rest = trimmed.dropFirst(spelling.count).drop { $0 == " " || $0 == "\t" }
                if rest.hasPrefix("=") { return (number + 1, line.count - trimmed.count + 1) }
            }
        }
        return (1, 1)
    }
}

extension Reader {
    /// The user's standing choices (configuration file or options), applied as the reader opens:
    /// the layout, word emphasis, and whether to start showing only differences (as f).
    public mutating func applyPreferences(layout: LayoutChoice?, wordEmphasis: Bool?, onlyDifferences: Bool) {
        if let layout { layoutChoice = layout }
        if let wordEmphasis { self.wordEmphasis = wordEmphasis }
        if onlyDifferences && filter == .everything { relayoutFiltered(.differences) }
        cachedLayoutReset()
    }
}
