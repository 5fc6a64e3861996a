import Testing
@testable import StoryCore

extension Story {
    /// The index of the one sentence starting with `prefix` (fails the test if not exactly one).
    func sentence(startingWith prefix: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        let found = sentences.filter { $0.text.hasPrefix(prefix) }
        try #require(found.count == 1, "\(found.count) sentences start with \(prefix)", sourceLocation: sourceLocation)
        return found[0].index
    }
}

extension Comparison {
    func sentenceClass(_ side: Side, _ prefix: String) throws -> SentenceClass {
        classes(side)[try story(side).sentence(startingWith: prefix)]
    }
}

/// Compares two made-up stories given as text.
func compare(_ a: String, _ b: String) -> Comparison {
    Comparer.compare(StoryReader.story(name: "a.txt", text: a), StoryReader.story(name: "b.txt", text: b))
}
