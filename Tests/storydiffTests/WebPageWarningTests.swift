import Foundation
import Testing

/// A page whose article is only its headline (or mostly links) is never compared silently: the
/// warning reaches stderr, every report format, `segment` and the reader's message line.
@Suite("Web pages: no silent loss")
struct WebPageWarningTests {
    static let page = """
        <html><head><title>Only a headline here</title></head><body><h1>Only a headline here</h1><ul>
        \((1...80).map { "<li><a href=\"/s\($0)\">Section number \($0) of the site</a></li>" }.joined())
        </ul></body></html>
        """

    @Test("the warning names the page in stderr, text, JSON, HTML, Markdown, segment and the reader")
    func everywhere() throws {
        let directory = try BinaryRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("menu.html").path
        try Self.page.write(toFile: path, atomically: true, encoding: .utf8)
        let sample = BinaryRunner.sample("kursk-original.txt")
        let phrase = "\(path): the article found is mostly links"
        let text = try BinaryRunner.run([path, sample])
        #expect(text.status == 1)
        #expect(text.stderr.contains("storydiff: warning: " + phrase), "\(text.stderr)")
        #expect(text.stdout.contains(phrase))
        for format in ["json", "html", "md"] {
            let report = directory.appendingPathComponent("r.\(format)").path
            let result = try BinaryRunner.run([path, sample, "-o", report])
            #expect(result.status == 1)
            let written = try String(contentsOfFile: report, encoding: .utf8)
            #expect(written.contains(phrase), "\(format)")
        }
        let json = try BinaryRunner.run([path, sample, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let a = try #require(object["a"] as? [String: Any])
        #expect((a["warnings"] as? [String])?.contains { $0.hasPrefix(phrase) } == true)
        let segment = try BinaryRunner.run(["segment", path])
        #expect(segment.status == 0)
        #expect(segment.stdout.contains("warning: " + phrase))
        let screen = try BinaryRunner.run([path, sample, "--screen", "400x20", "--keys", ""])
        #expect(screen.stdout.contains(phrase), "\(screen.stdout)")
    }
}
