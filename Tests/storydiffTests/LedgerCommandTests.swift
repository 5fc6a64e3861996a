import Foundation
import StoryCore
import Testing

@Suite("storydiff facts and storydiff quotes")
struct LedgerCommandTests {
    let original = BinaryRunner.sample("kursk-original.txt")
    let syndicated = BinaryRunner.sample("kursk-syndicated.txt")

    @Test("facts: text, differences first; --only-differences leaves out shared ones")
    func factsText() throws {
        let result = try BinaryRunner.run(["facts", original, syndicated])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Facts: 0 changed, 12 only in A, 4 only in B, 26 in both")
        #expect(lines.contains("  only A   date         Feb. 12  A34"))
        #expect(lines.contains("  only B   organisation New York Times  B5 B21 B32"))
        #expect(lines.contains("  both     number       30-day  A11 A32 · B22"))
        #expect(lines.contains { $0.hasPrefix("  both     person       Volodymyr Zelensky (also ") && $0.contains("Volodymyr Zelenskyy") })
        let differences = try BinaryRunner.run(["facts", "--only-differences", original, syndicated])
        #expect(!differences.stdout.contains("  both "))
        #expect(differences.stdout.contains("Feb. 12"))
    }

    @Test("facts --format json decodes, with offsets into each story")
    func factsJSON() throws {
        let result = try BinaryRunner.run(["facts", "--demo", "--format", "json"])
        #expect(result.status == 0)
        let document = try JSONDecoder().decode(FactsDocument.self, from: Data(result.stdout.utf8))
        #expect(document.onlyA == 12 && document.onlyB == 4 && document.both == 26)
        let text = Array(try String(contentsOfFile: original, encoding: .utf8).unicodeScalars)
        let feb = try #require(document.facts.first { $0.label == "Feb. 12" })
        let mention = try #require(feb.a.first)
        #expect(String(String.UnicodeScalarView(text[mention.start..<mention.end])) == "Feb. 12")
    }

    @Test("quotes: text and JSON, with the classes of the sample")
    func quotes() throws {
        let text = try BinaryRunner.run(["quotes", original, syndicated])
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("Quotes: 20 in A, 16 in B; 11 verbatim, 4 expanded, 1 newly quoted, 2 missing\n"))
        // "The Russian government also said … “the call had yet to be scheduled.”": a described speaker.
        #expect(text.stdout.contains("  newly quoted: quoted in B, unquoted in A\n    B27: “the call had yet to be scheduled.” — The Russian government\n"))
        // Two versions worded differently carry the word diff inside the marks; verbatim ones come last.
        #expect(text.stdout.contains("    B7: “{+For this request+} to be effectively implemented, {+the leaders of Ukraine needed to order their+} military units to lay down their arms and surrender.” — Vladimir V. Putin\n"))
        let changed = try #require(text.stdout.range(of: "\nChanged (word diff: [-only in A-] {+only in B+}):\n"))
        let verbatim = try #require(text.stdout.range(of: "\nVerbatim:\n"))
        #expect(changed.lowerBound < verbatim.lowerBound)
        let json = try BinaryRunner.run(["quotes", "--demo", "--format", "json", "--only-differences"])
        let document = try JSONDecoder().decode(QuotesDocument.self, from: Data(json.stdout.utf8))
        #expect(document.counts["expanded"] == 4)
        #expect(!document.quotes.contains { $0.quoteClass == .verbatim })
        #expect(document.quotes.count == 7)
    }

    @Test("bad input: one line on stderr, exit 2")
    func badInput() throws {
        let missing = try BinaryRunner.run(["facts", "/nonexistent/story.txt", original])
        #expect(missing.status == 2)
        #expect(missing.stderrLines.count == 1)
        #expect(missing.stdout.isEmpty)
        let one = try BinaryRunner.run(["quotes", original])
        #expect(one.status == 2)
        #expect(one.stderrLines.count == 1)
    }
}
