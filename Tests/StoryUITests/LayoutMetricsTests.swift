import StoryCore
import Testing
@testable import StoryUI

/// The layout knows every line and sentence position from word widths alone and makes lines only
/// for the rows shown; the two must agree exactly, whatever the text and the width.
@Suite("Lazy layout")
struct LayoutMetricsTests {
    static let awkward = [
        // The sample pair: word diffs split words into pieces ("difficult" kept, ",”" added).
        UIFixtures.sample,
        // Long words wider than a pane, a URL, CJK, emoji, combining accents, control characters,
        // a bidi override, a line break inside a paragraph, an empty-looking paragraph.
        (UIFixtures.compare("""
        Officials said https://example.com/a/very/long/path/that/cannot/fit/anywhere/at/all was down. Then 普京周五要求乌克兰军队投降 happened.

        Caf\u{65}\u{301} owners 😀 said \u{1B}[2J nothing\u{07} and \u{202E}dekcor\u{202C} something
        else entirely, supercalifragilisticexpialidocious-ly.

        Short.
        """, """
        Officials said the site was down. Then 普京周五要求乌克兰军队投降 happened.

        Café owners 😀 said nothing and something else entirely.

        A new closing line that only B has, with a few more words to wrap.
        """)),
    ]

    @Test("measured lines and sentence starts equal the lines made, at every width, both layouts, filter on and off")
    func metricsAgreeWithLines() {
        for comparison in Self.awkward {
            let metrics = WrapMetrics(comparison: comparison)
            for width in [30, 41, 57, 80, 101, 160] {
                for mode in [ReaderLayout.Mode.sideBySide, .stacked] {
                    for hide in [false, true] {
                        let layout = ReaderLayout(comparison: comparison, width: width, mode: mode, hideIdentical: hide, metrics: metrics)
                        let lines = layout.lines
                        #expect(lines.count == layout.lineCount)
                        // Where each sentence first appears in the lines made.
                        var firstSeen: [SentenceRef: Int] = [:]
                        for (index, line) in lines.enumerated() {
                            for piece in line.left + line.right { if let ref = piece.sentence, firstSeen[ref] == nil { firstSeen[ref] = index } }
                        }
                        for ref in layout.order {
                            #expect(layout.line(of: ref) == firstSeen[ref], "\(ref) at width \(width), \(mode), hide \(hide)")
                        }
                        #expect(Set(layout.order) == Set(firstSeen.keys))
                        // Each row's lines, made alone, are as many as measured: nothing is cut or padded.
                        for (row, start) in layout.rowLine.enumerated() {
                            guard let start else { continue }
                            let next = layout.rowLine[(row + 1)...].compactMap { $0 }.first.map { $0 - 1 } ?? layout.lineCount
                            let made = lines[start..<next].filter { $0.kind == .content }
                            #expect(made.allSatisfy { $0.row == row })
                            let real = mode == .sideBySide
                                ? max(ReaderLayout.wrap(comparison, .a, comparison.rows[row].a, width: layout.paneWidths.left, matches: []).lines.count,
                                      ReaderLayout.wrap(comparison, .b, comparison.rows[row].b, width: layout.paneWidths.right, matches: []).lines.count, 1)
                                : [Side.a, .b].map { side in
                                    let paragraphs = side == .a ? comparison.rows[row].a : comparison.rows[row].b
                                    return paragraphs.isEmpty ? 0 : ReaderLayout.wrap(comparison, side, paragraphs, width: layout.paneWidths.left, matches: []).lines.count
                                }.reduce(0, +)
                            #expect(made.count == real, "row \(row) at width \(width), \(mode)")
                        }
                        // Reading order is by line, A before B on one line.
                        let keys = layout.order.map { (layout.line(of: $0)!, $0.side == .a ? 0 : 1) }
                        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 <= $1 })
                    }
                }
            }
        }
    }

    @Test("a window of lines is the same as those lines of the whole; positions are found by search")
    func windows() {
        let comparison = UIFixtures.sample
        let layout = ReaderLayout(comparison: comparison, width: 90, mode: .sideBySide, hideIdentical: false)
        let all = layout.lines
        for start in stride(from: 0, to: layout.lineCount, by: 17) {
            let window = layout.lines(start..<start + 23)
            #expect(window.map(\.row) == all[start..<min(all.count, start + 23)].map(\.row))
            #expect(window.map { $0.left.map(\.text) } == all[start..<min(all.count, start + 23)].map { $0.left.map(\.text) })
        }
        for (position, ref) in layout.order.enumerated() { #expect(layout.position(of: ref) == position) }
        #expect(layout.lines(layout.lineCount..<layout.lineCount + 5).isEmpty)
    }
}
