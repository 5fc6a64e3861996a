import Foundation
import StoryCore
import Testing
@testable import StoryUI

enum UIFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let sample: Comparison = {
        let a = StoryReader.story(name: SamplePair.originalName, text: SamplePair.original)
        let b = StoryReader.story(name: SamplePair.syndicatedName, text: SamplePair.syndicated)
        return Comparer.compare(a, b)
    }()

    static var themes: [Theme] { ThemeLoader.all(environment: [:]).compactMap { try? $0.result.get() } }

    static func reader(_ comparison: Comparison = sample, width: Int, height: Int) -> Reader {
        Reader(comparison: comparison, themes: themes, width: width, height: height)
    }

    static func compare(_ a: String, _ b: String) -> Comparison {
        Comparer.compare(StoryReader.story(name: "a.txt", text: a), StoryReader.story(name: "b.txt", text: b))
    }

    /// Compares a screen with Screens/NAME.txt; with STORYDIFF_RECORD=1 writes it instead.
    static func expectScreen(_ grid: ScreenGrid, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = root.appendingPathComponent("Tests/StoryUITests/Screens/\(name).txt")
        let text = grid.text + "\n"
        if ProcessInfo.processInfo.environment["STORYDIFF_RECORD"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        let got = text.split(separator: "\n", omittingEmptySubsequences: false)
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(got.count == want.count, "line count", sourceLocation: sourceLocation)
        for (number, (line, wanted)) in zip(got, want).enumerated() where line != wanted {
            Issue.record("\(name) line \(number + 1):\n  got:  \(line)\n  want: \(wanted)", sourceLocation: sourceLocation)
        }
    }
}

extension UIFixtures {
    /// A letter for every look the reader gives text, from the renderer's own `style(of:)`:
    /// class i n p t u b (identical, near, paraphrase, partial, unique, boilerplate), v a moved sentence,
    /// + - m a word added, removed or moved, capitals under the cursor, * a search match;
    /// c the other end of the selected link, H header, S status, M message, ~ = ≈ ∩ < > ↕ ÷ · gutter
    /// marks, O overlay, T its title, space unstyled.
    static func legend(for reader: Reader) -> [Style: Character] {
        let theme = reader.theme
        var entries: [(Style, Character)] = [(.plain, " "), (theme[.header], "H"), (theme[.status], "S")]
        let classLetters: [(SentenceClass, Character)] = [(.identical, "i"), (.near, "n"), (.paraphrase, "p"), (.partial, "t"), (.unique, "u"), (.boilerplate, "b")]
        // Which sentences are moved decides the moved look, so use real ones from the comparison.
        let comparison = reader.comparison
        let movedA = comparison.groups.first { $0.moved }.map { SentenceRef(.a, $0.a[0]) }
        let stillA = comparison.groupOfA.firstIndex { $0 == nil }.map { SentenceRef(.a, $0) }
        for cursor in [false, true] {
            for (sentenceClass, letter) in classLetters {
                for role in [ParagraphRole.body, .headline, .credit] {
                    for operation in [nil, WordDiff.Operation.kept, .added, .removed, .moved] {
                        for moved in [false, true] {
                            var reader = reader
                            let ref = moved ? movedA : stillA
                            if cursor { reader.setCursor(ref) } else { reader.setCursor(nil) }
                            let piece = Piece(text: "x", width: 1, sentence: ref, sentenceClass: sentenceClass, role: role,
                                              operation: operation, isMatch: false)
                            var symbol: Character = moved ? "v" : letter
                            switch operation {
                            case .added: symbol = "+"
                            case .removed: symbol = "-"
                            case .moved: symbol = "m"
                            default: break
                            }
                            if cursor { symbol = Character(symbol.uppercased()) }
                            entries.append((reader.style(of: piece, theme: theme), symbol))
                            // The other end of the selected link: "c", whatever its class.
                            if !cursor, let ref { entries.append((reader.style(of: piece, ends: [ref], theme: theme), "c")) }
                        }
                    }
                }
            }
        }
        let gutter: [(ThemeRole, Character)] = [(.identical, "="), (.near, "~"), (.paraphrase, "≈"), (.partial, "∩"), (.unique, "<"), (.moved, "↕"), (.gutter, "÷"), (.boilerplate, "·")]
        for (role, symbol) in gutter { entries.append((theme[.gutter].patched(with: theme[role]).patched(with: Style(bold: true)), symbol)) }
        entries.append((theme[.gutter].patched(with: theme[.flag]), "!"))
        entries.append((theme[.gutter], "|"))
        entries.append((theme[.message], "M"))
        for (_, role) in [("", ThemeRole.identical), ("", .near), ("", .paraphrase), ("", .partial), ("", .unique), ("", .moved), ("", .gutter)] {
            entries.append((theme[.status].patched(with: Style(foreground: theme[role].foreground, bold: theme[role].bold)), "S"))
        }
        entries.append((theme[.overlay], "O"))
        entries.append((theme[.overlay].patched(with: theme[.counterpart]), "c"))
        entries.append((theme[.header].patched(with: Style(underline: true)), "H"))
        entries.append((theme[.boilerplate], "b"))
        entries.append((theme[.overlayTitle], "T"))
        return Dictionary(entries, uniquingKeysWith: { first, _ in first })
    }

    /// Compares a screen's style map with Screens/NAME.styles.txt (recorded like the text).
    static func expectStyles(_ grid: ScreenGrid, of reader: Reader, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let map = grid.styleMap(legend(for: reader))
        #expect(!map.joined().contains("?"), "a cell has a look the legend does not know", sourceLocation: sourceLocation)
        let url = root.appendingPathComponent("Tests/StoryUITests/Screens/\(name).styles.txt")
        let text = map.joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["STORYDIFF_RECORD"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        for (number, (line, wanted)) in zip(text.split(separator: "\n"), expected.split(separator: "\n")).enumerated() where line != wanted {
            Issue.record("\(name) styles line \(number + 1):\n  got:  \(line)\n  want: \(wanted)", sourceLocation: sourceLocation)
        }
    }
}

extension Reader {
    mutating func play(_ script: String) throws {
        for key in try Key.script(script) { handle(key) }
    }
}
