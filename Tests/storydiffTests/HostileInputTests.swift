import Foundation
import Testing

/// Input that tries to break the tool: always a clean result or one clear line and exit 2,
/// in bounded time and memory, never a crash or a hang.
@Suite("Hostile and broken input")
struct HostileInputTests {
    let sample = BinaryRunner.sample("kursk-original.txt")

    func write(_ data: Data, _ name: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    @Test("a 50 MB file is refused at once, with the limit named")
    func huge() throws {
        let directory = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("huge.txt").path
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        let chunk = Data(String(repeating: "The council met again on Tuesday. ", count: 30_000).utf8)
        while try handle.offset() < 50_000_000 { handle.write(chunk) }
        try handle.close()
        let started = Date()
        let result = try BinaryRunner.run([path, sample])
        #expect(result.status == 2)
        #expect(result.stderr == "storydiff: \(path): larger than 32 MiB, the most storydiff reads for one story\n")
        #expect(Date().timeIntervalSince(started) < 20)
    }

    @Test("a 5 MB single line of prose and a 5 MB single word are compared, not refused")
    func longLines() throws {
        let directory = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let prose = try write(Data(String(repeating: "The council met again on Tuesday to discuss the budget. ", count: 92_000).utf8), "line.txt", in: directory)
        let word = try write(Data(String(repeating: "a", count: 5_000_000).utf8), "word.txt", in: directory)
        for path in [prose, word] {
            let result = try BinaryRunner.run([path, sample, "--format", "json"])
            #expect(result.status == 1, "\(path): \(result.stderr)")
            #expect(result.stderr.isEmpty)
        }
    }

    @Test("deeply nested, unclosed and bomb-sized HTML: a clean result or one clear line")
    func html() throws {
        let directory = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let nested = try write(Data(("<html><body>" + String(repeating: "<div>", count: 100_000) + "<p>Deep text in a paragraph.</p>").utf8), "nested.html", in: directory)
        let deep = try BinaryRunner.run([nested, sample])
        #expect(deep.status == 2 || deep.status == 1)
        #expect(deep.stderrLines.count <= 1)
        if deep.status == 2 { #expect(deep.stderr == "storydiff: \(nested): a web page with no article text found in it\n") }

        let unclosed = try write(Data("<html><body><article><p>Storm closes schools across the region on Monday.<p>Crews worked through the night<div><span>".utf8), "unclosed.html", in: directory)
        let open = try BinaryRunner.run(["segment", unclosed])
        #expect(open.status == 0)
        #expect(open.stdout.contains("Storm closes schools across the region on Monday."))
        #expect(open.stdout.contains("Crews worked through the night"))

        let bomb = try write(Data(("<html><body><article><p>Storm closes schools across the region as the mayor speaks.</p>"
                                   + String(repeating: "<b></b>", count: 1_000_000) + "</article></body></html>").utf8), "bomb.html", in: directory)
        let blast = try BinaryRunner.run([bomb, sample])
        #expect(blast.status == 1)
        #expect(blast.stdout.contains("Storm closes schools across the region as the mayor speaks."))
    }

    @Test("escape sequences and bidi overrides in a story reach the report as visible placeholders")
    func escapes() throws {
        let directory = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try write(Data("Officials said \u{1B}]0;pwned\u{07}\u{1B}[2J the vote was \u{202E}dekcor\u{202C} fair.".utf8), "evil.txt", in: directory)
        let result = try BinaryRunner.run([path, sample, "--format", "text"])
        #expect(result.status == 1)
        #expect(!result.stdout.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{202E}" })
        #expect(result.stdout.contains("Officials said ␛]0;pwned␇␛[2J the vote was «U+202E»dekcor«U+202C» fair."))
    }

    @Test("a symlink loop, a dangling link (a file gone) and standard input closed early: one line each, exit 2")
    func files() throws {
        let directory = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let a = directory.appendingPathComponent("a.txt").path, b = directory.appendingPathComponent("b.txt").path
        try FileManager.default.createSymbolicLink(atPath: a, withDestinationPath: b)
        try FileManager.default.createSymbolicLink(atPath: b, withDestinationPath: a)
        let loop = try BinaryRunner.run([a, sample])
        #expect(loop.status == 2)
        #expect(loop.stderr == "storydiff: \(a): cannot be read (Too many levels of symbolic links)\n")

        let gone = directory.appendingPathComponent("gone.txt").path
        try FileManager.default.createSymbolicLink(atPath: gone, withDestinationPath: directory.appendingPathComponent("deleted.txt").path)
        let dangling = try BinaryRunner.run([gone, sample])
        #expect(dangling.status == 2)
        #expect(dangling.stderr == "storydiff: \(gone): no such file\n")

        let closed = try BinaryRunner.run(["-", sample])
        #expect(closed.status == 2)
        #expect(closed.stderr == "storydiff: standard input: is empty (no text to compare)\n")
    }
}
