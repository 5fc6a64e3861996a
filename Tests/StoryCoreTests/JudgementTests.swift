import Testing
@testable import StoryCore

/// Words that mean the same, and the judgement of a pair: the same thing, or part of it.
@Suite("Meaning and judgement")
struct JudgementTests {
    @Test("WordNet's database is installed and read (the other tests here depend on it)")
    func databaseIsThere() {
        #expect(WordNet.shared.isAvailable, "install Debian's wordnet-base (/usr/share/wordnet)")
        #expect(WordNet.shared.irregularBase("fled") == "flee")
        #expect(WordNet.shared.baseForms("disputed", .verb) == ["dispute"])
        #expect(WordNet.shared.contains("gain_ground"))
        #expect(!WordNet.shared.contains("qzxv"))
        #expect(WordNet.shared.isName("syria") && WordNet.shared.isName("kyiv") && !WordNet.shared.isName("crisis"))
    }

    @Test("irregular forms share a stem: fled/flee, went/gone/go, children/child; regular ones through Snowball")
    func irregularForms() {
        #expect(WordStem.stem("fled") == WordStem.stem("flee"))
        #expect(WordStem.stem("went") == WordStem.stem("gone"))
        #expect(WordStem.stem("went") == WordStem.stem("go"))
        #expect(WordStem.stem("children") == WordStem.stem("child"))
        #expect(WordStem.stem("negotiation") == WordStem.stem("negotiate"))
        #expect(WordStem.stem("claimed") == WordStem.stem("claims"))
        #expect(WordStem.stem("putin's") == WordStem.stem("putin"))
        #expect(WordStem.stem("fled") != WordStem.stem("field"))
        let result = PairScoring.score([("Thousands fled the city on Monday.", "Thousands flee the city on Monday.")])[0]
        #expect(result.features.sharedWords.contains("fled"))
        #expect(result.pairClass == .near)
    }

    @Test("number words and digits are one word: three guns / 3 guns")
    func numberWords() {
        let result = PairScoring.score([("Police found three guns in the car.", "Police found 3 guns in the car.")])[0]
        #expect(result.features.numbersOnlyA.isEmpty && result.features.numbersOnlyB.isEmpty)
        #expect(result.features.wordOrder == 1)
        #expect(result.pairClass == .near)
        // Ordinals from "third" up are figures too; "first" stays a word.
        let ordinal = PairScoring.score([("Mandela spends third day in hospital", "Mandela in hospital for 3rd day"),
                                         ("He spoke for the first time.", "He spoke for the first time on Monday.")])
        #expect(ordinal[0].features.numbersOnlyA.isEmpty && ordinal[0].features.numbersOnlyB.isEmpty)
        #expect(ordinal[0].features.sharedWords.contains("3rd"))
        #expect(ordinal[1].features.numbersOnlyB.isEmpty)
    }

    @Test("synonyms a rewrite uses match by WordNet sense: challenged/disputed, advanced/gained ground")
    func synonyms() {
        let results = PairScoring.score([
            ("Independent analysts have challenged those claims.", "Independent analysts have disputed those claims."),
            ("Russian troops advanced in the region.", "Russian troops gained ground in the region."),
            ("The Turkish police cleared the square.", "Police in Turkey cleared the square."),
        ])
        #expect(results[0].features.synonyms == ["challenged/disputed"])
        #expect(results[1].features.synonyms == ["advanced/gained"])
        #expect(results[2].features.synonyms == ["turkish/turkey"])
        for result in results { #expect(result.pairClass.meansTheSame, "\(result)") }
        // A phrasal verb is read with its particle.
        let phrasal = PairScoring.score([("The minister stepped down on Tuesday.", "The minister resigned on Tuesday.")])[0]
        #expect(phrasal.features.synonyms == ["stepped down/resigned"])
        #expect(phrasal.pairClass.meansTheSame)
        // Without the synonym the same pair shares less: the sense match is what lifts it.
        let unrelatedWord = PairScoring.score([("Independent analysts have challenged those claims.", "Independent analysts have painted those claims.")])[0]
        #expect(unrelatedWord.features.synonyms.isEmpty)
        #expect(unrelatedWord.similarity < results[0].similarity)
    }

    @Test("two spellings of one word match: hospitalised/hospitalized, Morsi/Mursi; other words one letter apart do not")
    func spellings() {
        #expect(PairScorer.sameSpelling("hospitalised", "hospitalized"))
        #expect(PairScorer.sameSpelling("morsi", "mursi"))
        #expect(PairScorer.sameSpelling("tian'anmen", "tiananmen"))
        #expect(PairScorer.sameSpelling("sanctions", "sanctins"))
        #expect(!PairScorer.sameSpelling("cat", "car"))
        #expect(!PairScorer.sameSpelling("house", "horse"))
        #expect(!PairScorer.sameSpelling("kyiv", "kiev"))
        #expect(!PairScorer.sameSpelling("brother", "brothel"))
        #expect(!PairScorer.sameSpelling("election", "selection"))
        #expect(!PairScorer.sameSpelling("austria", "australia"))
    }

    @Test("a pair where one side adds a clause, a number or a name is partial, and says which side says more")
    func partialPairs() {
        let results = PairScoring.score([
            // B adds a clause with new facts.
            ("The minister resigned on Tuesday.",
             "The minister resigned on Tuesday after a report found he had misused 40,000 pounds of public money on private travel."),
            // Same content, other words.
            ("The minister quit on Tuesday.", "The minister resigned on Tuesday."),
            // A changed place: another story.
            ("Foreign exchange rates in India", "Foreign exchange rates in Singapore"),
            // Same topic only.
            ("Death toll rises in Russia plane crash", "Storm hits coast of Italy"),
        ])
        #expect(results[0].pairClass == .partial)
        #expect(results[0].saysMore == .b)
        #expect(results[1].pairClass.meansTheSame)
        #expect(results[1].saysMore == nil)
        #expect(!results[2].pairClass.meansTheSame)
        #expect(results[3].pairClass == .unrelated || results[3].pairClass == .related)
        #expect(results[0].similarity > results[3].similarity)
    }

    @Test("the calibrated similarity is monotone in agreement: identical > near > partial > unrelated")
    func similarityOrder() {
        let results = PairScoring.score([
            ("Rescuers reached the village on Sunday.", "Rescuers reached the village on Sunday."),
            ("Rescuers reached the village on Sunday.", "Rescuers reached the remote village on Sunday."),
            ("Rescuers reached the village on Sunday.", "Rescuers reached the village on Sunday, finding 12 survivors under the rubble of the school."),
            ("Rescuers reached the village on Sunday.", "Markets closed higher in Tokyo."),
        ])
        #expect(results.map(\.pairClass) == [.identical, .near, .partial, .unrelated])
        #expect(results[0].similarity > results[1].similarity && results[1].similarity > results[2].similarity
                && results[2].similarity > results[3].similarity)
        for result in results { #expect(result.similarity >= 0 && result.similarity <= 1) }
    }

    @Test("a comparison classes partial pairs, counts them as matched and reports each side's own words")
    func partialInComparison() {
        let a = StoryReader.story(name: "a.txt", text: "The minister resigned on Tuesday.\n\nThe vote is set for May.\n")
        let b = StoryReader.story(name: "b.txt", text: "The minister resigned on Tuesday after a report found he had misused 40,000 pounds of public money on travel.\n\nThe vote is set for May.\n")
        let comparison = Comparer.compare(a, b)
        let partial = comparison.groups.first { $0.a == [0] }
        #expect(partial?.sentenceClass == .partial)
        #expect(partial?.saysMore == .b)
        #expect(partial?.partialNote == "B says more")
        #expect(comparison.classesA == [.partial, .identical])
        #expect(comparison.statisticsA.coverage == 1)
        #expect(comparison.statisticsA.sentences(.partial) == 1)
        #expect(comparison.statisticsA.ownWords == 0)
        // "after a report found he had misused 40,000 pounds of public money on travel": 14 words.
        #expect(comparison.statisticsB.ownWords == 14)
        let text = TextReport.render(comparison)
        #expect(text.contains("∩ A1"))
        #expect(text.contains("partial, score"))
        #expect(text.contains("B says more"))
        #expect(text.contains("own words"))
    }
}
