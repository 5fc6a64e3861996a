import Foundation
import StoryCore
import Testing

@Suite("Reports through the binary")
struct ReportCommandTests {
    @Test("-o writes each format, chosen by extension; JSON decodes into the schema types", arguments: ["html", "md", "json", "txt"])
    func output(_ ext: String) throws {
        let directory = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("report.\(ext)").path
        let result = try BinaryRunner.run(["--demo", "-o", path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty && result.stderr.isEmpty)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        switch ext {
        case "html": #expect(text.hasPrefix("<!DOCTYPE html>") && text.contains("<title>storydiff: kursk-original.txt ⟷ Putin demands"))
        case "md": #expect(text.hasPrefix("# storydiff report\n"))
        case "json": #expect(try JSONDecoder().decode(ComparisonDocument.self, from: Data(text.utf8)).b.sentences.count == 38)
        default: #expect(text.hasPrefix("storydiff: A = kursk-original.txt"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["report.\(ext)"])
    }

    @Test("--format html and md go to standard output")
    func standardOutput() throws {
        #expect(try BinaryRunner.run(["--demo", "--format", "html"]).stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(try BinaryRunner.run(["--demo", "--format", "md"]).stdout.hasPrefix("# storydiff report"))
    }

    @Test("an unwritable path: one line naming it, exit 2, nothing left behind")
    func unwritable() throws {
        let directory = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let folder = directory.appendingPathComponent("folder.html")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for path in [directory.appendingPathComponent("missing/report.html").path, "/proc/storydiff-report.html", folder.path] {
            let result = try BinaryRunner.run(["--demo", "-o", path])
            #expect(result.status == 2)
            #expect(result.stderrLines.count == 1)
            #expect(result.stderr.hasPrefix("storydiff: cannot write \(path): "), "\(result.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["folder.html"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        let unknown = try BinaryRunner.run(["--demo", "-o", directory.appendingPathComponent("report.pdf").path])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("cannot tell the format of"))
    }

    @Test("an existing report is replaced only by a complete one")
    func replace() throws {
        let directory = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("report.md").path
        try "old report".write(toFile: path, atomically: true, encoding: .utf8)
        // A failing run (missing story) leaves the old report alone.
        let failed = try BinaryRunner.run([directory.appendingPathComponent("nope.txt").path, BinaryRunner.sample("kursk-original.txt"), "-o", path])
        #expect(failed.status == 2)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old report")
        _ = try BinaryRunner.run(["--demo", "-o", path])
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("# storydiff report"))
    }

    @Test("--color: never by default off a terminal; always adds ANSI; NO_COLOR turns auto off")
    func color() throws {
        #expect(!(try BinaryRunner.run(["--demo", "--format", "text"]).stdout.contains("\u{1B}[")))
        #expect(try BinaryRunner.run(["--demo", "--format", "text", "--color", "always"]).stdout.contains("\u{1B}[38;5;"))
        #expect(!(try BinaryRunner.run(["--demo", "--format", "text", "--color", "never"]).stdout.contains("\u{1B}[")))
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        #expect(!(try BinaryRunner.run(["--demo", "--format", "text"], environment: environment).stdout.contains("\u{1B}[")))
        #expect(try BinaryRunner.run(["--demo", "--format", "text", "--color", "always"], environment: environment).stdout.contains("\u{1B}[38;5;"))
    }

    @Test("the reader's e writes the report of what is on screen (its filter)")
    func readerExport() throws {
        let directory = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("shown.md").path
        let erase = Array(repeating: "<BS>", count: "storydiff-report.html".count).joined(separator: " ")
        let result = try BinaryRunner.run(["--demo", "--screen", "100x20", "--keys", "f e \(erase) \(path) <Enter>"])
        #expect(result.stdout.hasSuffix("wrote md report to \(path)\n"))
        let report = try String(contentsOfFile: path, encoding: .utf8)
        #expect(report.contains("Only differences: rows whose sentences are all identical are left out."))
    }
}
