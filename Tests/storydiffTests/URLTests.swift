import Foundation
import Testing

/// A local HTTP server (Fixtures/test-server.py) on 127.0.0.1, started for these tests: never a real site.
final class LocalServer: @unchecked Sendable {
    let process = Process()
    let input = Pipe(), output = Pipe()
    let port: Int

    init() throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", BinaryRunner.repositoryRoot.appendingPathComponent("Tests/storydiffTests/Fixtures/test-server.py").path]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The first line is the port.
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), let first = byte.first, first != 0x0A { line.append(first) }
        port = Int(String(decoding: line, as: UTF8.self)) ?? 0
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)/\(path)" }

    deinit {
        try? input.fileHandleForWriting.close()
        process.terminate()
        process.waitUntilExit()
    }
}

@Suite("URLs: pages fetched with libcurl from a local server", .serialized)
struct URLTests {
    let server: LocalServer

    init() throws {
        server = try LocalServer()
        try #require(server.port > 0, "python3 could not start the local test server")
    }

    @Test("an article by URL: extracted, titled, the canonical address as provenance; a redirect's final address when the page names none")
    func article() throws {
        let page = try BinaryRunner.run(["segment", server.url("article.html")])
        #expect(page.status == 0, "\(page.stderr)")
        #expect(page.stdout.hasPrefix("\(server.url("article.html")): 6 paragraphs"))
        // The headline is the page's own <h1>, without the site's name; the declared title stays in the provenance.
        #expect(page.stdout.contains("¶1 headline [0..<13]\n  1. [0..<13] Bridge closes\n"))
        #expect(page.stdout.contains("web page: Bridge closes | Daily · https://daily.example/bridge"))
        #expect(page.stdout.contains("Paragraph 5: the council met on Monday"))
        #expect(!page.stdout.contains("Home"))
        let moved = try BinaryRunner.run(["segment", server.url("redirect"), "--format", "json"])
        #expect(moved.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(moved.stdout.utf8)) as? [String: Any])
        #expect((object["provenance"] as? [String: Any])?["canonicalURL"] as? String == server.url("nocanonical"))
    }

    @Test("the server's charset before the page's meta; text/plain read as text, markup and all")
    func contentType() throws {
        let latin = try BinaryRunner.run(["segment", server.url("latin")])
        #expect(latin.stdout.contains("Café “ok” said the owner of the shop on Friday morning, and the council agreed."), "\(latin.stdout)")
        let plain = try BinaryRunner.run(["segment", server.url("plain.txt")])
        #expect(plain.stdout.contains("<p>Not markup.</p> The council met on Monday."), "\(plain.stdout)")
    }

    @Test("a default User-Agent, and --user-agent to change it")
    func userAgent() throws {
        let standard = try BinaryRunner.run(["segment", server.url("ua")])
        #expect(standard.stdout.contains("the agent Mozilla/5.0 (compatible; storydiff/"))
        let chosen = try BinaryRunner.run(["segment", server.url("ua"), "--user-agent", "newsroom-check/2"])
        #expect(chosen.stdout.contains("the agent newsroom-check/2 today."))
    }

    @Test("every failure is one line naming the URL and exit 2, in bounded time")
    func failures() throws {
        let cases: [(String, [String], String)] = [
            (server.url("missing"), [], "the server answered HTTP 404 (not found)"),
            (server.url("broken"), [], "the server answered HTTP 500 (server error)"),
            (server.url("loop"), [], "cannot be fetched: more than 10 redirects"),
            (server.url("ftp"), [], "redirected to an address that is not http or https"),
            (server.url("empty"), [], "is empty (no text to compare)"),
            (server.url("huge"), [], "larger than 32 MiB, the most storydiff reads for one story"),
            (server.url("huge-chunked"), [], "larger than 32 MiB, the most storydiff reads for one story"),
            (server.url("stall"), ["--timeout", "1"], "no complete answer within 1 s"),
            ("https://127.0.0.1:\(server.port)/article.html", [], "cannot be fetched: TLS failure"),
            ("http://127.0.0.1:9/article.html", [], "cannot be fetched: cannot connect (refused or unreachable)"),
            ("http://storydiff-test.invalid/article.html", [], "cannot be fetched: cannot find the host (DNS lookup failed)"),
        ]
        for (url, options, message) in cases {
            let started = Date()
            let result = try BinaryRunner.run([url, BinaryRunner.sample("kursk-original.txt"), "--format", "text"] + options)
            #expect(result.status == 2, "\(url)")
            #expect(result.stderrLines.count == 1 && result.stderr.hasPrefix("storydiff: \(url): ") && result.stderr.contains(message),
                    "\(url): \(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(Date().timeIntervalSince(started) < 15, "\(url) took \(Date().timeIntervalSince(started)) s")
        }
        let zero = try BinaryRunner.run([server.url("article.html"), server.url("article.html"), "--timeout", "0"])
        #expect(zero.status == 2 && zero.stderr.contains("--timeout must be between 0 and 3600 seconds"))
    }

    @Test("facts, quotes, reports and batch take URLs too")
    func everyCommand() throws {
        let a = server.url("article.html"), b = server.url("redirect")
        let same = try BinaryRunner.run([a, b])
        #expect(same.status == 0, "\(same.stderr)")
        #expect(try BinaryRunner.run(["facts", a, BinaryRunner.sample("kursk-original.txt")]).status == 0)
        #expect(try BinaryRunner.run(["quotes", a, b, "--format", "json"]).status == 0)
        let directory = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = directory.appendingPathComponent("r.html").path
        #expect(try BinaryRunner.run([a, BinaryRunner.sample("kursk-original.txt"), "-o", report]).status == 1)
        #expect(try String(contentsOfFile: report, encoding: .utf8).contains("https://daily.example/bridge"))
        let list = directory.appendingPathComponent("pairs.tsv").path
        try "\(a)\t\(b)\n\(server.url("missing"))\t\(a)\n".write(toFile: list, atomically: true, encoding: .utf8)
        let batch = try BinaryRunner.run(["batch", list, "--jobs", "1"])
        let lines = batch.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.contains("\"identical\":true") == true, "\(batch.stdout)")
        #expect(lines.last?.contains("HTTP 404") == true, "\(batch.stdout)")
    }
}
