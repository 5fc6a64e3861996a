import Foundation
import StoryCore
import Testing
@testable import StoryUI

/// The reader on the sample's original and three copies: the syndicated rewrite, the original
/// with every fourth paragraph cut, and the syndicated rewrite lightly edited.
enum VersionFixtures {
    static let collation: Collation = {
        let base = StoryReader.story(name: SamplePair.originalName, text: SamplePair.original)
        let paragraphs = SamplePair.original.components(separatedBy: "\n\n")
        let cut = paragraphs.enumerated().filter { $0.offset % 4 != 3 }.map(\.element).joined(separator: "\n\n")
        let edit = SamplePair.syndicated.replacingOccurrences(of: "Ukrainian", with: "Kyiv's")
        return Collation(base: base, copies: [StoryReader.story(name: SamplePair.syndicatedName, text: SamplePair.syndicated),
                                              StoryReader.story(name: "cut.txt", text: cut),
                                              StoryReader.story(name: "edit.txt", text: edit)])
    }()

    static func reader(width: Int, height: Int) -> Reader {
        Reader(collation: collation, themes: UIFixtures.themes, width: width, height: height)
    }
}

@Suite("The reader with many versions")
struct VersionsReaderTests {
    func lines(_ reader: inout Reader) -> [String] { reader.render().text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    @Test("opens on copy 1 of 3: the header names it, the gutter counts the copies keeping each base sentence")
    func opening() throws {
        var reader = VersionFixtures.reader(width: 100, height: 30)
        let screen = lines(&reader)
        #expect(screen[0].contains("base · 66%"))
        #expect(screen[0].contains("copy 1/3 · 93% matched"))
        #expect(screen[1].hasPrefix("President Vladimir V. Putin of Russia on        3 "))
        // "Neither man has raised the idea…" is kept by the cut alone: its count is on the line it starts on.
        try reader.play("/Neither <Space> man <Enter>")
        let neither = try #require(lines(&reader).first { $0.contains("surrender.” Neither") })
        #expect(neither.dropFirst(46).hasPrefix("  1"))
        #expect(reader.message?.hasPrefix("match 1 of 1") == true)
        try reader.play("j k")
        #expect(lines(&reader)[29].hasPrefix("copies: identical in 1, dropped by 2 (dropped by 1, 3) · A8 · only in A"))
    }

    @Test("v and V go round the copies; the base paragraph under the cursor keeps its screen line")
    func switching() throws {
        var reader = VersionFixtures.reader(width: 100, height: 30)
        try reader.play("} } } } } }")
        let cursor = try #require(reader.cursor)
        // The base sentence the cursor is on (or the one its copy sentence comes from).
        let anchor = try #require(cursor.side == .a ? cursor.index : reader.comparison.counterparts(.b, sentence: cursor.index).first)
        let before = lines(&reader)
        let row = try #require(before.firstIndex { $0.hasPrefix("President Volodymyr Zelensky of Ukraine gave") })
        try reader.play("v")
        let after = lines(&reader)
        #expect(after[0].contains("copy 2/3"))
        #expect(after[row].hasPrefix("President Volodymyr Zelensky of Ukraine gave"))
        #expect(reader.versions?.current == 2)
        // The cursor is on the same base sentence, or its counterpart in the copy.
        let now = try #require(reader.cursor)
        #expect(now.side == .a ? now.index == anchor : reader.comparison.counterparts(.b, sentence: now.index).contains(anchor))
        #expect(reader.message?.hasPrefix("copy 2 of 3: cut.txt · keeps 80% of the base") == true)
        try reader.play("v")
        #expect(reader.versions?.current == 3)
        try reader.play("v")
        #expect(reader.versions?.current == 1)
        try reader.play("V")
        #expect(reader.versions?.current == 3)
        // Settings carry over from copy to copy.
        try reader.play("w L v")
        #expect(!reader.wordEmphasis)
        #expect(reader.layout().mode == .stacked)
    }

    @Test("the overview: a row per copy, sortable by any shown column, Enter opens the copy")
    func overview() throws {
        var reader = VersionFixtures.reader(width: 100, height: 30)
        try reader.play("o")
        #expect(reader.overlay == .overview)
        try UIFixtures.expectScreen(reader.render(), named: "versions-overview-100x30")
        try reader.play("<Right> <Right>")
        #expect(reader.versions?.sortColumn == .baseKept)
        #expect(reader.versions?.sortDescending == true)
        #expect(reader.versions?.sortedRows.map(\.copy) == [2, 1, 3])
        try reader.play("r")
        #expect(reader.versions?.sortedRows.map(\.copy).first != 2)
        try reader.play("g <Enter>")
        #expect(reader.overlay == .none)
        let opened = try #require(reader.versions?.current)
        #expect(opened == reader.versions?.sortedRows.first?.copy)
        try reader.play("o <Esc>")
        #expect(reader.overlay == .none)
        #expect(reader.versions?.current == opened)
    }

    @Test("D shows only rows with base sentences some copy drops or changes; the rest of the base is kept verbatim everywhere")
    func changedInSomeCopy() throws {
        // Copies that keep most of the base word for word: the cut, and the original with one sentence reworded.
        let original = StoryReader.story(name: SamplePair.originalName, text: SamplePair.original)
        let reworded = SamplePair.original.replacingOccurrences(of: "Still, Russian forces have of late had the upper hand",
                                                                with: "Russian forces have recently held the advantage")
        let collation = Collation(base: original, copies: [VersionFixtures.collation.copy(2), StoryReader.story(name: "reworded.txt", text: reworded)])
        var reader = Reader(collation: collation, themes: UIFixtures.themes, width: 100, height: 30)
        let base = collation.base.sentences.filter { $0.role.isCompared }.map { SentenceRef(.a, $0.index) }
        let all = base.filter { reader.isShown($0) }.count
        try reader.play("D")
        #expect(reader.filter == .changedInSomeCopy)
        let shown = base.filter { reader.isShown($0) }
        // Whole paragraphs show, so a changed sentence brings its paragraph: 11 changed, 13 shown of 43.
        #expect(collation.baseSentences.count { !$0.keptVerbatimEverywhere } == 11)
        #expect(shown.count == 13)
        #expect(all == 43)
        // Every base sentence some copy drops or changes is still shown.
        for fate in collation.baseSentences where !fate.keptVerbatimEverywhere {
            #expect(shown.contains(SentenceRef(.a, fate.sentence)), "A\(fate.sentence + 1)")
        }
        #expect(lines(&reader)[28].contains("[changed in some copy]"))
        try reader.play("v")
        #expect(reader.filter == .changedInSomeCopy)
        try reader.play("D")
        #expect(reader.filter == .everything)
    }

    @Test("while the other copies are compared: copy 1 at once, v o D say so, then everything")
    func background() throws {
        let collation = VersionFixtures.collation
        var reader = Reader(firstCopy: collation.comparison(1), ledgers: collation.ledgers[0], copies: 3,
                            themes: UIFixtures.themes, width: 100, height: 30)
        #expect(reader.message?.hasPrefix("copy 1 of 3: kursk-syndicated.txt · comparing the other 2 in the background…") == true)
        #expect(lines(&reader)[0].contains("copy 1/3"))
        reader.copiesCompared(2)
        try reader.play("v")
        #expect(reader.message == "still comparing the copies (2 of 3 done)…")
        try reader.play("o")
        #expect(reader.overlay == .none)
        reader.install(collation)
        #expect(reader.message == "all 3 copies compared: v V other copies · o overview · D what some copy changed")
        try reader.play("v")
        #expect(reader.versions?.current == 2)
    }

    @Test("two stories: v and D say what they need, o still jumps to own sentences")
    func twoStories() throws {
        var reader = UIFixtures.reader(width: 100, height: 30)
        try reader.play("v")
        #expect(reader.message == "v and V show other copies: give three or more stories (storydiff BASE COPY1 COPY2 …)")
        try reader.play("D")
        #expect(reader.message == "D needs copies: give three or more stories (storydiff BASE COPY1 COPY2 …)")
        try reader.play("o")
        #expect(reader.overlay == .none)
        #expect(reader.cursor.map { reader.comparison.classes($0.side)[$0.index] } == .unique)
    }
}
