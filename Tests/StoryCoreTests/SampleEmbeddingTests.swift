import Testing
@testable import StoryCore

@Suite("Bundled sample pair")
struct SampleEmbeddingTests {
    @Test("the embedded copy equals samples/")
    func embeddedMatchesFiles() throws {
        #expect(SamplePair.original == (try Fixtures.sampleText("kursk-original.txt")))
        #expect(SamplePair.syndicated == (try Fixtures.sampleText("kursk-syndicated.txt")))
    }
}
