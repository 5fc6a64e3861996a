import Testing
@testable import StoryCore

@Suite("Sentence segmentation")
struct SegmenterTests {
    @Test("passes at least 45 of the 48 Golden Rules")
    func goldenRules() throws {
        let cases = try Fixtures.goldenRules()
        #expect(cases.count == 48)
        var failures: [String] = []
        for (number, rule) in cases.enumerated() {
            let got = SentenceSegmenter.split(rule.input)
            if got != rule.expected { failures.append("rule \(number + 1): \(got)") }
        }
        let passed = cases.count - failures.count
        print("golden rules: \(passed)/48 passed; failing: \(failures)")
        #expect(passed >= 45, "\(failures)")
    }

    @Test("news abbreviations never end a sentence")
    func newsAbbreviations() {
        #expect(SentenceSegmenter.split("Dmitri S. Peskov, Mr. Putin’s spokesman, spoke. The two leaders last spoke on Feb. 12.") ==
                ["Dmitri S. Peskov, Mr. Putin’s spokesman, spoke.", "The two leaders last spoke on Feb. 12."])
        #expect(SentenceSegmenter.split("Mr. Waltz, the U.S. national security adviser, told Fox News. Gen. Smith agreed.") ==
                ["Mr. Waltz, the U.S. national security adviser, told Fox News.", "Gen. Smith agreed."])
        #expect(SentenceSegmenter.split("Troops left the U.S. The war went on.") == ["Troops left the U.S.", "The war went on."])
    }

    @Test("quotations: a closing quote after the stop ends the sentence; attribution after it does not")
    func quotations() {
        #expect(SentenceSegmenter.split("“Putin cannot get out of this war,” Mr. Zelensky wrote. “That is why he is now doing everything.”") ==
                ["“Putin cannot get out of this war,” Mr. Zelensky wrote.", "“That is why he is now doing everything.”"])
        #expect(SentenceSegmenter.split("“This is great.” she said. Then she left.") == ["“This is great.” she said.", "Then she left."])
    }

    @Test("full-width terminators split text without spaces")
    func cjk() {
        #expect(SentenceSegmenter.split("我们今天见面。他说很好！") == ["我们今天见面。", "他说很好！"])
    }

    @Test("offsets: sentences cover every non-space character, in order")
    func neverLosesText() {
        let text = "  One. Two!  Three? “Four.” Five... six.\nSeven "
        let scalars = Array(text.unicodeScalars)
        let spans = SentenceSegmenter.sentences(scalars, in: TextSpan(0, scalars.count))
        var covered = [Bool](repeating: false, count: scalars.count)
        var previousEnd = 0
        for span in spans {
            #expect(span.start >= previousEnd)
            previousEnd = span.end
            for i in span.start..<span.end { covered[i] = true }
        }
        for (i, scalar) in scalars.enumerated() where !scalar.properties.isWhitespace { #expect(covered[i]) }
    }
}
