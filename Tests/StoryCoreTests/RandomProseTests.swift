import Foundation
import StoryCore
import StoryProse
import Testing

/// Generated news-like prose (names made of single letters and initials, titles, quotes of
/// every shape, numbers, dates, hostile characters) through every command path, seeded so
/// that a failure names the text that caused it. `storydiff-bench prose 20` runs 20 MB of it
/// in a release build (scripts/prose, part of CI).
@Suite("Random prose through every path")
struct RandomProseTests {
    @Test("seeded pairs, about 1 MB in all: no crash, no raw control character out, layouts agree, streamed reports equal",
          arguments: 0..<6)
    func prose(seed: UInt64) {
        var sizes = SplitMix(seed: 77 + seed)
        var generator = ProseGenerator(seed: 1_000 + seed)
        var options = ProseCheck.Options()
        options.readAsPage = seed % 2 == 0
        let (a, b) = generator.pair(bytes: 20_000 + sizes.below(150_000))
        let problems = ProseCheck.run(a, b, options: options)
        #expect(problems.isEmpty, "seed \(1_000 + seed): \(problems.prefix(5))")
    }

    @Test("the generator makes what it promises: single-letter names, initials, quotes, numbers, hostile characters")
    func generatorReach() {
        var generator = ProseGenerator(seed: 3)
        let text = generator.story(bytes: 600_000)
        let missing = ["Mrs.", "U.S.", "“", ",”", "a.m.", "$", "%", "👨‍👩‍👧‍👦"].filter { !text.contains($0) }
        #expect(missing == [])
        let hostile: [Unicode.Scalar] = ["\u{202E}", "\u{1B}", "\u{E0041}"]
        #expect(hostile.filter { !text.unicodeScalars.contains($0) }.map(\.value) == [])
        #expect(text.range(of: #"\b[A-Z]\.? [A-Z]\.? [A-Z]\b"#, options: .regularExpression) != nil, "a run of single capitals")
        #expect(text.range(of: #"\b\d{1,3},\d{3}\b"#, options: .regularExpression) != nil, "a grouped number")
        // The same seed, the same text.
        var again = ProseGenerator(seed: 3)
        #expect(again.story(bytes: 600_000) == text)
    }

    @Test("the probe's names: facts and quotes on single letters and initials do not fall over",
          arguments: ["Officials met on Monday. Then A B C arrived at the border.", "Dr. A B said nothing.", "Tickets for rows X Y Z",
                      "Mrs. V. V.", "“Go,” said A. B. C. Then X said: “No.”", "A B C D E F G H"])
    func singleLetters(text: String) {
        let a = StoryReader.story(name: "a.txt", text: text)
        for other in [StoryReader.story(name: "b.txt", text: SamplePair.syndicated), StoryReader.story(name: "m.txt", text: "Monday."),
                      StoryReader.story(name: "v.txt", text: "Mrs. V. V.")] {
            let ledgers = Ledgers(Comparer.compare(a, other))
            #expect(ledgers.facts.facts.allSatisfy { !$0.label.isEmpty })
        }
        let letters = Ledgers(Comparer.compare(a, a))
        if text.hasPrefix("Officials") { #expect(letters.facts.facts.contains { $0.label == "A B C" }) }
    }
}
