import Foundation
import StoryCore
import Testing
@testable import StoryUI

/// The reader as a newsroom fact-checker uses it (issue 16): which sentence is the match, why,
/// one side's differences, the jump list, regular expressions, panels, chrome, ASCII, export.
@Suite struct FactCheckerTests {
    static func sentence(_ side: Side, containing text: String, in comparison: Comparison = UIFixtures.sample) -> SentenceRef? {
        let story = comparison.story(side)
        return story.sentences.first { story.text(of: $0.span).contains(text) }.map { SentenceRef(side, $0.index) }
    }

    @Test("the selected sentence's link lights both ends; the focused pane is marked")
    func linkEnds() throws {
        var reader = UIFixtures.reader(width: 120, height: 40)
        // A1+A2 merge into B5: on A1, A2 and B5 are the other ends.
        #expect(reader.cursor == SentenceRef(.a, 0))
        #expect(reader.linkEnds == [SentenceRef(.a, 1), SentenceRef(.b, 4)])
        let grid = reader.render()
        let layout = reader.layout()
        let y = try #require(layout.line(of: SentenceRef(.b, 4))) - reader.top + 1
        let x = layout.paneWidths.left + ReaderLayout.gutterWidth
        #expect(grid[x, y].style.underline, "B5 is drawn as the link's other end")
        #expect(grid[0, y].style.reverse, "A1 is the cursor")
        #expect(grid.lines[0].hasPrefix("» A · "))
        try reader.play("<Tab>")
        let header = reader.render().lines[0]
        #expect(!header.hasPrefix("»") && header.contains("» B · "))
        // The status line reads from the cursor's side.
        #expect(reader.explanation.hasPrefix("B5 partial A1+A2"))
    }

    @Test("a counterpart off screen is shown in a peek, with where it is")
    func peek() throws {
        var reader = UIFixtures.reader(width: 120, height: 40)
        // B10 was moved up: A26 says it, far below.
        try reader.play("/encirclement <Enter>")
        #expect(reader.cursor == SentenceRef(.b, 9))
        let text = reader.render().text
        #expect(text.contains("── A26, below · Enter jumps"))
        #expect(text.contains("encirclement"))
    }

    @Test("i opens the detail view: class and meaning, score and its measures, shared words, the full word diff")
    func detailView() throws {
        var reader = UIFixtures.reader(width: 100, height: 40)
        try reader.play("j j i")
        #expect(reader.overlay == .detail)
        let text = reader.render().text
        #expect(text.contains("why A3 is what it is"))
        #expect(text.contains("A3 ↔ B6 near"))
        #expect(text.contains("nearly verbatim"))
        #expect(text.contains("score                 0.88"))
        #expect(text.contains("word order"))
        #expect(text.contains("shared words          strongly, requested, lives, spare"))
        #expect(text.contains("{+on Truth Social+}"))
        // A quote of two quotations names both places.
        try reader.play("<Esc> g i")
        #expect(reader.render().text.contains("A1+A20: “very good and productive"))
        try reader.play("<Esc>")
        #expect(reader.overlay == .none && !reader.quit)
        // Enter on a sentence with nothing to jump to opens it too.
        let unique = try #require(Self.sentence(.a, containing: "Still, Russian forces"))
        reader.setCursor(unique)
        try reader.play("<Enter>")
        #expect(reader.overlay == .detail)
        #expect(reader.render().text.contains("no sentence of the other version says this"))
    }

    @Test("paraphrase emphasis shows only what carries the difference; the detail view keeps every change")
    func paraphraseEmphasis() throws {
        let comparison = UIFixtures.sample
        let a = try #require(Self.sentence(.a, containing: "Independent analysts have challenged"))
        #expect(comparison.classes(.a)[a.index] == .paraphrase)
        let story = comparison.a
        func emphasised(_ emphasis: Comparison.Emphasis) -> [String] {
            comparison.segments(.a, sentence: a.index, emphasis: emphasis).filter { $0.operation == .removed || $0.operation == .moved }
                .map { story.text(of: $0.span) }
        }
        let full = emphasised(.full), essential = emphasised(.essential)
        #expect(full.joined().contains("challenged"))
        // A synonym of B's "disputed" and a word B also uses are not a difference.
        #expect(!essential.joined().contains("challenged"))
        #expect(!essential.joined().contains("analysts"))
        #expect(essential.joined().count < full.joined().count / 2)
        // What B adds of its own stays emphasised: the Ukrainian military's statement.
        let b = try #require(Self.sentence(.b, containing: "Both Putin and Trump claimed"))
        let added = comparison.segments(.b, sentence: b.index).filter { $0.operation == .added }.map { comparison.b.text(of: $0.span) }.joined()
        #expect(added.contains("Putin and Trump"))
    }

    @Test("o, a and d walk and filter the focused side's own differences")
    func sideSteps() throws {
        var reader = UIFixtures.reader(width: 120, height: 40)
        try reader.play("o")
        let own = try #require(reader.cursor)
        #expect(own.side == .a && reader.comparison.classes(.a)[own.index] == .unique)
        try reader.play("g <Tab> a")
        // The rewrite's first own phrase inside a matched sentence, named and highlighted.
        let message = try #require(reader.message)
        #expect(message.hasPrefix("B5 adds to A1+A2: “Moscow"))
        #expect(reader.render().text.contains("Moscow"))
        #expect(reader.layout().lines.contains { $0.right.contains { $0.isMatch } })
        try reader.play("a")
        #expect(reader.message?.contains("2 of") == true || reader.cursor != SentenceRef(.b, 4))
        // d: only rows where B has something of its own.
        try reader.play("d")
        #expect(reader.filter == .differencesOf(.b))
        let layout = reader.layout()
        for line in layout.lines where line.kind == .content {
            let row = reader.comparison.rows[line.row]
            let classes = row.b.flatMap { reader.comparison.b.paragraphs[$0].sentences }.map { reader.comparison.classes(.b)[$0] }
            #expect(classes.contains { $0 != .identical && $0 != .boilerplate })
        }
        #expect(reader.render().text.contains("rows with nothing of B's own hidden (d shows them)"))
        try reader.play("d")
        #expect(reader.filter == .everything)
    }

    @Test("Ctrl-O goes back along the jump list and '' comes back")
    func jumpList() throws {
        var reader = UIFixtures.reader(width: 120, height: 40)
        let start = try #require(reader.cursor)
        try reader.play("G")
        let bottom = try #require(reader.cursor)
        #expect(bottom != start)
        try reader.play("<C-o>")
        #expect(reader.cursor == start)
        try reader.play("' '")
        #expect(reader.cursor == bottom)
        try reader.play("' '")
        #expect(reader.cursor == start)
        // A step is not a jump.
        var fresh = UIFixtures.reader(width: 120, height: 40)
        try fresh.play("j <C-o>")
        #expect(fresh.message?.contains("jump list is empty") == true)
    }

    @Test("search takes a regular expression, and says when it falls back to plain text")
    func regexSearch() throws {
        var reader = UIFixtures.reader(width: 120, height: 40)
        reader.search("putin")
        let plain = reader.matches.count
        reader.search("Pu.in")
        #expect(reader.matches.count == plain && plain > 10)
        reader.search("\\bKursk\\b region")
        #expect(!reader.matches.isEmpty)
        #expect(reader.matches.allSatisfy { reader.comparison.story($0.sentence.side).text(of: $0.span).lowercased() == "kursk region" })
        reader.search("(Trump")
        #expect(reader.message?.contains("not a regular expression") == true)
        reader.search("Mr. Trump")
        #expect(!reader.matches.isEmpty)
    }

    @Test("/ filters the facts panel; the quotes panel shows both versions with the word diff, whole")
    func panels() throws {
        var reader = UIFixtures.reader(width: 100, height: 40)
        try reader.play("F")
        let all = reader.panelItems.count
        try reader.play("/ Kursk <Enter>")
        let shown = reader.panelItems
        #expect(!shown.isEmpty && shown.count < all)
        #expect(shown.allSatisfy { $0.text.lowercased().contains("kursk") })
        try reader.play("<Esc>")
        #expect(reader.panelItems.count == all && reader.overlay == .facts)
        try reader.play("Q")
        #expect(reader.overlay == .quotes)
        let text = reader.render().text
        #expect(text.contains("B7: “{+For this request+} to be effectively implemented,"))
        // Wrapped, never cut: the end of B7's quotation is on the next line.
        #expect(text.contains("order their+} military units to lay down their arms and"))
        let changed = try #require(text.range(of: "expanded: B quotes more"))
        let verbatim = try #require(text.range(of: "verbatim — Donald Trump"))
        #expect(changed.lowerBound < verbatim.lowerBound)
    }

    @Test("site chrome folds into one dim line; } skips it; the first screen opens at the first pair")
    func chrome() throws {
        var reader = UIFixtures.reader(width: 80, height: 24)
        #expect(reader.message?.hasPrefix("opened at the first matched paragraph") == true)
        #expect(reader.render().lines[1].hasPrefix("President Vladimir V. Putin of Russia"))
        try reader.play("g")
        let folded = reader.render().text
        #expect(folded.contains("3 paragraphs of site chrome (z shows): B “worldnewsnetwork”"))
        try reader.play("z")
        #expect(reader.render().lines.filter { $0.contains("worldnewsnetwork") && !$0.contains("chrome") }.count == 2)
        // } from the headline goes past chrome rows to the first paragraph pair.
        try reader.play("z")
        reader.setCursor(SentenceRef(.b, 0))
        try reader.play("}")
        #expect(reader.cursor == SentenceRef(.a, 0) || reader.cursor == SentenceRef(.b, 4))
    }

    @Test("--ascii draws everything in ASCII, the same layout; the legend shortens and never drops a class")
    func ascii() throws {
        var reader = UIFixtures.reader(width: 80, height: 24)
        let unicode = reader.render()
        #expect(unicode.lines[22].contains("÷split") && unicode.lines[22].contains("↕moved"))
        reader.ascii = true
        let plain = reader.render()
        #expect(plain.text.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(plain.lines[1].contains("!#!"))
        #expect(plain.lines[1].count == unicode.lines[1].count)
        try reader.play("?")
        #expect(reader.render().text.contains("+- storydiff keys"))
    }

    @Test("README's key table and the help overlay name the same keys")
    func keysMatchReadme() throws {
        let readme = try String(contentsOf: UIFixtures.root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "| keys | |")).upperBound
        let table = readme[section...].split(separator: "\n").prefix { $0.hasPrefix("|") }
        // The keys of the table: the backticked names in each row's first cell.
        var readmeKeys = Set<String>()
        for row in table {
            let cell = row.split(separator: "|").first.map(String.init) ?? ""
            for (index, part) in cell.split(separator: "`", omittingEmptySubsequences: false).enumerated() where index % 2 == 1 {
                readmeKeys.insert(String(part))
            }
        }
        // The keys of the help: the first column of each line that names one.
        var helpKeys = Set<String>()
        for line in Reader.helpLines where line.count > 15 && !line.hasPrefix(" ") {
            let column = String(line.prefix(15))
            guard !column.contains("identical"), !column.hasPrefix("search"), !column.hasPrefix("!"), !column.hasPrefix("<") else { continue }
            for key in column.split(separator: " ") where key != "wheel" { helpKeys.insert(String(key)) }
            // "(also PgDn PgUp)": more keys for the same thing.
            if let also = line.range(of: "(also ") {
                for key in line[also.upperBound...].prefix(while: { $0 != ")" }).split(separator: " ") { helpKeys.insert(String(key)) }
            }
        }
        readmeKeys.remove("mouse wheel")
        #expect(helpKeys == readmeKeys, "help only: \(helpKeys.subtracting(readmeKeys).sorted()); README only: \(readmeKeys.subtracting(helpKeys).sorted())")
    }

    @Test("e asks before it overwrites a file, and writes only on y")
    func exportAsks() throws {
        var reader = UIFixtures.reader(width: 100, height: 30)
        let written = Counter()
        reader.exporter = { path, _, _ in written.add(); return "wrote \(path)" }
        reader.fileExists = { _ in true }
        try reader.play("e <Enter>")
        #expect(reader.message == "storydiff-report.html exists: overwrite it? (y overwrites, any other key keeps it)")
        try reader.play("n")
        #expect(written.value == 0 && reader.message?.contains("left as it was") == true)
        try reader.play("e <Enter> y")
        #expect(written.value == 1 && reader.message == "wrote storydiff-report.html")
    }
}

/// Counts calls from a Sendable closure.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
