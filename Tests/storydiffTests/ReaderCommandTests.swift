import Foundation
import Testing

@Suite("The reader through the binary")
struct ReaderCommandTests {
    @Test("headless: --screen and --keys print the screen after the keys")
    func headless() throws {
        let result = try BinaryRunner.run(["--demo", "--screen", "100x30", "--keys", "} } u"])
        #expect(result.status == 1)
        #expect(result.stderr.isEmpty)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 30)
        // The whole file name, beside the coverage, where the word count leaves it no room.
        #expect(lines.first?.hasPrefix("» A · 66% matched · kursk-original.txt") == true, "\(lines.first ?? "")")
        #expect(lines.first?.contains("B · 93% matched · Putin demands") == true, "\(lines.first ?? "")")
        #expect(lines.last == "A6 · only in A")
        #expect(lines.contains { $0.hasPrefix("Still, Russian forces have of late had the") && $0.hasSuffix("↕") })
        #expect(lines.allSatisfy { $0.count <= 100 })
    }

    @Test("headless: search and jump to a counterpart")
    func headlessSearch() throws {
        let result = try BinaryRunner.run(["--demo", "--screen", "120x40", "--keys", "/Feb. <Enter>"])
        #expect(result.stdout.hasSuffix("match 1 of 1 for “Feb.”\n"))
        let jump = try BinaryRunner.run(["--demo", "--screen", "120x40", "--keys", "<Enter>"])
        #expect(jump.stdout.hasSuffix("counterpart B5\n"))
    }

    @Test("bad --keys and --screen values are usage errors")
    func badValues() throws {
        let keys = try BinaryRunner.run(["--demo", "--screen", "80x24", "--keys", "<Bogus>"])
        #expect(keys.status == 2)
        #expect(keys.stderr.hasPrefix("storydiff: unknown key <Bogus>"))
        let screen = try BinaryRunner.run(["--demo", "--screen", "wide"])
        #expect(screen.status == 2)
        let orphan = try BinaryRunner.run(["--demo", "--keys", "j"])
        #expect(orphan.status == 2)
        #expect(orphan.stderr.contains("--keys needs --screen"))
    }

    @Test("--list-themes shows each theme and where it was found, broken ones included")
    func listThemes() throws {
        let directory = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let themes = directory.appendingPathComponent("storydiff/themes")
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        try "[styles]\nnear = { fg = \"teal\" }\n".write(to: themes.appendingPathComponent("broken.toml"), atomically: true, encoding: .utf8)
        try "name = \"paper\"\ndescription = \"mine\"\n[styles]\ntext = {}\n".write(to: themes.appendingPathComponent("paper.toml"), atomically: true, encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = directory.path
        let result = try BinaryRunner.run(["--list-themes"], environment: environment)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 6)
        #expect(lines.contains { $0.hasPrefix("dark ") && $0.contains("  built-in  Default.") })
        #expect(lines.contains { $0.hasPrefix("paper ") && $0.contains(themes.appendingPathComponent("paper.toml").path) && $0.hasSuffix("mine") })
        #expect(lines.contains { $0.hasPrefix("broken ") && $0.contains("BROKEN: styles.near.fg: unknown colour \"teal\"") })
    }

    @Test("a broken or unknown theme: one line on stderr, the default theme, no crash")
    func brokenTheme() throws {
        let directory = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bad.toml").path
        try "[styles\nnear = 1".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try BinaryRunner.run(["--demo", "--theme", path, "--screen", "80x24"])
        #expect(result.status == 1)
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.hasPrefix("storydiff: theme \(path): line 1, column"))
        #expect(result.stderr.hasSuffix("; using the default theme\n"))
        #expect(result.stdout.contains("» A · 66% · kursk-original.txt"))
        let unknown = try BinaryRunner.run(["--demo", "--theme", "neon", "--screen", "80x24"])
        #expect(unknown.stderr == "storydiff: no theme named neon (see --list-themes); using the default theme\n")
    }

    @Test("in a real terminal (tmux): open, navigate, resize, quit; the terminal comes back")
    func tmux() throws {
        // The pane inherits the test thread's blocked signals: the reader must cope with that.
        guard let session = try TmuxSession(width: 110, height: 30, command:
            "\(BinaryRunner.binary.path) --demo; echo EXIT=$?; echo \"MODES $(stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\\n' ' ')END\"; sleep 30")
        else { print("skipped: tmux is not installed (.ci/run installs it)"); return }
        defer { session.close() }
        let first = try session.waitFor("matched")
        #expect(first.contains("President Vladimir V. Putin of Russia on Friday"))
        try session.keys(["}", "}", "u"])
        _ = try session.waitFor("A6 · only in A")
        _ = try session.tmux(["resize-window", "-t", "T", "-x", "70", "-y", "20"])
        let stacked = try session.waitFor("A↕   Still, Russian forces")
        #expect(stacked.split(separator: "\n").allSatisfy { $0.count <= 70 })
        try session.keys(["q"])
        let after = try session.waitFor("END")
        #expect(after.contains("EXIT=1"))
        // Back in cooked mode with echo: the reader left no raw mode behind.
        #expect(after.contains("MODES icanon echo END"))
    }

    @Test("in a real terminal (tmux): Ctrl-C and SIGTERM end the reader and restore the terminal")
    func signals() throws {
        guard let session = try TmuxSession(width: 100, height: 30, command:
            "trap : INT; \(BinaryRunner.binary.path) --demo; echo FIRST=$?; \(BinaryRunner.binary.path) --demo; echo SECOND=$?; echo \"MODES $(stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\\n' ' ')END\"; sleep 30")
        else { print("skipped: tmux is not installed (.ci/run installs it)"); return }
        defer { session.close() }
        _ = try session.waitFor("matched")
        // A loaded machine can let the first frame show before the terminal takes keys: press
        // again until the reader ends, then check how it ended.
        var ended = ""
        for _ in 0..<5 where !ended.contains("FIRST=") {
            try session.keys(["C-c"])
            let deadline = Date().addingTimeInterval(3)
            while Date() < deadline, !ended.contains("FIRST=") { ended = try session.screen(); Thread.sleep(forTimeInterval: 0.1) }
        }
        #expect(ended.contains("FIRST=130"), "\(ended)")
        _ = try session.waitFor("matched")
        // The shell's child is the second reader: send it SIGTERM.
        let shell = try session.tmux(["display", "-p", "-t", "T", "#{pane_pid}"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let reader = try BinaryRunner.run(["-P", shell], executable: URL(fileURLWithPath: "/usr/bin/pgrep")).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!reader.isEmpty)
        _ = try BinaryRunner.run(["-TERM", reader], executable: URL(fileURLWithPath: "/bin/kill"))
        let after = try session.waitFor("END")
        #expect(after.contains("SECOND=143"))
        #expect(after.contains("MODES icanon echo END"))
    }
}

/// A detached tmux session on a private server, for driving the real binary.
struct TmuxSession {
    let tmuxPath: String
    let socket = "storydiff-test-\(UUID().uuidString.prefix(8))"

    /// Nil when tmux is not installed.
    init?(width: Int, height: Int, command: String) throws {
        guard let path = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        tmuxPath = path
        _ = try tmux(["new-session", "-d", "-s", "T", "-x", "\(width)", "-y", "\(height)", "env LANG=C.UTF-8 TERM=xterm-256color sh -c '\(command.replacingOccurrences(of: "'", with: "'\\''"))'"])
    }

    func tmux(_ arguments: [String]) throws -> BinaryRunner.Result {
        try BinaryRunner.run(["-L", socket] + arguments, executable: URL(fileURLWithPath: tmuxPath))
    }

    func keys(_ keys: [String]) throws { _ = try tmux(["send-keys", "-t", "T"] + keys) }

    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", "T"]).stdout }

    /// Polls the screen until it shows `text` (never a bare sleep); records an issue on time-out.
    func waitFor(_ text: String, seconds: Double = 15, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        Issue.record("timed out waiting for \(text); screen:\n\(last)", sourceLocation: sourceLocation)
        return last
    }

    func close() { _ = try? tmux(["kill-server"]) }
}
