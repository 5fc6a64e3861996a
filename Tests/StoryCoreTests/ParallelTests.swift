import Foundation
import StoryProse
import Testing
@testable import StoryCore

/// Both cores give the one-core result: the work is split only where each part is whole.
@Suite("One worker or many: the same comparison")
struct ParallelTests {
    @Test("a long generated pair: the JSON is byte for byte the same with 1 and 3 workers, facts found beside or after")
    func sameDocument() throws {
        var generator = ProseGenerator(seed: 7)
        // Long enough that candidates and their scores are split into runs (over 2,000 sentences a side).
        let (textA, textB) = generator.pair(bytes: 360_000)
        let a = StoryReader.story(name: "a.txt", text: textA), b = StoryReader.story(name: "b.txt", text: textB)
        try #require(a.sentences.count > 2_000)
        let one = Comparer.compare(a, b, jobs: 1)
        let reference = try ComparisonDocument(one, ledgers: Ledgers(one), generator: "test").jsonText()
        let many = Comparer.compare(a, b, jobs: 3)
        #expect(try ComparisonDocument(many, ledgers: Ledgers(many), generator: "test").jsonText() == reference, "3 workers")
        // Facts found beside the comparison are the facts found after it.
        let beside = Ledgers.comparing(a, b, jobs: 2)
        #expect(try ComparisonDocument(beside.comparison, ledgers: beside.ledgers, generator: "test").jsonText() == reference)
    }

    @Test("runs cover every index once, in order")
    func chunks() {
        for count in [0, 1, 2, 7, 100, 1001] {
            for jobs in [1, 2, 3, 8] {
                let runs = ParallelWork.chunks(of: count, jobs: jobs)
                #expect(runs.flatMap { Array($0) } == Array(0..<count), "\(count) in \(jobs)")
                #expect(runs.count == min(max(1, jobs), count))
            }
        }
        #expect(ParallelWork.map(count: 50, jobs: 4) { $0 * $0 } == (0..<50).map { $0 * $0 })
    }
}
