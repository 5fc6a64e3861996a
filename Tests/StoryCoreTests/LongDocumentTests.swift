import Testing
@testable import StoryCore

@Suite("Long documents")
struct LongDocumentTests {
    /// 300 paragraphs, each edited a little, all using the same few words (so the index, which
    /// skips words in more than 100 sentences, has only their numbers to follow), and in the
    /// middle one sentence reworded with only the common words: found by its place.
    @Test("a reworded sentence whose words are all common is found where it sits")
    func placeCandidates() {
        var a: [String] = [], b: [String] = []
        for n in 0..<300 {
            let line = "Item \(n) of the river report says the river rose again on the plain."
            a.append(n == 150 ? "The river report says the river rose again on the plain." : line)
            // Every other line edited a little, so that none pairs as identical and all go to the index.
            b.append(n == 150 ? "Again the river rose on the plain, the river report says." : line.replacingOccurrences(of: "plain", with: "plains"))
        }
        let comparison = Comparer.compare(StoryReader.story(name: "a", text: a.joined(separator: "\n\n")),
                                          StoryReader.story(name: "b", text: b.joined(separator: "\n\n")))
        let reworded = comparison.a.sentences.first { $0.text.hasPrefix("The river report") }!
        #expect(comparison.classesA[reworded.index] == .paraphrase)
        #expect(comparison.counterparts(.a, sentence: reworded.index).map { comparison.b.sentences[$0].text }
                == ["Again the river rose on the plain, the river report says."])
        #expect(comparison.classesA.filter { $0 == .near }.count == 299)
    }
}
