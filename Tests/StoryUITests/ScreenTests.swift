import StoryCore
import Testing
@testable import StoryUI

@Suite("Screens of the sample pair")
struct ScreenTests {
    @Test("the first screen at 120x40, 80x24, 60x20 and 40x12", arguments: [(120, 40), (80, 24), (60, 20), (40, 12)])
    func firstScreen(_ size: (Int, Int)) throws {
        var reader = UIFixtures.reader(width: size.0, height: size.1)
        let grid = reader.render()
        try UIFixtures.expectScreen(grid, named: "first-\(size.0)x\(size.1)")
        try UIFixtures.expectStyles(grid, of: reader, named: "first-\(size.0)x\(size.1)")
    }

    @Test("after } } u at 120x40 and 80x24", arguments: [(120, 40), (80, 24)])
    func afterKeys(_ size: (Int, Int)) throws {
        var reader = UIFixtures.reader(width: size.0, height: size.1)
        try reader.play("} } u")
        let grid = reader.render()
        try UIFixtures.expectScreen(grid, named: "keys-unique-\(size.0)x\(size.1)")
        try UIFixtures.expectStyles(grid, of: reader, named: "keys-unique-\(size.0)x\(size.1)")
    }

    @Test("help and summary overlays")
    func overlays() throws {
        var reader = UIFixtures.reader(width: 100, height: 30)
        try reader.play("?")
        try UIFixtures.expectScreen(reader.render(), named: "help-100x30")
        try reader.play("x s")
        try UIFixtures.expectScreen(reader.render(), named: "summary-100x30")
    }

    @Test("side by side: paragraphs of a row start on the same line; the shorter side is padded")
    func rowsAreLevel() throws {
        var reader = UIFixtures.reader(width: 120, height: 40)
        // Chrome shown row by row, so that every word of both stories is laid out.
        try reader.play("z")
        let layout = reader.layout()
        #expect(layout.mode == .sideBySide)
        for (rowIndex, row) in UIFixtures.sample.rows.enumerated() {
            guard let line = layout.rowLine[rowIndex], !row.a.isEmpty, !row.b.isEmpty else { continue }
            let firstA = UIFixtures.sample.a.paragraphs[row.a.lowerBound].sentences.first!
            let firstB = UIFixtures.sample.b.paragraphs[row.b.lowerBound].sentences.first!
            #expect(layout.line(of: SentenceRef(.a, firstA)) == line)
            #expect(layout.line(of: SentenceRef(.b, firstB)) == line)
        }
        // Every line fits its pane: nothing is cut off, long text wraps.
        let panes = layout.paneWidths
        for line in layout.lines {
            #expect(line.left.reduce(0) { $0 + $1.width } <= panes.left)
            #expect(line.right.reduce(0) { $0 + $1.width } <= panes.right)
        }
        // All of each story's words are on screen somewhere (wrapping never drops text).
        let shown = (layout.lines.map { $0.left.map(\.text).joined() } + layout.lines.map { $0.right.map(\.text).joined() }).joined(separator: " ")
        for sentence in UIFixtures.sample.a.sentences + UIFixtures.sample.b.sentences {
            for word in sentence.text.split(separator: " ") { #expect(shown.contains(word)) }
        }
    }

    @Test("below 80 columns the layout stacks on its own; L switches it")
    func stacking() throws {
        var narrow = UIFixtures.reader(width: 79, height: 24)
        #expect(narrow.mode == .stacked)
        var wide = UIFixtures.reader(width: 80, height: 24)
        #expect(wide.mode == .sideBySide)
        try wide.play("L")
        #expect(wide.mode == .stacked)
        #expect(wide.render().lines.last == "layout: stacked")
        try narrow.play("L")
        #expect(narrow.mode == .sideBySide)
    }

    @Test("too small: a clear message, never a crash", arguments: [(29, 10), (50, 7), (1, 1), (10, 3)])
    func tooSmall(_ size: (Int, Int)) throws {
        var reader = UIFixtures.reader(width: size.0, height: size.1)
        try reader.play("j } G ?")
        let grid = reader.render()
        #expect(grid.width == size.0 && grid.height == size.1)
        if size.0 >= 10 && size.1 >= 3 { #expect(grid.text.contains("too small")) }
        try reader.play("q")
        #expect(reader.quit)
    }

    @Test("style map: word changes, classes and the cursor get their theme roles")
    func styleMap() throws {
        let comparison = UIFixtures.compare(
            "The army said on Friday that it had taken the town of Sudzha.\n\nOfficials met in Geneva to discuss the grain deal.",
            "The army said on Saturday that it had captured the town of Sudzha.\n\nOfficials met in Geneva to discuss the grain deal.")
        var reader = UIFixtures.reader(comparison, width: 100, height: 12)
        let theme = reader.theme
        let grid = reader.render()
        // The day changed: the pair is partial.
        let near = theme[.text].patched(with: theme[.partial])
        let entries: [(Style, Character)] = [
            (.plain, " "),
            (theme[.text].patched(with: theme[.identical]), "i"),
            (theme[.header], "H"),
            (theme[.status], "S"),
            (theme[.message], "M"),
            (near, "n"),
            (near.patched(with: theme[.cursor]), "N"),
            (near.patched(with: theme[.wordRemoved]).patched(with: theme[.cursor]), "R"),
            (near.patched(with: theme[.wordAdded]), "a"),
            // The cursor's counterpart on the other side: the link's other end, lit.
            (near.patched(with: theme[.counterpart]), "c"),
            (near.patched(with: theme[.wordAdded]).patched(with: theme[.counterpart]), "A"),
            (theme[.header].patched(with: Style(underline: true)), "H"),
            (theme[.gutter].patched(with: theme[.partial]).patched(with: Style(bold: true)), "∩"),
            (theme[.gutter].patched(with: theme[.identical]).patched(with: Style(bold: true)), "="),
            (theme[.gutter].patched(with: theme[.flag]), "!"),
        ]
        // Roles that look alike share a letter: the first one named wins.
        let legend = Dictionary(entries, uniquingKeysWith: { first, _ in first })
        let lines = grid.lines
        // The day changed: a fact flag on both sides of the gutter.
        #expect(lines[1] == "The army said on Friday that it had taken the   !∩! The army said on Saturday that it had captured")
        let map = grid.styleMap(legend)
        // "Friday" removed (and under the cursor) on the left; "Saturday" added on the right, in the
        // counterpart's light.
        let friday = lines[1].range(of: "Friday")!.lowerBound.utf16Offset(in: lines[1])
        #expect(Array(map[1])[friday..<friday + 6].allSatisfy { $0 == "R" })
        let saturday = lines[1].range(of: "Saturday")!.lowerBound.utf16Offset(in: lines[1])
        #expect(Array(map[1])[saturday..<saturday + 8].allSatisfy { $0 == "A" })
        #expect(Array(map[1])[52..<55] == ["c", "c", "c"])
        #expect(Array(map[1])[0..<3] == ["N", "N", "N"])
        #expect(Array(map[1])[49] == "∩")
        #expect(Array(map[1])[48] == "!" && Array(map[1])[50] == "!")
        #expect(map[4].hasPrefix("iiiiiiiii"))
        #expect(Array(map[4])[49] == "=")
        #expect(map[0].allSatisfy { $0 == "H" })
        // Every cell of the text area has one of the roles above.
        #expect(!map[1..<9].joined().contains("?"), "\(map.joined(separator: "\n"))")
    }
}
