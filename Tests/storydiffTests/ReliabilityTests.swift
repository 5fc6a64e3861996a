import Foundation
import Testing

/// The defects a probe found (issue 12), each as the user met it, through the real binary.
@Suite("Reliability: the probe's defects")
struct ReliabilityTests {
    let sample = BinaryRunner.sample("kursk-syndicated.txt")
    let original = BinaryRunner.sample("kursk-original.txt")

    func story(_ text: String, _ name: String = "story.txt", in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Runs a shell line (for umask, /dev/full and such), the binary as $B.
    func shell(_ line: String) throws -> BinaryRunner.Result {
        var environment = ProcessInfo.processInfo.environment
        environment["B"] = BinaryRunner.binary.path
        return try BinaryRunner.run(["-c", line], executable: URL(fileURLWithPath: "/bin/sh"), environment: environment)
    }

    @Test("names made only of single letters or initials: facts, quotes, every report and the reader work",
          arguments: [("Officials met on Monday. Then A B C arrived at the border.\n", "A B C"),
                      ("Dr. A B said nothing.\n", "A B"), ("Tickets for rows X Y Z sold out on Monday.\n", "X Y Z"),
                      ("Mrs. V. V.\n", nil)])
    func singleLetterNames(text: String, name: String?) throws {
        let directory = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try story(text, in: directory)
        let monday = try story("Monday.\n", "monday.txt", in: directory)
        let facts = try BinaryRunner.run(["facts", path, sample, "--format", "json"])
        #expect(facts.status == 0, "\(facts.stderr)")
        if let name { #expect(facts.stdout.contains("\"label\" : \"\(name)\""), "\(facts.stdout.prefix(600))") }
        for arguments in [["facts", monday, path], ["quotes", path, sample], [path, sample], [path, sample, "--format", "html"],
                          [path, sample, "--format", "md"], [path, sample, "--format", "json"], [path, sample, "--screen", "80x24", "--keys", "F Q x"]] {
            let result = try BinaryRunner.run(arguments)
            #expect(result.status <= 1, "\(arguments): status \(result.status) \(result.stderr)")
        }
    }

    @Test("--keys resizes obey --screen's bounds: a usage error, not gigabytes")
    func resizeBounds() throws {
        for size in ["100000x100000", "5000x5000", "1001x10", "0x10"] {
            let result = try BinaryRunner.run(["--demo", "--screen", "80x24", "--keys", "<Resize:\(size)>"])
            #expect(result.status == 2)
            #expect(result.stderrLines.count == 1)
            #expect(result.stderr.hasPrefix("storydiff: unknown key <Resize:\(size)> in --keys"))
        }
        let largest = try BinaryRunner.run(["--demo", "--screen", "80x24", "--keys", "<Resize:1000x1000> q"])
        #expect(largest.status == 1)
        let screen = try BinaryRunner.run(["--demo", "--screen", "5000x5000"])
        #expect(screen.status == 2)
        #expect(screen.stderr.contains("up to 1000x1000"))
    }

    @Test("JSON escapes C1 controls, bidi overrides and isolates, tag characters; the other reports show them as tags")
    func escaping() throws {
        let directory = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let hostile = "The minister \u{9B}31m said \u{202E}no\u{202C} and \u{2066}yes\u{2069} on Monday, \u{FFF9}noted\u{FFFB} \u{E0041}\u{E007F}.\n"
        let path = try story(hostile, in: directory)
        func raw(_ text: String) -> [String] {
            text.unicodeScalars.filter { (0x80...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value)
                || (0xFFF9...0xFFFB).contains($0.value) || (0xE0000...0xE007F).contains($0.value) }.map { String($0.value, radix: 16) }
        }
        for arguments in [[path, original, "--format", "json"], ["segment", path, "--format", "json"], ["facts", path, original, "--format", "json"],
                          ["quotes", path, original, "--format", "json"]] {
            let result = try BinaryRunner.run(arguments)
            #expect(result.status <= 1, "\(arguments)")
            #expect(raw(result.stdout).isEmpty, "\(arguments): raw \(raw(result.stdout))")
        }
        let json = try BinaryRunner.run(["segment", path, "--format", "json"]).stdout
        #expect(json.contains("\\u009b31m"))
        #expect(json.contains("\\u202eno\\u202c"))
        #expect(json.contains("\\udb40\\udc41"))
        // The escapes decode back to exactly the story's text.
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let sentences = (decoded?["paragraphs"] as? [[String: Any]])?.first?["sentences"] as? [[String: Any]]
        #expect((sentences?.first?["text"] as? String) == hostile.trimmingCharacters(in: .newlines))
        for format in ["text", "md", "html"] {
            let report = try BinaryRunner.run([path, original, "--format", format]).stdout
            #expect(raw(report).isEmpty, "\(format): raw \(raw(report))")
            #expect(report.contains("«U+FFF9»noted«U+FFFB»"), "\(format)")
            #expect(report.contains("«U+E0041»«U+E007F»"), "\(format)")
        }
    }

    @Test("-o refuses devices, FIFOs, directories, the inputs and read-only files; follows a symbolic link")
    func outputTargets() throws {
        let directory = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("pipe.json").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let refusals: [(String, String)] = [(fifo, "it is a FIFO, not a regular file"), ("/dev/null", "it is a device, not a regular file"),
                                            (directory.path, "it is a directory")]
        for (target, reason) in refusals {
            let result = try BinaryRunner.run([original, sample, "-o", target, "--format", "json"])
            #expect(result.status == 2)
            #expect(result.stderr == "storydiff: cannot write \(target): \(reason)\n")
        }
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR, "/dev/null is still a device")
        #expect(lstat(fifo, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO, "the FIFO is still a FIFO")
        // One of the stories being compared.
        let copy = directory.appendingPathComponent("copy.txt").path
        try FileManager.default.copyItem(atPath: original, toPath: copy)
        let before = try String(contentsOfFile: copy, encoding: .utf8)
        let input = try BinaryRunner.run([copy, sample, "-o", copy, "--format", "text"])
        #expect(input.status == 2)
        #expect(input.stderr == "storydiff: cannot write \(copy): it is one of the stories being compared\n")
        #expect(try String(contentsOfFile: copy, encoding: .utf8) == before)
        // A read-only file, even for root.
        let locked = try story("keep me", "locked.md", in: directory)
        chmod(locked, 0o444)
        let readOnly = try BinaryRunner.run([original, sample, "-o", locked])
        #expect(readOnly.status == 2)
        #expect(readOnly.stderr == "storydiff: cannot write \(locked): it is read-only\n")
        #expect(try String(contentsOfFile: locked, encoding: .utf8) == "keep me")
        // A symbolic link: the file it points to is written, the link stays.
        let real = try story("old", "real.md", in: directory)
        let link = directory.appendingPathComponent("link.md").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        let linked = try BinaryRunner.run([original, sample, "-o", link])
        #expect(linked.status == 1, "\(linked.stderr)")
        #expect(try String(contentsOfFile: real, encoding: .utf8).hasPrefix("# storydiff report"))
        #expect(lstat(link, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".storydiff-") }
        #expect(leftovers.isEmpty)
    }

    @Test("reports honour the umask for new files and keep an existing file's mode")
    func modes() throws {
        let directory = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fresh = directory.appendingPathComponent("new.html").path
        _ = try shell("umask 077; \"$B\" '\(original)' '\(sample)' -o '\(fresh)'")
        var info = stat()
        #expect(stat(fresh, &info) == 0 && info.st_mode & 0o777 == 0o600)
        let group = directory.appendingPathComponent("group.html").path
        _ = try shell("umask 002; \"$B\" '\(original)' '\(sample)' -o '\(group)'")
        #expect(stat(group, &info) == 0 && info.st_mode & 0o777 == 0o664)
        let existing = try story("x", "existing.md", in: directory)
        chmod(existing, 0o640)
        _ = try shell("umask 000; \"$B\" '\(original)' '\(sample)' -o '\(existing)'")
        #expect(stat(existing, &info) == 0 && info.st_mode & 0o777 == 0o640)
    }

    @Test("standard output that cannot be written: one line on stderr and status 2", arguments: ["", "--format json", "--format html", "facts", "quotes", "segment-only"])
    func fullOutput(variant: String) throws {
        let command: String
        switch variant {
        case "facts", "quotes": command = "\"$B\" \(variant) '\(original)' '\(sample)'"
        case "segment-only": command = "\"$B\" segment '\(original)'"
        default: command = "\"$B\" '\(original)' '\(sample)' \(variant)"
        }
        let result = try shell("\(command) > /dev/full")
        #expect(result.status == 2)
        #expect(result.stderr == "storydiff: cannot write to standard output: No space left on device\n")
    }

    @Test("batch --jobs 1 compares one pair at a time; 0 and negative numbers are usage errors")
    func batchJobs() throws {
        let directory = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let list = directory.appendingPathComponent("list.txt").path
        try String(repeating: "\(original)\t\(sample)\n", count: 24).write(toFile: list, atomically: true, encoding: .utf8)
        // Threads of the process while it runs: one for --jobs 1 (sampled from /proc).
        var environment = ProcessInfo.processInfo.environment
        environment["B"] = BinaryRunner.binary.path
        let sampled = try shell("\"$B\" batch --jobs 1 '\(list)' > /dev/null & pid=$!; most=0; while kill -0 $pid 2>/dev/null; do t=$(awk '/^Threads:/ {print $2}' /proc/$pid/status 2>/dev/null); [ -n \"$t\" ] && [ \"$t\" -gt \"$most\" ] && most=$t; sleep 0.02; done; echo $most")
        #expect(sampled.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
        let lines = try BinaryRunner.run(["batch", "--jobs", "1", list]).stdout.split(separator: "\n")
        #expect(lines.count == 24)
        for jobs in ["0", "-3"] {
            let result = try BinaryRunner.run(["batch", "--jobs=\(jobs)", list])
            #expect(result.status == 2)
            #expect(result.stderrLines.count == 1)
            #expect(result.stderr.contains("--jobs takes a number of pairs at once, 1 or more"))
        }
    }

    @Test("the export prompt edits as a line editor: Ctrl-U clears, Ctrl-A/E move, Ctrl-W deletes a word; no control character in a path")
    func exportPrompt() throws {
        let directory = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("out.md").path
        let result = try BinaryRunner.run(["--demo", "--screen", "100x30", "--keys", "e <C-u> \(directory.path)/wrong <C-w> out.mx <BS> d <C-a> <C-e> <Enter>"])
        #expect(result.stdout.hasSuffix("wrote md report to \(target)\n"), "\(result.stdout.suffix(200))")
        #expect(FileManager.default.fileExists(atPath: target))
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(names == ["out.md"])
        #expect(names.allSatisfy { !$0.unicodeScalars.contains { $0.value < 0x20 } })
    }

    @Test("a signal during a report's write leaves no temporary file behind", arguments: ["TERM", "INT", "HUP"])
    func signalDuringWrite(signal: String) throws {
        let directory = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Long enough that the report is still being written when the signal comes.
        let big = try story(String(repeating: "The council met again on Tuesday, and the mayor spoke. ", count: 12_000), "big.txt", in: directory)
        let target = directory.appendingPathComponent("report.html").path
        // A shell starts background jobs with SIGINT ignored; a terminal's Ctrl-C reaches a
        // foreground program that has it: give the job the default back.
        let result = try shell("env --default-signal=INT,HUP,TERM \"$B\" '\(big)' '\(original)' -o '\(target)' & pid=$!; "
            + "while [ -z \"$(ls -A '\(directory.path)' | grep storydiff-)\" ] && kill -0 $pid 2>/dev/null; do sleep 0.01; done; "
            + "kill -\(signal) $pid; wait $pid; echo STATUS=$?; ls -A '\(directory.path)'")
        #expect(result.stdout.contains("STATUS=\(signal == "TERM" ? 143 : signal == "INT" ? 130 : 129)"), "\(result.stdout)")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(names.sorted() == ["big.txt"], "\(names)")
    }
}

/// Memory on the probe's worst input: reports stream, so no format or `-o` costs more than the
/// comparison itself (before, JSON took five times the text report and HTML twice).
@Suite("Reliability: reports stream")
struct StreamingMemoryTests {
    @Test("a story of 60,000 one-word paragraphs: under 50 bytes per input byte, and every format and segment JSON within the text report's peak memory")
    func peaks() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else { print("skipped: GNU time is not installed (.ci/run installs it)"); return }
        let directory = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let tiny = directory.appendingPathComponent("tiny.txt").path
        try String(repeating: "word.\n\n", count: 60_000).write(toFile: tiny, atomically: true, encoding: .utf8)
        let sample = BinaryRunner.sample("kursk-original.txt")
        var environment = ProcessInfo.processInfo.environment
        environment["B"] = BinaryRunner.binary.path
        func peak(_ arguments: String) throws -> Int {
            let result = try BinaryRunner.run(["-c", "/usr/bin/time -f %M \"$B\" \(arguments) > /dev/null"],
                                              executable: URL(fileURLWithPath: "/bin/sh"), environment: environment)
            return Int(result.stderr.split(separator: "\n").last.map(String.init) ?? "") ?? 0
        }
        let text = try peak("'\(tiny)' '\(sample)' --format text")
        #expect(text > 0)
        // README's bound: under 50 bytes of memory per input byte, above what the program takes
        // for the sample pair alone (its code, libraries and tables).
        let baseline = try peak("'\(sample)' '\(BinaryRunner.sample("kursk-syndicated.txt"))' --format text")
        let inputBytes = 60_000 * 7 + ((try? FileManager.default.attributesOfItem(atPath: sample)[.size] as? Int) ?? 0)
        #expect(Double(text - baseline) * 1024 / Double(inputBytes) < 50, "\(text - baseline) KB above the sample pair's \(baseline) KB for \(inputBytes) bytes")
        for arguments in ["-o '\(directory.path)/r.json'", "-o '\(directory.path)/r.html'", "-o '\(directory.path)/r.md'", "--format json"] {
            let kilobytes = try peak("'\(tiny)' '\(sample)' \(arguments)")
            #expect(Double(kilobytes) <= Double(text) * 1.15, "\(arguments): \(kilobytes) KB against \(text) KB for the text report")
        }
        let segment = try peak("segment '\(tiny)' --format json")
        #expect(Double(segment) <= Double(text) * 1.15, "segment json: \(segment) KB")
    }
}
