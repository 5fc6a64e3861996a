import StoryCore
import Testing
@testable import StoryUI

/// A long document is laid out a window of rows at a time; whatever the reader does, what the
/// screen shows must be what laying out the whole document would show.
@Suite("Long documents: the window follows the reader")
struct WindowTests {
    /// 3,000 one-sentence paragraphs a side: every fifth reworded, one in 400 only in A, and one
    /// paragraph near the end (`moved`) moved to the start of B.
    static let comparison: Comparison = {
        var a: [String] = [], b: [String] = []
        for n in 0..<3_000 {
            let sentence = "Paragraph \(n) of the long report says the council of district \(n) met for \(n % 7 + 2) hours."
            a.append(sentence)
            if n % 400 == 399 { continue }                       // only in A
            b.append(n % 5 == 0 ? sentence.replacingOccurrences(of: "met for", with: "sat for") : sentence)
        }
        let moved = b.remove(at: 2_900)
        b.insert(moved, at: 0)
        return Comparer.compare(StoryReader.story(name: "a.txt", text: a.joined(separator: "\n\n")),
                                StoryReader.story(name: "b.txt", text: b.joined(separator: "\n\n")))
    }()

    static let metrics = WrapMetrics(comparison: comparison)

    /// A reader of the long pair (its facts and quotes are not what these tests are about).
    static func reader(width: Int = 120, height: Int = 30) -> Reader {
        Reader(comparison: comparison, themes: UIFixtures.themes, width: width, height: height, ledgers: .later)
    }

    static var moved: Int {
        Int(comparison.b.sentences[0].text.split(separator: " ")[1])!
    }

    /// The content rows of a screen, and the same rows of the whole document's layout, for the
    /// sentence under the cursor: they must be the same text.
    static func expectMatchesWholeLayout(_ reader: inout Reader, sourceLocation: SourceLocation = #_sourceLocation) {
        let screen = reader.render().lines
        let window = reader.layout()
        let whole = ReaderLayout(comparison: comparison, width: reader.width, mode: reader.mode, hideIdentical: reader.hideIdentical,
                                 metrics: metrics)
        guard let cursor = reader.cursor, let inWindow = window.line(of: cursor), let inWhole = whole.line(of: cursor) else {
            Issue.record("the cursor is not laid out", sourceLocation: sourceLocation)
            return
        }
        #expect(inWindow >= reader.top && inWindow < reader.top + reader.contentHeight, "the cursor is on screen", sourceLocation: sourceLocation)
        // The whole layout from the same place: the same top, shifted to whole-document lines.
        let expected = whole.lines(reader.top - inWindow + inWhole ..< reader.top - inWindow + inWhole + reader.contentHeight)
        let shown = window.lines(reader.top..<reader.top + reader.contentHeight)
        #expect(shown.map { $0.left.map(\.text).joined() + "|" + $0.right.map(\.text).joined() }
                == expected.map { $0.left.map(\.text).joined() + "|" + $0.right.map(\.text).joined() },
                "the window shows what the whole layout has there", sourceLocation: sourceLocation)
        #expect(screen.count == reader.height, sourceLocation: sourceLocation)
    }

    @Test("the document is long enough to be laid out in windows, and the first window starts at the top")
    func windowed() {
        var reader = Self.reader()
        #expect(reader.usesWindow)
        #expect(reader.layout().window == 0..<Reader.windowRows)
        #expect(Self.moved > 2_800)
        #expect(reader.render().lines[1].contains("Paragraph \(Self.moved) "))      // B starts with the moved paragraph
        Self.expectMatchesWholeLayout(&reader)
    }

    @Test("paging down through window edges shows each page once: the next page starts two lines before the last ended")
    func pagingAcrossEdges() {
        var reader = Self.reader()
        var previous = reader.render().lines
        var moves = 0
        var pages = 0
        while pages < 1_000 {
            let windowBefore = reader.layout().window, topBefore = reader.top
            reader.handle(.pageDown)
            if reader.layout().window != windowBefore { moves += 1 }
            let screen = reader.render().lines
            let step = reader.contentHeight - 2
            guard screen != previous else { break }                      // the end
            // Content rows are 1...contentHeight; the new row 1 was the old row 1 + step, unless
            // this was the last page (which stops at the end).
            if screen[reader.contentHeight].contains("district 2999 ") {
                #expect(screen[1] == previous[1 + (reader.top - topBefore)] || reader.layout().window != windowBefore)
            } else {
                #expect(screen[1] == previous[1 + step], "page \(pages)")
            }
            previous = screen
            pages += 1
        }
        #expect(pages > 300)
        #expect(previous[reader.contentHeight].contains("district 2999 "))
        #expect(moves >= 2)
        Self.expectMatchesWholeLayout(&reader)
    }

    @Test("G goes to the very end; g back to the start; a resize there keeps the screen true")
    func endsAndResize() throws {
        var reader = Self.reader()
        try reader.play("G")
        #expect(reader.layout().window.upperBound == Self.comparison.rows.count)
        #expect(reader.render().lines[reader.contentHeight].contains("district 2999 "))
        Self.expectMatchesWholeLayout(&reader)
        try reader.play("<Resize:90x24>")
        Self.expectMatchesWholeLayout(&reader)
        try reader.play("L")
        Self.expectMatchesWholeLayout(&reader)
        try reader.play("g")
        #expect(reader.layout().window.lowerBound == 0 && reader.top == 0)
    }

    @Test("jumps beyond the window: the next sentence only in A, the counterpart of a moved paragraph, a search match")
    func farJumps() throws {
        var reader = Self.reader()
        // Only-in-A sentences are paragraphs 399, 799, …: the fourth is past the first window.
        for expected in [399, 799, 1_199, 1_599, 1_999] {
            try reader.play("u")
            #expect(reader.cursor.map { Self.comparison.a.sentences[$0.index].text.hasPrefix("Paragraph \(expected) ") } == true)
            Self.expectMatchesWholeLayout(&reader)
        }
        // The moved paragraph: B's first, A's 2900th.
        try reader.play("g <Tab> k")
        #expect(reader.cursor?.side == .b)
        try reader.play("<Enter>")
        #expect(reader.cursor.map { Self.comparison.a.sentences[$0.index].text.hasPrefix("Paragraph \(Self.moved) ") } == true)
        Self.expectMatchesWholeLayout(&reader)
        // A search for a paragraph near the end, then n and N across the document.
        try reader.play("g")
        reader.search("district 2750 met")
        #expect(reader.cursor.map { Self.comparison.story($0.side).sentences[$0.index].text.hasPrefix("Paragraph 2750 ") } == true)
        Self.expectMatchesWholeLayout(&reader)
        reader.search("district 10 ")
        try reader.play("n")
        Self.expectMatchesWholeLayout(&reader)
        // With identical rows hidden, a filtered view still ends where the document ends.
        try reader.play("f G")
        Self.expectMatchesWholeLayout(&reader)
    }
}
