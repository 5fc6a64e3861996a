import Foundation
import Testing
import StoryCore

/// Files the tests read: the golden rules (bundled) and the sample pair (in the repository).
enum Fixtures {
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func sampleText(_ name: String) throws -> String {
        try String(contentsOf: repositoryRoot.appendingPathComponent("samples/\(name)"), encoding: .utf8)
    }

    static var original: Story { get throws { StoryReader.story(name: "kursk-original.txt", text: try sampleText("kursk-original.txt")) } }
    static var syndicated: Story { get throws { StoryReader.story(name: "kursk-syndicated.txt", text: try sampleText("kursk-syndicated.txt")) } }

    struct GoldenCase: Decodable { var input: String; var expected: [String] }

    static func goldenRules() throws -> [GoldenCase] {
        let url = try #require(Bundle.module.url(forResource: "golden_rules_en", withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode([GoldenCase].self, from: Data(contentsOf: url))
    }
}
