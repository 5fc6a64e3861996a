import Foundation
import Testing

/// Progress on long work: on a terminal only, never in a pipe, a file or under CI.
/// STORYDIFF_PROGRESS_DELAY=0 shows it at once, so that a short comparison shows it too.
@Suite("Progress on long work")
struct ProgressTests {
    /// A long pair: the sample pair twelve times over, each copy's paragraphs numbered apart.
    static func longPair(in directory: URL) throws -> (String, String) {
        var paths: [String] = []
        for name in ["kursk-original.txt", "kursk-syndicated.txt"] {
            let text = try String(contentsOfFile: BinaryRunner.sample(name), encoding: .utf8)
            let long = (1...12).map { round in
                text.components(separatedBy: "\n\n").map { "Part \(round). " + $0 }.joined(separator: "\n\n")
            }.joined(separator: "\n\n")
            let path = directory.appendingPathComponent(name).path
            try long.write(toFile: path, atomically: true, encoding: .utf8)
            paths.append(path)
        }
        return (paths[0], paths[1])
    }

    /// Runs a shell command on a pseudo-terminal (util-linux `script`), returning what reached it.
    static func onTerminal(_ command: String, environment extra: [String: String]) throws -> String? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return nil }
        let directory = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = directory.appendingPathComponent("typescript").path
        var environment = ProcessInfo.processInfo.environment
        environment["CI"] = nil
        environment["TERM"] = "xterm-256color"
        environment.merge(extra) { $1 }
        _ = try BinaryRunner.run(["-q", "-e", "-c", command, log], executable: URL(fileURLWithPath: "/usr/bin/script"), environment: environment)
        return String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: log))) ?? Data(), as: UTF8.self)
    }

    @Test("a report: a progress line on a terminal's stderr, cleared at the end; none in a file or with CI set")
    func report() throws {
        let directory = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (a, b) = try Self.longPair(in: directory)
        let output = directory.appendingPathComponent("report.json").path
        let binary = BinaryRunner.binary.path
        guard let seen = try Self.onTerminal("'\(binary)' '\(a)' '\(b)' -o '\(output)'", environment: ["STORYDIFF_PROGRESS_DELAY": "0"])
        else { print("skipped: util-linux script is not installed"); return }
        #expect(seen.contains("reading the stories…") || seen.contains("comparing… "), "\(seen.prefix(300))")
        #expect(seen.contains("comparing… "))
        // The line is cleared before the program ends.
        // (`script` adds a line of its own at the end.)
        let ours = seen.components(separatedBy: "\nScript done").first ?? seen
        #expect(ours.hasSuffix("\r\u{1B}[K"), "\(ours.suffix(80).debugDescription)")
        #expect(seen.contains("writing the report…"))
        #expect(FileManager.default.fileExists(atPath: output))

        // CI set: nothing, even on a terminal.
        let quiet = try Self.onTerminal("'\(binary)' '\(a)' '\(b)' -o '\(output)'", environment: ["STORYDIFF_PROGRESS_DELAY": "0", "CI": "true"])
        #expect(quiet.map { !$0.contains("comparing") } == true)
        // Standard error a file: nothing in it.
        var environment = ProcessInfo.processInfo.environment
        environment["STORYDIFF_PROGRESS_DELAY"] = "0"
        environment["CI"] = nil
        let piped = try BinaryRunner.run([a, b, "--format", "json"], environment: environment)
        #expect(piped.stderr.isEmpty)
        #expect(piped.status == 1)
    }

    @Test("batch: pairs done of the total, the rate and the time left on a terminal; nothing in a pipe")
    func batch() throws {
        let directory = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (a, b) = try Self.longPair(in: directory)
        let list = directory.appendingPathComponent("list.tsv").path
        try String(repeating: "\(a)\t\(b)\n", count: 3).write(toFile: list, atomically: true, encoding: .utf8)
        let binary = BinaryRunner.binary.path
        guard let seen = try Self.onTerminal("'\(binary)' batch '\(list)' > /dev/null", environment: ["STORYDIFF_PROGRESS_DELAY": "0"])
        else { print("skipped: util-linux script is not installed"); return }
        #expect(seen.contains("batch: 0/3 pairs") || seen.contains("batch: 1/3 pairs") || seen.contains("batch: 2/3 pairs"), "\(seen.prefix(300))")
        #expect(seen.contains(" pairs/s · "))
        var environment = ProcessInfo.processInfo.environment
        environment["STORYDIFF_PROGRESS_DELAY"] = "0"
        let piped = try BinaryRunner.run(["batch", list], environment: environment)
        #expect(piped.stderr.isEmpty)
        #expect(piped.stdout.split(separator: "\n").count == 3)
    }

    @Test("the reader: 'comparing… NN%' while a long comparison runs, then the stories")
    func reader() throws {
        let directory = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (a, b) = try Self.longPair(in: directory)
        let log = directory.appendingPathComponent("pane.log").path
        // The pane's output is recorded from the start (the command waits for the pipe).
        guard let session = try TmuxSession(width: 100, height: 30, command:
            "sleep 1; STORYDIFF_PROGRESS_DELAY=0 \(BinaryRunner.binary.path) '\(a)' '\(b)'; echo EXIT=$?; sleep 30")
        else { print("skipped: tmux is not installed (.ci/run installs it)"); return }
        defer { session.close() }
        _ = try session.tmux(["pipe-pane", "-t", "T", "-o", "cat >> '\(log)'"])
        let opened = try session.waitFor("matched", seconds: 60)
        #expect(opened.contains("Part 1. President Vladimir V. Putin"))
        let recorded = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        #expect(recorded.contains("Ctrl-C stops"), "\(recorded.prefix(400).debugDescription)")
        #expect(recorded.contains("comparing… ") || recorded.contains("reading the stories…"))
        try session.keys(["q"])
        #expect(try session.waitFor("EXIT=").contains("EXIT=1"))
    }
}
