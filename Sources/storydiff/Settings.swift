import ArgumentParser
import Foundation
import StoryCore
import StoryUI
import Synchronization

/// `--no-config`: whether the command reads the configuration file (see README, "Configuration").
struct ConfigOptions: ParsableArguments {
    @Flag(help: ArgumentHelp("Ignore the configuration file ($XDG_CONFIG_HOME/storydiff/config.toml, ~/.config/storydiff/config.toml, or the file STORYDIFF_CONFIG names)."))
    var noConfig = false

    /// Reads the file (nothing with --no-config) and makes it the one in force; a problem with it
    /// is one line on standard error, and its settings are left at their defaults.
    @discardableResult
    func load() -> ConfigFile {
        guard !noConfig else { UserConfig.use(ConfigFile()); return ConfigFile() }
        let (config, problem) = ConfigFile.load()
        if let problem { writeError("storydiff: " + problem) }
        UserConfig.use(config)
        return config
    }
}

/// The configuration in force for this run (read once, at the start of the command).
enum UserConfig {
    private static let state = Mutex(ConfigFile())
    static var current: ConfigFile { state.withLock { $0 } }
    static func use(_ config: ConfigFile) { state.withLock { $0 = config } }
}

/// `storydiff --print-config`: each setting in force, its value, and where it came from.
struct SettingsReport {
    struct Row { var key: String; var value: String; var source: String }
    var rows: [Row] = []
    let config: ConfigFile
    let file: String

    init(config: ConfigFile, ignored: Bool) {
        self.config = config
        let location = ConfigFile.location(environment: ProcessInfo.processInfo.environment)
        if ignored { file = "configuration file: ignored (--no-config)" }
        else if let path = config.path { file = "configuration file: \(path)" }
        else { file = "configuration file: none (\(location.map { "no \($0)" } ?? "no HOME"))" }
    }

    /// A setting: the command line's value, else the file's, else the default.
    mutating func add(_ key: String, commandLine: String?, fallback: String) {
        if let commandLine { rows.append(Row(key: key, value: commandLine, source: "command line")) }
        else if let value = config.value(of: key) { rows.append(Row(key: key, value: value, source: config.path ?? "configuration file")) }
        else { rows.append(Row(key: key, value: fallback, source: "default")) }
    }

    var text: String {
        let keyWidth = rows.map(\.key.count).max() ?? 0, valueWidth = rows.map { DisplayWidth.of($0.value) }.max() ?? 0
        return rows.map { row in
            row.key.padding(toLength: keyWidth + 2, withPad: " ", startingAt: 0) + SafeText.sanitize(row.value)
                + String(repeating: " ", count: max(0, valueWidth - DisplayWidth.of(row.value)) + 2) + row.source
        }.joined(separator: "\n") + "\n" + file + "\n"
    }
}

