import StoryCore
import Testing
@testable import StoryUI

@Suite("Keys replayed against the view state")
struct KeyTests {
    let sample = UIFixtures.sample

    @Test("} and { move by aligned paragraph rows; u finds the next unique sentence")
    func rowsAndUnique() throws {
        var reader = UIFixtures.reader(width: 120, height: 40)
        #expect(reader.cursor == SentenceRef(.a, 0))
        try reader.play("}")
        let layout = reader.layout()
        // Rows 0–3 are B's headline and chrome; the leads (A1+A2 merged into B5) are row 4.
        #expect(layout.lines[layout.line(of: reader.cursor!)!].row == 5)
        try reader.play("{")
        #expect(reader.cursor == SentenceRef(.a, 0))
        try reader.play("} } u")
        #expect(reader.cursor == SentenceRef(.a, 5))
        #expect(sample.classesA[5] == .unique)
        #expect(reader.explanation == "A6 · only in A")
        try reader.play("U")
        #expect(sample.classes(reader.cursor!.side)[reader.cursor!.index] == .unique)
    }

    @Test("c visits every change and no identical sentence")
    func changes() throws {
        var reader = UIFixtures.reader(width: 120, height: 40)
        var visited: [SentenceRef] = []
        for _ in 0..<200 {
            try reader.play("c")
            guard let cursor = reader.cursor, !visited.contains(cursor) else { break }
            visited.append(cursor)
        }
        let changes = [Side.a, .b].flatMap { side in
            sample.classes(side).enumerated().filter { [.near, .paraphrase, .partial, .unique].contains($0.element) }.map { SentenceRef(side, $0.offset) }
        }
        // The reader opens on A1; only B's headline (row 1) comes before it in reading order.
        let before: Set = [SentenceRef(.a, 0), SentenceRef(.b, 0)]
        #expect(Set(visited) == Set(changes).subtracting(before) || Set(visited) == Set(changes),
                "missed \(Set(changes).subtracting(visited).sorted { ($0.side.rawValue, $0.index) < ($1.side.rawValue, $1.index) })")
        #expect(visited.allSatisfy { sample.classes($0.side)[$0.index] != .identical })
    }

    @Test("Enter jumps to the counterpart of a moved sentence and back")
    func counterpart() throws {
        var reader = UIFixtures.reader(width: 120, height: 40)
        // B10 was moved up: A26 says it, far below.
        try reader.play("/encirclement <Enter>")
        #expect(reader.cursor == SentenceRef(.b, 9))
        try reader.play("<Enter>")
        #expect(reader.cursor == SentenceRef(.a, 25))
        #expect(reader.focus == .a)
        let layout = reader.layout()
        let line = layout.line(of: SentenceRef(.a, 25))!
        #expect(line >= reader.top && line < reader.top + reader.contentHeight)
        try reader.play("<Enter>")
        #expect(reader.cursor == SentenceRef(.b, 9))
    }

    @Test("Tab switches the pane to the counterpart; j and k move within the focused pane")
    func tabAndMove() throws {
        var reader = UIFixtures.reader(width: 120, height: 40)
        try reader.play("j j")
        #expect(reader.cursor == SentenceRef(.a, 2))
        try reader.play("<Tab>")
        #expect(reader.cursor == SentenceRef(.b, 5))
        #expect(reader.focus == .b)
        try reader.play("j")
        #expect(reader.cursor?.side == .b)
        try reader.play("k k")
        #expect(reader.cursor == SentenceRef(.b, 4))
    }

    @Test("search: / highlights matches on both sides, n and N cycle")
    func search() throws {
        var reader = UIFixtures.reader(width: 120, height: 40)
        try reader.play("/sumy <Enter>")
        #expect(reader.matches.count == 4)   // A: Sumy region, Sumy Regional; B: the same two
        #expect(Set(reader.matches.map(\.sentence.side)) == [.a, .b])
        #expect(reader.render().lines.last == "match 1 of 4 for “sumy”")
        let first = reader.cursor
        try reader.play("n")
        #expect(reader.render().lines.last == "match 2 of 4 for “sumy”")
        try reader.play("N")
        #expect(reader.cursor == first)
        let layout = reader.layout()
        #expect(layout.lines.flatMap { $0.left + $0.right }.filter(\.isMatch).map { $0.text.lowercased() } == Array(repeating: "sumy", count: 4))
        try reader.play("/zzzz <Enter>")
        #expect(reader.render().lines.last == "not found: zzzz")
    }

    @Test("f hides identical rows and shows how many; f again shows them")
    func filter() throws {
        let text = "The council approved the budget on Tuesday after a long debate.\n\nCritics said the plan would raise taxes for most families.\n\nThe mayor promised to review spending next year."
        let changed = text.replacingOccurrences(of: "next year", with: "in the spring")
        var reader = UIFixtures.reader(UIFixtures.compare(text, changed), width: 100, height: 20)
        try reader.play("f")
        let screen = reader.render().text
        #expect(screen.contains("··· 2 identical paragraph rows hidden (f shows them) ···"))
        #expect(!screen.contains("council"))
        #expect(screen.contains("The mayor promised"))
        #expect(reader.cursor == SentenceRef(.a, 2))
        try reader.play("f")
        #expect(reader.render().text.contains("council"))
    }

    @Test("w toggles word emphasis; t cycles the themes; q and Esc quit; overlays close on any key")
    func toggles() throws {
        var reader = UIFixtures.reader(width: 100, height: 30)
        try reader.play("w")
        #expect(!reader.wordEmphasis)
        let first = reader.theme.name
        try reader.play("t")
        #expect(reader.theme.name != first)
        for _ in 1..<reader.themes.count { try reader.play("t") }
        #expect(reader.theme.name == first)
        // j scrolls a help taller than the screen; another key closes it.
        try reader.play("? j")
        #expect(reader.overlay == .help)
        try reader.play("x")
        #expect(reader.overlay == .none)
        #expect(!reader.quit)
        try reader.play("q")
        #expect(reader.quit)
    }

    @Test("Esc closes what is open and never quits; only q quits")
    func escapeNeverQuits() throws {
        var reader = UIFixtures.reader(width: 100, height: 30)
        // After F, Esc twice (to be sure the panel is closed): the reader stays, at its place.
        try reader.play("} } F")
        #expect(reader.overlay == .facts)
        let place = reader.cursor
        try reader.play("<Esc> <Esc>")
        #expect(reader.overlay == .none && !reader.quit && reader.cursor == place)
        #expect(reader.render().lines.last == "nothing to close · q quits")
        // Overlays, prompts and the search highlight close the same way.
        try reader.play("? <Esc> <Esc>")
        #expect(reader.overlay == .none && !reader.quit)
        try reader.play("/ K u r s k <Enter>")
        #expect(reader.searchQuery == "Kursk")
        try reader.play("<Esc>")
        #expect(reader.searchQuery == nil && reader.matches.isEmpty && !reader.quit)
        #expect(reader.render().lines.last == "search cleared")
        try reader.play("/ a b <Esc> <Esc>")
        #expect(reader.searchQuery == nil && !reader.quit)
        // F and Q toggle their panels.
        try reader.play("Q")
        #expect(reader.overlay == .quotes)
        try reader.play("F")
        #expect(reader.overlay == .facts)
        try reader.play("F")
        #expect(reader.overlay == .none)
        // On the "too small" screen too.
        var small = UIFixtures.reader(width: 10, height: 3)
        try small.play("<Esc>")
        #expect(!small.quit)
        try small.play("q")
        #expect(small.quit)
        try reader.play("q")
        #expect(reader.quit)
    }

    @Test("resize reflows and keeps the current paragraph in view")
    func resize() throws {
        var reader = UIFixtures.reader(width: 120, height: 40)
        try reader.play("} } } } } } u")
        let cursor = reader.cursor!
        for size in [(60, 20), (200, 50), (80, 24), (40, 12)] {
            reader.handle(.resize(width: size.0, height: size.1))
            #expect(reader.cursor == cursor)
            let line = reader.layout().line(of: cursor)!
            #expect(line >= reader.top && line < reader.top + reader.contentHeight, "\(size)")
        }
    }

    @Test("paging and the ends: Space, b, G, g, the wheel")
    func paging() throws {
        var reader = UIFixtures.reader(width: 120, height: 40)
        try reader.play("g <Space>")
        #expect(reader.top == reader.contentHeight - 2)
        try reader.play("b")
        #expect(reader.top == 0)
        try reader.play("G")
        #expect(reader.top == reader.layout().lines.count - reader.contentHeight)
        #expect(reader.cursor == reader.layout().order.last { $0.side == .a })
        try reader.play("g")
        #expect(reader.top == 0)
        reader.handle(.wheelDown)
        #expect(reader.top == 3)
    }

    @Test("key scripts: special keys and typing; unknown names are errors")
    func script() throws {
        #expect(try Key.script("} <Space> /Kursk <Enter> <Resize:80x24>") ==
                [.character("}"), .character(" "), .character("/"), .character("K"), .character("u"), .character("r"),
                 .character("s"), .character("k"), .enter, .resize(width: 80, height: 24)])
        #expect(throws: KeyScriptError.self) { try Key.script("<Nope>") }
    }
    @Test("a long path in the header keeps its file name and loses its middle")
    func headerKeepsFileName() throws {
        let a = StoryReader.story(name: "/work/shared/eval/wikinews-revisions/100524-r1/before.txt", text: "The council met on Monday. It voted.")
        let b = StoryReader.story(name: "/work/shared/eval/wikinews-revisions/100524-r1/after.txt", text: "The council met on Tuesday. It voted.")
        var reader = Reader(comparison: Comparer.compare(a, b), themes: UIFixtures.themes, width: 80, height: 24)
        let header = reader.render().lines[0]
        // Each pane's title ends with its file name, after a cut in the middle of the path.
        #expect(header.contains("…/before.txt"), "\(header)")
        #expect(header.hasSuffix("…/after.txt"), "\(header)")
        #expect(header.hasPrefix("» A · "), "\(header)")
    }
    @Test("L switches the layout, h is help, a key that does nothing says so; search goes round and says so")
    func habits() throws {
        var reader = UIFixtures.reader(width: 100, height: 30)
        try reader.play("l")
        #expect(reader.mode == .sideBySide)
        #expect(reader.render().lines.last == "l does nothing: L switches the layout · ? help")
        try reader.play("Z")
        #expect(reader.render().lines.last == "Z does nothing here · ? help")
        try reader.play("h")
        #expect(reader.overlay == .help)
        try reader.play("<Esc> L")
        #expect(reader.mode == .stacked)
        // Round the matches: after the last, the first, with a message.
        try reader.play("L / S u m y <Enter>")
        let count = reader.matches.filter { _ in true }.count
        try #require(count >= 2)
        var wrappedMessage: String?
        for _ in 0..<(count + 1) {
            try reader.play("n")
            if let last = reader.render().lines.last, last.hasPrefix("search hit bottom, continuing at top") { wrappedMessage = last; break }
        }
        #expect(wrappedMessage != nil)
        try reader.play("N")
        #expect(reader.render().lines.last?.hasPrefix("search hit top, continuing at bottom") == true)
    }
}
