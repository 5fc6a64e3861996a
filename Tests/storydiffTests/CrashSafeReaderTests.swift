import Foundation
import Testing

/// The reader in a real terminal (tmux) however it ends: every signal, a crash, a closed
/// terminal, an unknown terminal type. Afterwards the terminal is back in cooked mode with echo.
@Suite("The reader never leaves the terminal broken", .serialized)
struct CrashSafeReaderTests {
    static let modes = "echo \"MODES $(stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\\n' ' ')END\""

    func pid(of session: TmuxSession) throws -> String {
        let shell = try session.tmux(["display", "-p", "-t", "T", "#{pane_pid}"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return try BinaryRunner.run(["-n", "-P", shell], executable: URL(fileURLWithPath: "/usr/bin/pgrep")).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("killed by SIGABRT, SIGSEGV, SIGBUS, SIGQUIT, SIGPIPE, SIGUSR1, SIGHUP or SIGTERM: the terminal comes back, the status tells the signal",
          arguments: [("ABRT", 6), ("SEGV", 11), ("BUS", 7), ("QUIT", 3), ("PIPE", 13), ("USR1", 10), ("HUP", 1), ("TERM", 15)])
    func killed(signal: String, number: Int) throws {
        // The signals' default actions restored for the reader, whatever the test runner ignored.
        guard let session = try TmuxSession(width: 100, height: 30, command:
            "env --default-signal \(BinaryRunner.binary.path) --demo; echo STATUS=$?; \(Self.modes); sleep 30")
        else { print("skipped: tmux is not installed (.ci/run installs it)"); return }
        defer { session.close() }
        _ = try session.waitFor("matched")
        let reader = try pid(of: session)
        #expect(!reader.isEmpty)
        _ = try BinaryRunner.run(["-\(signal)", reader], executable: URL(fileURLWithPath: "/bin/kill"))
        let after = try session.waitFor("END")
        #expect(after.contains("STATUS=\(128 + number)"))
        #expect(after.contains("MODES icanon echo END"))
        #expect(!after.contains("matched"), "the reader's screen is gone (alternate screen left)")
        if ["ABRT", "SEGV", "BUS"].contains(signal) {
            #expect(after.contains("storydiff: internal error (SIG\(signal)); the terminal was restored."))
        }
    }

    @Test("a trap in the reader (a Swift runtime error): its message after the restored terminal, no backtrace prompt, quick exit",
          arguments: ["trap", "abort", "segv"])
    func trap(how: String) throws {
        guard let session = try TmuxSession(width: 100, height: 30, command:
            "env STORYDIFF_TEST_CRASH=\(how) \(BinaryRunner.binary.path) --demo; echo STATUS=$?; \(Self.modes); sleep 30")
        else { print("skipped: tmux is not installed (.ci/run installs it)"); return }
        defer { session.close() }
        let started = Date()
        let after = try session.waitFor("END")
        // The Swift backtracer's interactive prompt waits 25 seconds; it must never appear.
        #expect(Date().timeIntervalSince(started) < 12)
        #expect(!after.contains("Press space to interact"))
        #expect(after.contains("MODES icanon echo END"))
        #expect(after.contains("storydiff: internal error (SIG"))
        if how == "trap" {
            #expect(after.contains("Fatal error: STORYDIFF_TEST_CRASH=trap"), "the runtime's message, held while the screen was up")
            #expect(after.contains("STATUS=132") || after.contains("STATUS=133"))
        }
        if how == "abort" { #expect(after.contains("STATUS=134")) }
        if how == "segv" { #expect(after.contains("STATUS=139")) }
    }

    @Test("the terminal closes while SIGHUP is ignored: the reader ends instead of spinning")
    func hangupIgnored() throws {
        guard let session = try TmuxSession(width: 100, height: 30, command:
            "trap '' HUP; exec \(BinaryRunner.binary.path) --demo")
        else { print("skipped: tmux is not installed (.ci/run installs it)"); return }
        _ = try session.waitFor("matched")
        let reader = try session.tmux(["display", "-p", "-t", "T", "#{pane_pid}"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect((try? String(contentsOfFile: "/proc/\(reader)/comm", encoding: .utf8))?.hasPrefix("storydiff") == true)
        // The terminal goes away as a closed window's does: its server dies at once.
        let server = try session.tmux(["display", "-p", "-t", "T", "#{pid}"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try BinaryRunner.run(["-KILL", server], executable: URL(fileURLWithPath: "/bin/kill"))
        // Gone or a zombie (nobody is left to reap it) within a few seconds, not at 100% CPU forever.
        let deadline = Date().addingTimeInterval(10)
        var state = "R"
        while Date() < deadline {
            guard let stat = try? String(contentsOfFile: "/proc/\(reader)/stat", encoding: .utf8) else { state = "gone"; break }
            state = stat.split(separator: ")").last?.split(separator: " ").first.map(String.init) ?? "?"
            if state == "Z" { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        let cpu = (try? String(contentsOfFile: "/proc/\(reader)/stat", encoding: .utf8)) ?? ""
        #expect(state == "gone" || state == "Z", "the reader is still running (state \(state)): \(cpu)")
        if state != "gone" && state != "Z" { _ = try? BinaryRunner.run(["-KILL", reader], executable: URL(fileURLWithPath: "/bin/kill")) }
    }

    @Test("an unknown or missing terminal type: one storydiff line and status 2", arguments: ["TERM=unknown-term", "-u TERM"])
    func unknownTerminal(setting: String) throws {
        guard let session = try TmuxSession(width: 120, height: 20, command:
            "env \(setting) \(BinaryRunner.binary.path) --demo 2>&1 | cat > /dev/null; env \(setting) \(BinaryRunner.binary.path) --demo; echo STATUS=$?; \(Self.modes); sleep 30")
        else { print("skipped: tmux is not installed (.ci/run installs it)"); return }
        defer { session.close() }
        let after = try session.waitFor("END")
        #expect(after.contains("STATUS=2"))
        #expect(after.contains("MODES icanon echo END"))
        let lines = after.split(separator: "\n").filter { $0.hasPrefix("storydiff:") }
        #expect(lines.count == 1)
        #expect(lines.first?.contains(setting == "-u TERM" ? "TERM is not set" : "the terminal type 'unknown-term' has no terminfo entry") == true)
        #expect(!after.contains("Error opening terminal"), "ncurses' own message")
    }

    @Test("emoji sequences and flags are drawn at their width in curses; no neighbour is lost")
    func emoji() throws {
        let directory = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let a = directory.appendingPathComponent("a.txt"), b = directory.appendingPathComponent("b.txt")
        try "Family 👨‍👩‍👧‍👦 here, flag 🇺🇦 there, thumbs 👍🏽 end.\n\nZebras row starts here.\n".write(to: a, atomically: true, encoding: .utf8)
        try "Family here, flag there.\n\nZebras row starts here.\n".write(to: b, atomically: true, encoding: .utf8)
        guard let session = try TmuxSession(width: 120, height: 20, command: "\(BinaryRunner.binary.path) \(a.path) \(b.path); sleep 30")
        else { print("skipped: tmux is not installed (.ci/run installs it)"); return }
        defer { session.close() }
        let screen = try session.waitFor("Zebras")
        let lines = screen.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("Family 〓 here, flag UA there, thumbs 〓 end.") })
        #expect(lines.contains { $0.hasPrefix("Zebras row starts here.") }, "a later row keeps its first character")
        // The right pane starts where the layout put it: nothing on the line moved.
        let left = lines.first { $0.hasPrefix("Family 〓") } ?? ""
        let zebras = lines.first { $0.hasPrefix("Zebras") } ?? ""
        func column(_ text: String, in line: String) -> Int? {
            guard let range = line.replacingOccurrences(of: "〓", with: "〓 ").range(of: text, options: .backwards) else { return nil }
            return line.replacingOccurrences(of: "〓", with: "〓 ").distance(from: line.startIndex, to: range.lowerBound)
        }
        #expect(column("Family here, flag there.", in: left) != nil)
        #expect(column("Family here, flag there.", in: left) == column("Zebras row starts here.", in: zebras))
    }
}
