import StoryCore
import Testing
@testable import StoryUI

@Suite("Display width and hostile text")
struct TextSafetyTests {
    @Test("wide and combining characters take their true width")
    func widths() {
        #expect(DisplayWidth.of("a" as Character) == 1)
        #expect(DisplayWidth.of("“" as Character) == 1)
        #expect(DisplayWidth.of("—" as Character) == 1)
        #expect(DisplayWidth.of("中" as Character) == 2)
        #expect(DisplayWidth.of("😀" as Character) == 2)
        #expect(DisplayWidth.of("e\u{301}" as Character) == 1)
        #expect(DisplayWidth.of("\u{301}" as Unicode.Scalar) == 0)
        #expect(DisplayWidth.of("漢字 and é") == 10)
    }

    @Test("a wide character never straddles the pane edge")
    func gridClipping() {
        var grid = ScreenGrid(width: 5, height: 1)
        grid.put("ab中中", x: 0, y: 0, style: .plain)
        #expect(grid.lines == ["ab中"])
        #expect(grid[3, 0].text == "")
        #expect(grid[4, 0].text == " ")
    }

    @Test("CJK text wraps by width inside its pane")
    func cjkWraps() throws {
        let chinese = "普京周五要求乌克兰军队投降。这是停火谈判中的新要求。"
        var reader = UIFixtures.reader(UIFixtures.compare(chinese, chinese), width: 40, height: 12)
        let layout = reader.layout()
        for line in layout.lines { #expect(line.left.reduce(0) { $0 + $1.width } <= layout.paneWidths.left) }
        #expect(reader.render().text.contains("普京"))
    }

    @Test("escape sequences, control characters and bidi overrides never reach the screen")
    func hostile() {
        let evil = "Officials said \u{1B}[2J\u{1B}]0;pwned\u{07} the vote was \u{202E}dekcor\u{202C} fair.\n\nA second paragraph with a bell\u{07} here."
        var reader = UIFixtures.reader(UIFixtures.compare(evil, "Officials said the vote was fair."), width: 100, height: 20)
        let grid = reader.render()
        let all = grid.cells.map(\.text).joined()
        #expect(!all.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) })
        #expect(!all.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) })
        #expect(grid.text.contains("␛[2J␛]0;pwned␇"))
        #expect(grid.text.contains("«U+202E»dekcor«U+202C»"))
    }
}
