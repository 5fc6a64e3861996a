import Foundation
import Testing

/// The tools around the program: the man page, completions, git's external diff and difftool,
/// the configuration file.
@Suite("Install, man page, completions, git, configuration")
struct ToolsTests {
    let original = BinaryRunner.sample("kursk-original.txt"), syndicated = BinaryRunner.sample("kursk-syndicated.txt")

    static func which(_ program: String) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(directory)/\(program)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    static func shell(_ script: String, in directory: URL? = nil, environment extra: [String: String] = [:]) throws -> BinaryRunner.Result {
        var environment = ProcessInfo.processInfo.environment
        environment.merge(extra) { $1 }
        let prefix = directory.map { "cd '\($0.path)' && " } ?? ""
        return try BinaryRunner.run(["-c", prefix + script], executable: URL(fileURLWithPath: "/bin/sh"), environment: environment)
    }

    /// Environment for a run that must not see the user's configuration.
    static func isolated(_ directory: URL) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = directory.path
        environment["STORYDIFF_CONFIG"] = nil
        return environment
    }

    @Test("the man page names every subcommand, option and reader key, and man renders it")
    func manualIsComplete() throws {
        let page = try BinaryRunner.run(["manual"])
        #expect(page.status == 0)
        #expect(page.stdout.hasPrefix(".TH STORYDIFF 1 "))
        // roff escapes - as \- ; read the page as the user will.
        let text = page.stdout.replacingOccurrences(of: "\\-", with: "-")
        for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "SUBCOMMANDS", "READER KEYS", "THEMES", "CONFIGURATION", "GIT", "FILES", "ENVIRONMENT", "EXIT STATUS", "EXAMPLES"] {
            #expect(text.contains(".SH \"\(section)\""), "section \(section)")
        }
        for subcommand in ["facts", "quotes", "segment", "score", "batch"] {
            #expect(text.contains(".SS \"storydiff \(subcommand)\""), "subcommand \(subcommand)")
        }
        // Every option any command's help lists.
        let help = try BinaryRunner.run(["--help"]).stdout
        var options = Set(help.matches(of: /--[a-z][a-z-]+/).map { String($0.output) })
        for subcommand in ["facts", "quotes", "segment", "score", "batch"] {
            options.formUnion(try BinaryRunner.run([subcommand, "--help"]).stdout.matches(of: /--[a-z][a-z-]+/).map { String($0.output) })
        }
        options.subtract(["--help", "--version"])
        #expect(options.count > 15)
        for option in options.sorted() { #expect(text.contains(option), "option \(option)") }
        // Every key of the reader's help, as its first column gives them.
        let keys = ["j", "k", "Space", "PgDn", "g", "G", "}", "u", "o", "O", ">", "a", "c", "x", "Tab", "Enter", "i", "Ctrl-O", "''",
                    "/", "n", "N", "f", "d", "z", "w", "t", "L", "e", "s", "F", "Q", "v", "V", "D", "?", "h", "Esc", "q"]
        let keyLines = text.components(separatedBy: ".SH \"READER KEYS\"").last?.components(separatedBy: ".SH").first ?? ""
        for key in keys {
            #expect(keyLines.split(separator: "\n").contains { $0.split(separator: " ").contains(Substring(key)) }, "key \(key)")
        }
        if let man = Self.which("man") {
            let directory = try BinaryRunner.scratch()
            defer { try? FileManager.default.removeItem(at: directory) }
            let file = directory.appendingPathComponent("storydiff.1")
            try page.stdout.write(to: file, atomically: true, encoding: .utf8)
            let rendered = try Self.shell("MANWIDTH=100 '\(man)' -l '\(file.path)' 2>&1", environment: ["MANPAGER": "cat", "PAGER": "cat"])
            #expect(rendered.status == 0)
            #expect(rendered.stdout.contains("READER KEYS"))
            #expect(rendered.stdout.contains("--print-config"))
            #expect(!rendered.stdout.contains("warning"))
        }
    }

    @Test("make install PREFIX=… DESTDIR=…: the binary, man page and completions; the binary works alone; make uninstall removes them")
    func makeInstall() throws {
        guard Self.which("make") != nil else { print("skipped: make is not installed"); return }
        let directory = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let stage = directory.appendingPathComponent("stage").path, prefix = "/opt/storydiff-test"
        // The tests' binary is installed as built (SWIFT=true: no second build inside the tests).
        let variables = "PREFIX=\(prefix) DESTDIR='\(stage)' BUILT='\(BinaryRunner.binary.path)' SWIFT=true"
        let install = try Self.shell("make -s install \(variables)", in: BinaryRunner.repositoryRoot)
        #expect(install.status == 0, "\(install.stderr)")
        let root = stage + prefix
        let files = ["bin/storydiff", "share/man/man1/storydiff.1", "share/bash-completion/completions/storydiff",
                     "share/zsh/site-functions/_storydiff", "share/fish/vendor_completions.d/storydiff.fish"]
        for file in files { #expect(FileManager.default.fileExists(atPath: root + "/" + file), "\(file)") }
        // The installed binary alone, away from the source tree: the sample pair and the themes are inside it.
        let copy = directory.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        let demo = try Self.shell("'\(root)/bin/storydiff' --demo --screen 80x24", in: copy)
        #expect(demo.status == 1)
        #expect(demo.stdout.hasPrefix("» A · 66%"))
        #expect(try Self.shell("'\(root)/bin/storydiff' --list-themes", in: copy).stdout.contains("colorblind"))
        if let man = Self.which("man") {
            let page = try Self.shell("MANWIDTH=80 '\(man)' -l '\(root)/share/man/man1/storydiff.1'", environment: ["MANPAGER": "cat"])
            #expect(page.stdout.contains("STORYDIFF(1)"))
        }
        let uninstall = try Self.shell("make -s uninstall \(variables)", in: BinaryRunner.repositoryRoot)
        #expect(uninstall.status == 0)
        for file in files { #expect(!FileManager.default.fileExists(atPath: root + "/" + file), "\(file) left behind") }
    }

    @Test("completions: bash, zsh and fish scripts; story arguments complete files, --theme the theme names")
    func completions() throws {
        let bash = try BinaryRunner.run(["--generate-completion-script", "bash"])
        #expect(bash.status == 0)
        #expect(bash.stdout.contains("-F _storydiff storydiff"))
        // The main command's options complete at the top level (no `compare` needed).
        #expect(bash.stdout.contains("__storydiff_custom_complete ---completion -- --theme"))
        let zsh = try BinaryRunner.run(["--generate-completion-script", "zsh"])
        #expect(zsh.stdout.hasPrefix("#compdef storydiff"))
        let fish = try BinaryRunner.run(["--generate-completion-script", "fish"])
        #expect(fish.stdout.contains("complete -c 'storydiff'"))
        // The custom completion for --theme asks the binary, which lists the themes.
        // (as the bash script calls it: the option, the word's index and the cursor's, then the words).
        let themes = try BinaryRunner.run(["---completion", "--", "--theme", "2", "0", "storydiff", "--theme", ""])
        for name in ["colorblind", "dark", "light", "mono"] { #expect(themes.stdout.split(separator: "\n").contains(Substring(name)), "\(name)") }
        // bash loads the script and registers the completion.
        if let bash = Self.which("bash") {
            let directory = try BinaryRunner.scratch()
            defer { try? FileManager.default.removeItem(at: directory) }
            let script = directory.appendingPathComponent("storydiff.bash")
            try BinaryRunner.run(["--generate-completion-script", "bash"]).stdout.write(to: script, atomically: true, encoding: .utf8)
            let loaded = try BinaryRunner.run(["-c", "source '\(script.path)' && complete -p storydiff"], executable: URL(fileURLWithPath: bash))
            #expect(loaded.status == 0, "\(loaded.stderr)")
            #expect(loaded.stdout.contains("storydiff"))
        }
        if let zshPath = Self.which("zsh") {
            let checked = try BinaryRunner.run(["-n", "-c", zsh.stdout], executable: URL(fileURLWithPath: zshPath))
            #expect(checked.status == 0, "\(checked.stderr)")
        }
        if let fishPath = Self.which("fish") {
            let checked = try BinaryRunner.run(["--no-execute", "-c", fish.stdout], executable: URL(fileURLWithPath: fishPath))
            #expect(checked.status == 0, "\(checked.stderr)")
        }
    }

    /// A repository with story.md committed as the original, then changed to the syndicated copy.
    func repository() throws -> URL {
        let directory = try BinaryRunner.scratch()
        let setup = """
            git init -q && git config user.email test@example.com && git config user.name test && \
            cp '\(original)' story.md && printf 'unchanged\\n' > notes.txt && git add . && git commit -qm original && \
            cp '\(syndicated)' story.md
            """
        let result = try Self.shell(setup, in: directory)
        try #require(result.status == 0, "\(result.stderr)")
        return directory
    }

    @Test("git's external diff: seven arguments, both versions titled with the path and short hashes, exit 0")
    func gitExternalDiff() throws {
        guard Self.which("git") != nil else { print("skipped: git is not installed"); return }
        let directory = try repository()
        defer { try? FileManager.default.removeItem(at: directory) }
        let binary = BinaryRunner.binary.path
        let environment = Self.isolated(directory)
        let diff = try BinaryRunner.run(["-c", "cd '\(directory.path)' && git -c diff.external='\(binary)' diff"],
                                        executable: URL(fileURLWithPath: "/bin/sh"), environment: environment)
        #expect(diff.status == 0, "\(diff.stderr)")
        let hash = try Self.shell("git rev-parse --short=7 HEAD:story.md", in: directory).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let lines = diff.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "── story.md: \(hash) → working tree ──")
        #expect(lines.contains("storydiff: A = story.md (\(hash))   B = story.md (working tree)"))
        #expect(diff.stdout.contains("coverage 66%"))

        // A new file and a committed change.
        let more = try Self.shell("printf 'A new story.\\n' > added.md && git add -A && git commit -qm change && git -c diff.external='\(binary)' diff HEAD~1 HEAD",
                                  in: directory)
        #expect(more.status == 0, "\(more.stderr)")
        #expect(more.stdout.contains("storydiff: added.md: new file ("))
        #expect(more.stdout.contains("── story.md: \(hash) → "))

        // The .gitattributes recipe: only *.md goes through storydiff.
        let attributes = try Self.shell("""
            printf '*.md diff=storydiff\\n' > .gitattributes && printf 'changed\\n' > notes.txt && cp '\(original)' story.md && \
            git -c diff.storydiff.command='\(binary)' diff
            """, in: directory)
        #expect(attributes.status == 0, "\(attributes.stderr)")
        #expect(attributes.stdout.contains("── story.md: "))
        #expect(attributes.stdout.contains("+changed"))   // notes.txt: git's own diff
    }

    @Test("git difftool -x storydiff: the reader on each changed file")
    func gitDifftool() throws {
        guard Self.which("git") != nil else { print("skipped: git is not installed"); return }
        let directory = try repository()
        defer { try? FileManager.default.removeItem(at: directory) }
        let tool = try Self.shell("git difftool -y -x '\(BinaryRunner.binary.path) --screen 100x12' story.md", in: directory)
        #expect(tool.status == 0 || tool.status == 1, "\(tool.stderr)")
        let screen = tool.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(screen.first?.contains("A · 66%") == true, "\(screen.first ?? "")")
        #expect(screen.first?.contains("B · 93% matched") == true)
    }

    @Test("configuration: the file's settings, options winning over it, STORYDIFF_CONFIG, --no-config, a broken file")
    func configuration() throws {
        let directory = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        var environment = Self.isolated(directory)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("storydiff"), withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("storydiff/config.toml")
        try "format = \"md\"\nonly-differences = true\nlayout = \"stacked\"\ntheme = \"light\"\nfetch-timeout = 12\n"
            .write(to: file, atomically: true, encoding: .utf8)
        func run(_ arguments: [String]) throws -> BinaryRunner.Result { try BinaryRunner.run(arguments, environment: environment) }

        // The file's format when the output is not a terminal; --format wins.
        #expect(try run([original, syndicated]).stdout.hasPrefix("# storydiff report"))
        #expect(try run([original, syndicated, "--format", "text"]).stdout.hasPrefix("storydiff: A = "))
        #expect(try run([original, syndicated, "--no-config"]).stdout.hasPrefix("storydiff: A = "))
        // only-differences: the report leaves out identical rows unless --no-only-differences.
        let hidden = try run([original, syndicated, "--format", "text"]).stdout
        let shown = try run([original, syndicated, "--format", "text", "--no-only-differences"]).stdout
        #expect(hidden.count < shown.count)
        #expect(hidden == (try run([original, syndicated, "--format", "text", "--no-config", "--only-differences"]).stdout))
        let config = try run(["--print-config"])
        #expect(config.status == 0)
        let rows = Dictionary(config.stdout.split(separator: "\n").compactMap { line -> (String, String)? in
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            return parts.count >= 3 ? (String(parts[0]), parts.dropFirst().joined(separator: " ")) : nil
        }, uniquingKeysWith: { a, _ in a })
        #expect(rows["theme"] == "light \(file.path)")
        #expect(rows["layout"] == "stacked \(file.path)")
        #expect(rows["fetch-timeout"] == "12 \(file.path)")
        #expect(rows["word-emphasis"] == "true default")
        #expect(config.stdout.hasSuffix("configuration file: \(file.path)\n"))
        let overridden = try run(["--print-config", "--layout", "side-by-side", "--no-only-differences", "--timeout", "5"]).stdout
        #expect(overridden.contains("layout            side-by-side"))
        #expect(overridden.split(separator: "\n").contains { $0.hasPrefix("layout") && $0.hasSuffix("command line") })
        #expect(overridden.split(separator: "\n").contains { $0.hasPrefix("only-differences  false") && $0.hasSuffix("command line") })
        #expect(overridden.split(separator: "\n").contains { $0.hasPrefix("fetch-timeout     5") })
        #expect(try run(["--print-config", "--no-config"]).stdout.hasSuffix("configuration file: ignored (--no-config)\n"))

        // The reader opens stacked, on differences only, as the file says; options win.
        let stacked = try run([original, syndicated, "--screen", "100x30"]).stdout
        // Stacked: each pane's lines carry their side's letter; the status names the filter.
        #expect(stacked.split(separator: "\n").dropFirst().contains { $0.hasPrefix("A    ") })
        #expect(stacked.contains("[differences]"))
        let sideBySide = try run([original, syndicated, "--screen", "100x30", "--layout", "side-by-side", "--no-only-differences"]).stdout
        #expect(sideBySide.split(separator: "\n").first?.contains("B · 93% matched") == true)
        #expect(!sideBySide.split(separator: "\n").dropFirst().contains { $0.hasPrefix("A    ") })
        #expect(!sideBySide.contains("[differences]"))

        // STORYDIFF_CONFIG names another file.
        let other = directory.appendingPathComponent("other.toml")
        try "format = \"json\"\n".write(to: other, atomically: true, encoding: .utf8)
        environment["STORYDIFF_CONFIG"] = other.path
        #expect(try run([original, syndicated]).stdout.hasPrefix("{"))
        environment["STORYDIFF_CONFIG"] = directory.appendingPathComponent("missing.toml").path
        let missing = try run([original, syndicated])
        #expect(missing.stderrLines == ["storydiff: \(directory.path)/missing.toml: no such file (STORYDIFF_CONFIG); using the defaults"])
        #expect(missing.stdout.hasPrefix("storydiff: A = "))
        environment["STORYDIFF_CONFIG"] = nil

        // A broken file: one line naming file, line and column; the defaults are used.
        try "format = \"md\"\ntheme = \"light\nlayout = 3\n".write(to: file, atomically: true, encoding: .utf8)
        let broken = try run([original, syndicated])
        #expect(broken.status == 1)
        #expect(broken.stderrLines.count == 1)
        #expect(broken.stderrLines.first?.hasPrefix("storydiff: \(file.path): line 2, column ") == true, "\(broken.stderr)")
        #expect(broken.stdout.hasPrefix("storydiff: A = "))
        // A bad value: that key is left at its default, the rest is kept.
        try "format = \"md\"\nlayout = 3\n".write(to: file, atomically: true, encoding: .utf8)
        let badValue = try run([original, syndicated])
        #expect(badValue.stderrLines == ["storydiff: \(file.path): line 2, column 1: layout must be \"auto\", \"side-by-side\" or \"stacked\"; that setting is left at its default"])
        #expect(badValue.stdout.hasPrefix("# storydiff report"))
    }
}
