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

extension Reader {
    mutating func play(_ script: String) throws {
        for key in try Key.script(script) { handle(key) }
    }
}
