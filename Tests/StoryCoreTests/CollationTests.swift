import Foundation
import Testing
@testable import StoryCore

/// One made-up original and five copies of it: one drops, one rewords, one adds, one reorders,
/// and one is a rewrite of the rewording copy rather than of the original.
enum FloodStory {
    static let paragraphs = [
        "Flood waters close the Millbrook bridge",
        "The Millbrook bridge was closed on Monday after the river rose 2.4 metres in six hours, the county council said. Engineers will inspect the span on Wednesday.",
        "About 340 homes on the east bank lost power overnight. Repair crews from Northern Grid restored supply to most of them by noon.",
        "\"We have never seen the water come up this fast,\" said Mayor Ellen Voss. She urged residents to avoid the riverside path until further notice.",
        "The Environment Agency issued 12 flood warnings across the valley. Forecasters expect another 40 millimetres of rain by Thursday.",
        "Schools in Millbrook and Ashford will stay closed until the roads are cleared. Parents can find updates on the council's website.",
    ]
    static let base = paragraphs.joined(separator: "\n\n")
    /// Drops the power paragraph and the last sentence.
    static let drop = [paragraphs[0], paragraphs[1], paragraphs[3], paragraphs[4],
                       "Schools in Millbrook and Ashford will stay closed until the roads are cleared."].joined(separator: "\n\n")
    /// One sentence paraphrased, one with a word changed, one restructured.
    static let reword = base
        .replacingOccurrences(of: "Engineers will inspect the span on Wednesday.", with: "On Wednesday, engineers are due to examine the structure.")
        .replacingOccurrences(of: "lost power overnight", with: "lost electricity overnight")
        .replacingOccurrences(of: "The Environment Agency issued 12 flood warnings across the valley.",
                              with: "Twelve flood warnings were put in place by the Environment Agency throughout the valley.")
    /// A paragraph of its own after the third.
    static let add = (paragraphs[..<3] + ["Insurance companies said claims could exceed two million pounds, according to the regional trade association."]
                      + paragraphs[3...]).joined(separator: "\n\n")
    static let reorder = [paragraphs[0], paragraphs[3], paragraphs[1], paragraphs[5], paragraphs[2], paragraphs[4]].joined(separator: "\n\n")
    /// The rewording copy, with a closing sentence of its own.
    static let rewriteOfReword = reword + "\n\nLocal volunteers set up a shelter at St Anne's church hall, which can take up to 80 people."

    static func collation(jobs: Int = 2) -> Collation {
        let copies = [("drop.txt", drop), ("reword.txt", reword), ("add.txt", add), ("reorder.txt", reorder), ("rewrite.txt", rewriteOfReword)]
        return Collation(base: StoryReader.story(name: "base.txt", text: base),
                         copies: copies.map { StoryReader.story(name: $0.0, text: $0.1) }, jobs: jobs)
    }
}

@Suite("Many versions: one base against its copies")
struct CollationTests {
    /// The fate of the base sentence starting with `prefix`.
    func fate(_ collation: Collation, _ prefix: String) throws -> BaseSentenceFate {
        try #require(collation.fate(ofBaseSentence: try collation.base.sentence(startingWith: prefix)))
    }

    @Test("each copy's comparison is exactly the pair comparison, whatever the number of jobs")
    func comparisonsArePairs() throws {
        let collation = FloodStory.collation()
        let one = FloodStory.collation(jobs: 1)
        #expect(collation.copyCount == 5)
        for copy in 1...5 {
            let pair = Comparer.compare(collation.base, collation.copy(copy))
            #expect(collation.comparison(copy).classesA == pair.classesA, "copy \(copy)")
            #expect(collation.comparison(copy).classesB == pair.classesB, "copy \(copy)")
            #expect(collation.comparison(copy).groups == pair.groups, "copy \(copy)")
            #expect(one.comparison(copy).groups == pair.groups, "copy \(copy), one job")
        }
        #expect(collation.overview == one.overview)
        #expect(collation.baseSentences == one.baseSentences)
        #expect(!collation.isIdentical)
    }

    @Test("what every copy did with each base sentence: kept how, dropped by whom")
    func sentenceFates() throws {
        let collation = FloodStory.collation()
        #expect(collation.baseSentences.count == 11)
        let headline = try fate(collation, "Flood waters")
        #expect(headline.keptVerbatimEverywhere)
        #expect(headline.summary == "identical in 5")

        let inspect = try fate(collation, "Engineers will inspect")
        #expect(inspect.copies(.identical) == [1, 3, 4])
        #expect(inspect.copies(.paraphrase) == [2, 5])
        #expect(inspect.summary == "identical in 3, paraphrased in 2")
        #expect(inspect.keptCount == 5)

        let power = try fate(collation, "About 340 homes")
        #expect(power.copies(.identical) == [3, 4])
        #expect(power.copies(.near) == [2, 5])
        #expect(power.dropped == [1])
        #expect(power.keptCount == 4)
        #expect(power.summary == "identical in 2, near-verbatim in 2, dropped by 1")
        #expect(power.groups.map(\.sentenceClass) == [.identical, .near, .unique])

        let crews = try fate(collation, "Repair crews")
        #expect(crews.dropped == [1])
        #expect(crews.copies(.identical) == [2, 3, 4, 5])

        let warnings = try fate(collation, "The Environment Agency issued")
        #expect(warnings.copies(.identical) == [1, 3, 4])
        #expect(warnings.copies(.paraphrase) + warnings.copies(.near) == [2, 5])

        let parents = try fate(collation, "Parents can find")
        #expect(parents.dropped == [1])
        // Reordering keeps every sentence word for word.
        #expect(collation.baseSentences.allSatisfy { $0.classes[3] == .identical })
    }

    @Test("the overview: words, coverage, classes, dropped sentences and what each copy adds")
    func overview() throws {
        let overview = FloodStory.collation().overview
        #expect(overview.map(\.copy) == [1, 2, 3, 4, 5])
        #expect(overview.map(\.name) == ["drop.txt", "reword.txt", "add.txt", "reorder.txt", "rewrite.txt"])
        #expect(overview.map(\.words) == [90, 127, 136, 121, 145])
        #expect(overview.map(\.baseSentencesDropped) == [3, 0, 0, 0, 0])
        #expect(overview.map { $0.sentences(.unique) } == [0, 0, 1, 0, 1])
        #expect(overview.map { $0.sentences(.identical) } == [8, 8, 11, 11, 8])
        #expect(overview[0].coverageOfCopy == 1)
        #expect(overview[0].coverageOfBase < 0.8)
        #expect(overview[3].coverageOfBase == 1 && overview[3].coverageOfCopy == 1)
        #expect(overview.map(\.factsOnlyInBase) == [2, 0, 0, 0, 0])
        #expect(overview[2].factsOnlyInCopy == 1)
        #expect(overview.allSatisfy { !$0.identical })
    }

    @Test("which version each copy comes from: the rewrite is closest to the copy it rewrote, not to the base")
    func kinship() throws {
        let overview = FloodStory.collation().overview
        #expect(overview.map(\.closest) == [0, 5, 0, 0, 2])
        #expect(overview[4].closestShare > overview[4].baseShare)
        #expect(overview[0].closestShare == 1 && overview[0].ownShare == 0)
        // Only the copies with text of their own have an own share, about the size of what they added.
        #expect(overview[1].ownShare == 0 && overview[3].ownShare == 0)
        #expect(overview[2].ownShare > 0.08 && overview[2].ownShare < 0.15)
        #expect(overview[4].ownShare > 0.08 && overview[4].ownShare < 0.15)
    }

    @Test("the sample pair with copies made from it: a cut of the original and an edit of the syndicated copy")
    func sampleCopies() throws {
        let original = try Fixtures.original, syndicated = try Fixtures.syndicated
        let paragraphs = try Fixtures.sampleText("kursk-original.txt").components(separatedBy: "\n\n")
        let cut = paragraphs.enumerated().filter { $0.offset % 4 != 3 }.map(\.element).joined(separator: "\n\n")
        let edit = try Fixtures.sampleText("kursk-syndicated.txt").replacingOccurrences(of: "Ukrainian", with: "Kyiv's")
        let collation = Collation(base: original, copies: [syndicated, StoryReader.story(name: "cut.txt", text: cut),
                                                           StoryReader.story(name: "edit.txt", text: edit)])
        // Copy 1 is exactly the sample pair.
        let pair = Comparer.compare(original, syndicated)
        #expect(collation.comparison(1).groups == pair.groups)
        #expect(collation.overview[0].coverageOfBase == pair.statisticsA.coverage)
        #expect(collation.overview[0].baseSentencesDropped == pair.statisticsA.sentences(.unique))
        // The cut keeps every sentence it has word for word and drops the rest.
        let cutFates = collation.baseSentences.map { $0.classes[1] }
        #expect(cutFates.allSatisfy { $0 == .identical || $0 == .unique })
        #expect(cutFates.count { $0 == .unique } == collation.overview[1].baseSentencesDropped)
        #expect(collation.overview[1].coverageOfCopy > 0.95)
        // The edit comes from the syndicated copy, and the syndicated copy is closest to it.
        #expect(collation.overview.map(\.closest) == [3, 0, 1])
        // The lead: kept word for word by the cut, in part by the syndicated copy and its edit.
        let lead = try fate(collation, "President Vladimir V. Putin")
        #expect(lead.keptCount == 3)
        #expect(lead.copies(.identical) == [2])
    }
}
