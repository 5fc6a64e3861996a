import Testing
@testable import StoryCore

/// The fast kernels behind alignment agree with their plain definitions.
@Suite("Scoring kernels")
struct ScoringKernelTests {
    @Test("bit-parallel word order equals the dynamic-programming LCS, across word boundaries")
    func bitParallelOrder() {
        var random = SeededGenerator(seed: 7)
        let scratch = OrderScratch(vocabularySize: 40)
        for length in [1, 5, 63, 64, 65, 130, 200] {
            for _ in 0..<20 {
                // Few distinct stems, so that the subsequences are long and tangled.
                let a = (0..<length).map { _ in Int.random(in: 0..<12, using: &random) }
                let b = (0..<Int.random(in: 1...150, using: &random)).map { _ in Int.random(in: 0..<12, using: &random) }
                #expect(scratch.orderRatio(a, b) == referenceOrderRatio(a, b), "a: \(a.count) words, b: \(b.count)")
            }
        }
        #expect(scratch.lcs([1, 2, 3, 4], [2, 4, 3]) == 2)
        #expect(scratch.orderRatio([5, 6], [7]) == 0)
    }

    @Test("sorted term lists: counted once per stem, joined lists add counts")
    func termLists() {
        let x = SentenceProfile.counted([5, 3, 5, 9])
        #expect(x == [TermCount(term: 3, count: 1), TermCount(term: 5, count: 2), TermCount(term: 9, count: 1)])
        let y = SentenceProfile.counted([5, 7])
        #expect(SentenceProfile.merged(x, y) == [TermCount(term: 3, count: 1), TermCount(term: 5, count: 3),
                                                 TermCount(term: 7, count: 1), TermCount(term: 9, count: 1)])
    }

    @Test("compatibility forms match their plain letters: PDF ligatures, full-width Latin (NFKC); display text keeps them")
    func compatibilityForms() {
        let results = PairScoring.score([("The results reﬂect a shift.", "The results reflect a shift."),
                                         ("Ｔｈｅ ｃｏｕｎｃｉｌ met today.", "The council met today."),
                                         ("The ﬁrst ﬂoor ﬂooded.", "The first floor flooded.")])
        #expect(results.map(\.pairClass) == [.identical, .identical, .identical])
        #expect(MatchKey.fold("Oﬃce ＢＬＯＣ") == "office bloc")
        #expect(MatchKey.identity("café, ½ price") == "café, 1⁄2 price")
        let story = StoryReader.story(name: "l.txt", text: "The results reﬂect a shift.")
        #expect(story.sentences.map(\.text) == ["The results reﬂect a shift."])
    }

    @Test("compounds written with and without a hyphen are one word, where the stories write both")
    func compounds() {
        let compounds = Compounds([Array("He owned a hand-gun and a Russian-backed rifle.".unicodeScalars), Array("The handgun was old.".unicodeScalars)])
        #expect(compounds.joinedForm(of: "hand-gun") == "handgun")
        #expect(compounds.joinedForm(of: "russian-backed") == nil)
        let results = PairScoring.score([("He owned a handgun.", "He owned a hand-gun."), ("The cease-fire held on Monday.", "The ceasefire held on Monday.")])
        #expect(results.map(\.pairClass) == [.near, .near])
        #expect(results.allSatisfy { $0.features.contentCosine == 1 && $0.features.containmentA == 1 })
    }

    @Test("a chrome phrase is found anywhere in a paragraph, and only when all of it is there")
    func phraseSearch() {
        let shape = RoleClassifier.Shape("Photos: click here to subscribe to our newsletter")
        #expect(shape.contains("subscribe to our"))
        #expect(shape.contains("photos:"))
        #expect(!shape.contains("subscribe to ours"))
        #expect(!shape.contains("newsletter and more"))
        #expect(RoleClassifier.Shape("").contains("a") == false)
    }
}

/// 2·LCS / (|a| + |b|) by the textbook dynamic programme, as the scorer once computed it.
private func referenceOrderRatio(_ a: [Int], _ b: [Int]) -> Double {
    if let bag = OrderScratch.bagRatio(a, b) { return bag }
    var previous = [Int](repeating: 0, count: b.count + 1)
    var current = previous
    for x in a {
        for (j, y) in b.enumerated() {
            current[j + 1] = x == y ? previous[j] + 1 : max(previous[j + 1], current[j])
        }
        swap(&previous, &current)
    }
    return Double(2 * previous[b.count]) / Double(a.count + b.count)
}
