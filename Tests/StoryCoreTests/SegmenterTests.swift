import Testing
@testable import StoryCore

@Suite("Sentence segmentation")
struct SegmenterTests {
    @Test("passes at least 47 of the 48 Golden Rules")
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
        #expect(passed >= 47, "\(failures)")
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

    @Test("an abbreviation that ends its sentence: a time of day before a capitalised word that is not a zone, day or month")
    func timeOfDay() {
        #expect(SentenceSegmenter.split("The rescue began at 9 p.m. Rescuers arrived within minutes.") ==
                ["The rescue began at 9 p.m.", "Rescuers arrived within minutes."])
        #expect(SentenceSegmenter.split("Polls close at 8 a.m. Voters queued in the rain.") == ["Polls close at 8 a.m.", "Voters queued in the rain."])
        for going in ["ET on Tuesday.", "Monday, officials said.", "Moscow time, the agency said.", "local time."] {
            #expect(SentenceSegmenter.split("The strike came at 4 a.m. \(going)").count == 1, "\(going)")
        }
        #expect(SentenceSegmenter.split("The minister flew back to the U.S. Officials said the talks would resume.") ==
                ["The minister flew back to the U.S.", "Officials said the talks would resume."])
    }

    @Test("citation marks and footnote numbers after the full stop stay with their sentence")
    func citations() {
        #expect(SentenceSegmenter.split("The treaty was signed in 1648.[3] Later wars undid it.") ==
                ["The treaty was signed in 1648.[3]", "Later wars undid it."])
        #expect(SentenceSegmenter.split("It was disputed.[12][13] Nobody agreed.[citation needed] The end.") ==
                ["It was disputed.[12][13]", "Nobody agreed.[citation needed]", "The end."])
        #expect(SentenceSegmenter.split("It was printed in the report.12 It found no fault.") == ["It was printed in the report.12", "It found no fault."])
        // Decimals and versions are not footnotes.
        #expect(SentenceSegmenter.split("Inflation rose to 3.5 percent in May.").count == 1)
        #expect(SentenceSegmenter.split("Growth was 2.12 In May it fell.") == ["Growth was 2.12 In May it fell."])
    }

    @Test("currency and unit abbreviations before a number do not end a sentence")
    func currencies() {
        #expect(SentenceSegmenter.split("Tickets cost Rs. 5,000 each, and approx. 40 were sold.").count == 1)
        #expect(SentenceSegmenter.split("The fine was Rp. 20.000 and Kr. 300 in Oslo. Both were paid.") ==
                ["The fine was Rp. 20.000 and Kr. 300 in Oslo.", "Both were paid."])
    }

    @Test("lists inside a paragraph split at each item: numbers, letters, roman numerals")
    func inlineLists() {
        #expect(SentenceSegmenter.split("The plan has three steps: 1. survey the site 2. clear the debris 3. rebuild the wall.") ==
                ["The plan has three steps:", "1. survey the site", "2. clear the debris", "3. rebuild the wall."])
        #expect(SentenceSegmenter.split("The options were a) one road b) two roads and c) a bridge.") ==
                ["The options were", "a) one road", "b) two roads and", "c) a bridge."])
        #expect(SentenceSegmenter.split("The law covers (i) schools (ii) hospitals and (iii) prisons.") ==
                ["The law covers", "(i) schools", "(ii) hospitals and", "(iii) prisons."])
        #expect(SentenceSegmenter.split("Demands: (1) a ceasefire (2) talks.") == ["Demands:", "(1) a ceasefire", "(2) talks."])
        // One marker is not a list; a section's subsection is not an item.
        #expect(SentenceSegmenter.split("He came 1st in the race and section 5(1) applies to a) nothing else.").count == 1)
    }

    @Test("CJK full stops end a sentence: 。．｡！？")
    func cjkStops() {
        #expect(SentenceSegmenter.split("会议于周一举行。代表们达成了协议．他们很满意｡") == ["会议于周一举行。", "代表们达成了协议．", "他们很满意｡"])
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
