import Testing
@testable import StoryCore
@testable import StoryUI

@Suite("Facts and quotes panels, flags in the gutter")
struct PanelTests {
    @Test("F lists the facts, differences first; Enter jumps to Feb. 12 in A")
    func factsPanel() throws {
        var reader = UIFixtures.reader(width: 120, height: 30)
        try reader.play("F")
        #expect(reader.overlay == .facts)
        let screen = reader.render().lines
        #expect(screen[1].contains("facts · "))
        #expect(screen.contains { $0.contains("only A   date         Feb. 12") && $0.contains("A34 │") }, "\(screen.joined(separator: "\n"))")
        #expect(screen.contains { $0.contains("only B   organisation New York Times") })
        let index = try #require(reader.factItems.firstIndex { $0.text.contains("Feb. 12") })
        try reader.play(Array(repeating: "j", count: index).joined(separator: " ") + " <Enter>")
        #expect(reader.overlay == .none)
        let feb = try #require(UIFixtures.sample.a.sentences.first { $0.text.hasPrefix("The two leaders are last known to have spoken on Feb. 12.") }?.index)
        #expect(reader.cursor == SentenceRef(.a, feb))
        #expect(reader.message?.hasPrefix("only A   date         Feb. 12") == true)
        // The sentence is on screen with its flag in the gutter.
        let lines = reader.render().lines
        let row = try #require(lines.firstIndex { $0.contains("spoken on Feb. 12.") || $0.contains("The two leaders are last known") })
        #expect(lines[row...].prefix(2).contains { Array($0).count > 58 && Array($0)[58] == "!" })
    }

    @Test("a fact in both versions: Enter goes to A, then Tab to its place in B")
    func bothSides() throws {
        var reader = UIFixtures.reader(width: 120, height: 30)
        try reader.play("F")
        let index = try #require(reader.factItems.firstIndex { $0.text.contains("30-day") })
        try reader.play(Array(repeating: "j", count: index).joined(separator: " ") + " <Enter>")
        let a = try #require(reader.cursor)
        #expect(a.side == .a)
        #expect(UIFixtures.sample.a.sentences[a.index].text.contains("30-day"))
        try reader.play("<Tab>")
        let b = try #require(reader.cursor)
        #expect(b.side == .b)
        #expect(UIFixtures.sample.b.sentences[b.index].text.contains("30-day"))
    }

    @Test("Q lists quotes, flagged first; the newly quoted one jumps to B")
    func quotesPanel() throws {
        var reader = UIFixtures.reader(width: 100, height: 24)
        try reader.play("Q")
        #expect(reader.overlay == .quotes)
        let items = reader.quoteItems
        #expect(items.first?.text.hasPrefix("expanded") == true)
        #expect(items.last?.text.hasPrefix("verbatim") == true)
        // Each item: its class and speaker, then each version's words, in full.
        let index = try #require(items.firstIndex { $0.text == "newly quoted: quoted in B, unquoted in A — The Russian government" })
        #expect(items[index].detail.map { $0.map(\.text).joined() } == ["  B27: “the call had yet to be scheduled.”"])
        try reader.play(Array(repeating: "j", count: index).joined(separator: " ") + " <Enter>")
        let cursor = try #require(reader.cursor)
        #expect(cursor.side == .b)
        #expect(UIFixtures.sample.b.sentences[cursor.index].text.contains("“the call had yet to be scheduled.”"))
        #expect(reader.explanation.contains("! quote newly quoted"))
        // Esc, q and its own key close the panel without moving.
        try reader.play("Q <Esc>")
        #expect(reader.overlay == .none && reader.cursor == cursor)
    }

    @Test("x and X walk the flagged sentences in reading order")
    func flaggedJumps() throws {
        var reader = UIFixtures.reader(width: 120, height: 40)
        var seen: [SentenceRef] = []
        for _ in 0..<5 {
            try reader.play("x")
            let cursor = try #require(reader.cursor)
            #expect(reader.ledgers?.isFlagged(cursor.side, sentence: cursor.index) == true)
            #expect(!seen.contains(cursor))
            seen.append(cursor)
        }
        try reader.play("X")
        #expect(reader.cursor == seen[3])
    }

    @Test("help lists the new keys")
    func help() {
        #expect(Reader.helpLines.contains { $0.hasPrefix("F ") && $0.contains("facts") })
        #expect(Reader.helpLines.contains { $0.hasPrefix("F Q ") && $0.contains("quotes") })
        #expect(Reader.helpLines.contains { $0.hasPrefix("x X") })
    }

    @Test("on a long document the reader opens first and takes the facts and quotes when they are found")
    func ledgersLater() throws {
        var reader = Reader(comparison: UIFixtures.sample, themes: UIFixtures.themes, width: 120, height: 40, ledgers: .later)
        #expect(reader.ledgers == nil)
        #expect(!reader.render().text.contains("!"))              // no flags yet
        try reader.play("F")
        #expect(reader.overlay == .none)
        #expect(reader.render().lines.last == "still finding facts and quotes in this long document…")
        try reader.play("x")
        #expect(reader.render().lines.last == "still finding facts and quotes in this long document…")
        reader.install(Ledgers(UIFixtures.sample))
        #expect(reader.render().lines.last == "facts and quotes are ready: F facts, Q quotes, x next flagged sentence")
        try reader.play("F")
        #expect(reader.overlay == .facts)
        // Flags now show as they do when found at once.
        var atOnce = UIFixtures.reader(width: 120, height: 40)
        try reader.play("<Esc>")
        #expect(reader.render().lines.dropLast() == atOnce.render().lines.dropLast())
    }
}
