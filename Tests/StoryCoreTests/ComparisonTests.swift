import Testing
@testable import StoryCore

@Suite("Comparing the sample pair")
struct SampleComparisonTests {
    let comparison: Comparison

    init() throws {
        comparison = Comparer.compare(try Fixtures.original, try Fixtures.syndicated)
    }

    @Test("identical sentences")
    func identical() throws {
        for prefix in ["“There’s an understanding on both sides that such a conversation is necessary.”"] {
            #expect(try comparison.sentenceClass(.a, prefix) == .identical)
            #expect(try comparison.sentenceClass(.b, prefix) == .identical)
        }
        let a = try comparison.a.sentence(startingWith: "“That is why he is now doing everything possible")
        let b = try comparison.b.sentence(startingWith: "That is why he is now doing everything possible")
        #expect(comparison.classesA[a] == .identical)
        #expect(comparison.counterparts(.a, sentence: a) == [b])
    }

    @Test("near: the Truth Social quote")
    func near() throws {
        let a = try comparison.a.sentence(startingWith: "“I have strongly requested to President Putin that their lives be spared,” Mr. Trump wrote.")
        let b = try comparison.b.sentence(startingWith: "“I have strongly requested to President Putin that their lives be spared,” Trump wrote on Truth Social.")
        #expect(comparison.classesA[a] == .near)
        #expect(comparison.counterparts(.a, sentence: a) == [b])
        // The word diff names exactly what changed.
        let group = comparison.groups[comparison.groupOfA[a]!]
        let removed = group.diff.a.filter { $0.operation == .removed }.map { comparison.a.text(of: $0.span) }
        let added = group.diff.b.filter { $0.operation == .added }.map { comparison.b.text(of: $0.span) }
        #expect(removed == ["Mr."])
        #expect(added == ["on Truth Social"])
    }

    @Test("paraphrase: both presidents claimed")
    func paraphrase() throws {
        let a = try comparison.a.sentence(startingWith: "Both presidents claimed on Friday that Ukrainian forces were surrounded in Kursk")
        let b = try comparison.b.sentence(startingWith: "Both Putin and Trump claimed that Ukrainian forces were surrounded in Kursk")
        #expect(comparison.classesA[a] == .paraphrase)
        #expect(comparison.counterparts(.a, sentence: a) == [b])
        let group = comparison.groups[comparison.groupOfA[a]!]
        #expect(group.score > 0.5 && group.score < 1)
        #expect(group.features.sharedWords.contains("incursion"))
    }

    @Test("merge: the soldier's two sentences became one")
    func merge() throws {
        let b = try comparison.b.sentence(startingWith: "A Ukrainian soldier fighting in Kursk, speaking anonymously")
        let a1 = try comparison.a.sentence(startingWith: "A Ukrainian soldier fighting in Kursk who was reached by phone")
        let a2 = try comparison.a.sentence(startingWith: "But it was not as bad as Mr. Trump described in his post, the soldier added.")
        let group = comparison.groups[try #require(comparison.groupOfB[b])]
        #expect(group.a == [a1, a2])
        #expect(group.b == [b])
        #expect(group.shape == .merge)
        #expect(group.sentenceClass == .paraphrase)
    }

    @Test("n:m lead: the rewrite's lead merges the original's first two sentences, and they face each other")
    func leadMerge() throws {
        let a1 = try comparison.a.sentence(startingWith: "President Vladimir V. Putin of Russia on Friday insisted")
        let a2 = try comparison.a.sentence(startingWith: "Mr. Putin’s televised comments came shortly after Mr. Trump")
        let b = try comparison.b.sentence(startingWith: "Moscow [Russia], March 15 (ANI): Russian President Vladimir Putin on Friday demanded")
        let group = comparison.groups[try #require(comparison.groupOfB[b])]
        #expect(group.a == [a1, a2])
        #expect(group.shape == .merge)
        #expect(!group.moved)
        // The original says much more (the "very good and productive" discussions, the patch of
        // land); the rewrite adds its dateline and its attribution to the New York Times.
        #expect(group.sentenceClass == .partial)
        #expect(group.partialNote == "each says something the other does not")
        // One row holds both leads.
        let row = try #require(comparison.rows.first { $0.b.contains(comparison.b.sentences[b].paragraph) })
        #expect(row.a.contains(comparison.a.sentences[a1].paragraph) && row.a.contains(comparison.a.sentences[a2].paragraph))
    }

    @Test("n:m in place: a merge in place wins over a distant echo of one of its sentences (made-up story)")
    func inPlaceMerge() {
        let comparison = compare(
            "Storm forces evacuations\n\nThe governor on Monday ordered the evacuation of three coastal towns as the storm approached. Residents of Millport, Baycliff and Dunmore were told to leave by noon.\n\nForecasters said the storm would bring winds of 120 miles an hour and a surge of up to four metres.\n\nShelters opened in two schools inland, and buses were sent to carry those without cars.\n\nOfficials warned that power could be cut for several days.",
            "Storm forces evacuations\n\nResidents of Millport, Baycliff and Dunmore were told to leave their three coastal towns by noon after the governor ordered an evacuation on Monday.\n\nForecasters said the storm would bring winds of 120 miles an hour and a surge of up to four metres.\n\nShelters opened in two schools inland, and buses were sent to carry those without cars.\n\nOfficials warned that power could be cut for several days. The governor on Monday ordered the evacuation of three coastal towns, officials said later.")
        // Best-first alone pairs A2 with B's last sentence (its closest wording) and leaves B2 to A3.
        let lead = comparison.groups.first { $0.b == [1] }
        #expect(lead?.a == [1, 2])
        #expect(lead?.shape == .merge)
        #expect(lead?.moved == false)
        #expect(comparison.classesB.last == .unique)
    }

    @Test("split: Zelensky's sentence became two")
    func split() throws {
        let a = try comparison.a.sentence(startingWith: "President Volodymyr Zelensky of Ukraine gave no indication")
        let b1 = try comparison.b.sentence(startingWith: "President Volodymyr Zelenskyy gave no indication")
        let b2 = try comparison.b.sentence(startingWith: "“The situation is very difficult,” he said.")
        let group = comparison.groups[try #require(comparison.groupOfA[a])]
        #expect(group.a == [a])
        #expect(group.b == [b1, b2])
        #expect(group.shape == .split)
    }

    @Test("unique: the Feb. 12 call and the credit line")
    func unique() throws {
        #expect(try comparison.sentenceClass(.a, "The two leaders are last known to have spoken on Feb. 12.") == .unique)
        let credit = try comparison.a.sentence(startingWith: "Marc Santora contributed reporting from Dnipro, Ukraine.")
        #expect(comparison.classesA[credit] == .unique)
        #expect(comparison.a.sentences[credit].role == .credit)
    }

    @Test("site chrome is boilerplate, outside matching and statistics")
    func boilerplate() throws {
        for prefix in ["Source link", "Leave A Reply", "Exit mobile version"] {
            #expect(try comparison.sentenceClass(.a, prefix) == .boilerplate)
        }
        for prefix in ["5 Min Read", "Disclaimer:", "Share This Article", "Leave a comment"] {
            #expect(try comparison.sentenceClass(.b, prefix) == .boilerplate)
        }
        #expect(comparison.b.sentences.filter { $0.text == "worldnewsnetwork" }.allSatisfy { comparison.classesB[$0.index] == .boilerplate })
        #expect(comparison.statisticsA.boilerplateSentences == 3)
        #expect(comparison.statisticsB.boilerplateSentences == 6)
    }

    @Test("statistics add up and coverage is the matched share of words")
    func statistics() {
        for (stats, classes, story) in [(comparison.statisticsA, comparison.classesA, comparison.a), (comparison.statisticsB, comparison.classesB, comparison.b)] {
            let perClass = SentenceClass.compared
            #expect(perClass.map { stats.sentences($0) }.reduce(0, +) == stats.comparedSentences)
            #expect(perClass.map { stats.words($0) }.reduce(0, +) == stats.comparedWords)
            #expect(stats.comparedSentences == classes.filter { $0 != .boilerplate }.count)
            #expect(stats.comparedSentences == story.comparedSentences.count)
            let matched = Double(stats.words(.identical) + stats.words(.near) + stats.words(.paraphrase) + stats.words(.partial))
            #expect(abs(stats.coverage - matched / Double(stats.comparedWords)) < 0.0001)
        }
        // The rewrite is mostly derived from the original; much of the original was dropped.
        #expect(comparison.statisticsB.coverage > 0.85)
        #expect(comparison.statisticsA.coverage > 0.5 && comparison.statisticsA.coverage < 0.75)
    }

    @Test("paragraph rows keep both stories in order and place every paragraph once")
    func rows() {
        let rowsA = comparison.rows.flatMap(\.a), rowsB = comparison.rows.flatMap(\.b)
        #expect(rowsA == Array(0..<comparison.a.paragraphs.count))
        #expect(rowsB == Array(0..<comparison.b.paragraphs.count))
        // The rewrite reorders paragraphs: some rows point to their moved counterparts.
        #expect(comparison.rows.contains { !$0.movedTo.isEmpty && ($0.a.isEmpty || $0.b.isEmpty) })
        #expect(comparison.groups.contains { $0.moved })
        // The lead paragraphs face each other.
        #expect(comparison.rows.contains { $0.a.contains(2) && $0.b.contains(5) })
    }

    @Test("every group's word diff covers its sentences exactly")
    func diffCoverage() {
        for group in comparison.groups {
            for (side, sentences, pieces) in [(Side.a, group.a, group.diff.a), (.b, group.b, group.diff.b)] {
                let story = comparison.story(side)
                let words = sentences.flatMap { Tokenizer.tokens(story.scalars, in: story.sentences[$0].span) }
                for word in words {
                    #expect(pieces.contains { $0.span.start <= word.span.start && $0.span.end >= word.span.end })
                }
                if side == .a { #expect(!pieces.contains { $0.operation == .added }) }
                if side == .b { #expect(!pieces.contains { $0.operation == .removed }) }
            }
        }
    }
}

@Suite("Comparing made-up stories")
struct MadeUpComparisonTests {
    @Test("a story compared with itself is identical throughout")
    func selfComparison() throws {
        let story = try Fixtures.original
        let comparison = Comparer.compare(story, story)
        #expect(comparison.isIdentical)
        #expect(comparison.classesA.allSatisfy { $0 == .identical || $0 == .boilerplate })
        #expect(comparison.rows.allSatisfy { $0.a == $0.b })
        #expect(comparison.statisticsA.coverage == 1)
    }

    @Test("moved paragraph: found, marked, and its row points to the counterpart")
    func movedParagraph() {
        let first = "The council approved the new budget on Tuesday after a long debate."
        let second = "Critics said the plan would raise property taxes for most families."
        let third = "The mayor promised to review spending on roads and parks next year."
        let fourth = "A final vote on the school funding measure is expected in December."
        let comparison = compare([first, second, third, fourth].joined(separator: "\n\n"), [first, third, fourth, second].joined(separator: "\n\n"))
        #expect(comparison.classesA.allSatisfy { $0 == .identical })
        #expect(!comparison.isIdentical)
        let moved = comparison.groups.filter(\.moved)
        #expect(moved.count == 1)
        #expect(moved.first?.a == [1])
        let rowOfMoved = comparison.rows.firstIndex { $0.a == 1..<2 }!
        #expect(comparison.rows[rowOfMoved].b.isEmpty)
        #expect(comparison.rows[comparison.rows[rowOfMoved].movedTo[0]].b == 3..<4)
    }

    @Test("split: one sentence became two")
    func split() {
        let comparison = compare(
            "The storm flooded dozens of homes in the river valley and forced the closure of the main highway for two days.",
            "The storm flooded dozens of homes in the river valley. It forced the closure of the main highway for two days.")
        #expect(comparison.groups.count == 1)
        #expect(comparison.groups[0].b == [0, 1])
        #expect(comparison.groups[0].shape == .split)
        #expect(comparison.groups[0].sentenceClass == .near)
    }

    @Test("unrelated sentences stay unique")
    func unrelated() {
        let comparison = compare("The orchestra will tour Japan and Korea next spring.", "Heavy rain caused landslides in the northern provinces.")
        #expect(comparison.groups.isEmpty)
        #expect(comparison.classesA == [.unique])
        #expect(comparison.classesB == [.unique])
        #expect(comparison.statisticsA.coverage == 0)
    }

    @Test("word diff: a changed day reads as one swap, not confetti; the changed fact makes the pair partial")
    func wordDiff() {
        let comparison = compare("The army said on Friday that it had taken the town of Sudzha.",
                                 "The army said on Saturday that it had captured the town of Sudzha.")
        let group = comparison.groups[0]
        // Most words kept in order, but the day differs: not the same statement.
        #expect(group.sentenceClass == .partial)
        #expect(group.features.wordOrder >= 0.8)
        let a = comparison.a, b = comparison.b
        #expect(group.diff.a.filter { $0.operation == .removed }.map { a.text(of: $0.span) } == ["Friday", "taken"])
        #expect(group.diff.b.filter { $0.operation == .added }.map { b.text(of: $0.span) } == ["Saturday", "captured"])
        #expect(group.features.numbersOnlyA.isEmpty)
    }

    @Test("word diff: a moved phrase is marked moved on both sides")
    func movedPhrase() {
        let comparison = compare("At the Kremlin palace the envoy met the president on Thursday evening.",
                                 "The envoy met the president on Thursday evening at the Kremlin palace.")
        let group = comparison.groups[0]
        let movedA = group.diff.a.filter { $0.operation == .moved }.map { comparison.a.text(of: $0.span) }
        let movedB = group.diff.b.filter { $0.operation == .moved }.map { comparison.b.text(of: $0.span) }
        #expect(movedA == ["At the Kremlin palace"])
        #expect(movedB == ["at the Kremlin palace"])
    }

    @Test("changed numbers are features of the match")
    func numbers() {
        let comparison = compare("Officials said 30 people were killed in the attack on the market.",
                                 "Officials said 45 people were killed in the attack on the market.")
        #expect(comparison.groups[0].features.numbersOnlyA == ["30"])
        #expect(comparison.groups[0].features.numbersOnlyB == ["45"])
    }
}
