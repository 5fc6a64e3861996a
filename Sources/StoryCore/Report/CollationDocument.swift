/// The JSON form of one base compared with many copies (`storydiff BASE COPY1 COPY2 … --format
/// json`, described in docs/json-schema.md). Each of `versions` is exactly the two-story
/// document of `storydiff BASE COPYk --format json`.
public struct CollationDocument: Codable, Sendable, Equatable {
    public var version: Int
    public var generator: String
    public var offsets: String
    /// Every copy says the same as the base word for word.
    public var identical: Bool
    public var base: BaseStory
    /// Copy k's comparison (A the base, B the copy) is `versions[k - 1]`.
    public var versions: [ComparisonDocument]
    public var overview: [CopyOverview]
    public var baseSentences: [BaseSentence]

    /// The base on its own: its paragraphs and sentences (their classes are per copy, in `versions`).
    public struct BaseStory: Codable, Sendable, Equatable {
        public var name: String
        public var title: String
        public var characters: Int
        public var warnings: [String]
        public var provenance: Provenance?
        public var paragraphs: [ComparisonDocument.ParagraphEntry]
        public var sentences: [Sentence]
    }

    public struct Sentence: Codable, Sendable, Equatable {
        public var id: String
        public var index: Int
        public var paragraph: Int
        public var start: Int
        public var end: Int
        public var role: ParagraphRole
        public var text: String
    }

    /// What the copies did with one compared base sentence: copy numbers (from 1) per class.
    public struct BaseSentence: Codable, Sendable, Equatable {
        public var id: String
        public var kept: Kept
        public var dropped: [Int]
    }

    public struct Kept: Codable, Sendable, Equatable {
        public var identical: [Int]
        public var near: [Int]
        public var paraphrase: [Int]
        public var partial: [Int]
    }
}

extension CollationDocument {
    public init(_ collation: Collation, generator: String) {
        self.init(
            version: ComparisonDocument.currentVersion, generator: generator, offsets: "unicode-scalars",
            identical: collation.isIdentical, base: Self.baseStory(collation.base),
            versions: collation.comparisons.indices.map {
                ComparisonDocument(collation.comparisons[$0], ledgers: collation.ledgers[$0], generator: generator)
            },
            overview: collation.overview, baseSentences: collation.baseSentences.map(Self.baseSentence))
    }

    static func baseStory(_ story: Story) -> BaseStory {
        BaseStory(name: story.name, title: story.title, characters: story.scalars.count, warnings: story.warnings,
                  provenance: story.provenance,
                  paragraphs: story.paragraphs.map { ComparisonDocument.paragraphEntry($0, side: .a) },
                  sentences: story.sentences.map(sentence))
    }

    static func sentence(_ sentence: StoryCore.Sentence) -> Sentence {
        Sentence(id: ComparisonDocument.id(.a, sentence.index), index: sentence.index, paragraph: sentence.paragraph,
                 start: sentence.span.start, end: sentence.span.end, role: sentence.role, text: sentence.text)
    }

    static func baseSentence(_ fate: BaseSentenceFate) -> BaseSentence {
        BaseSentence(id: ComparisonDocument.id(.a, fate.sentence),
                     kept: Kept(identical: fate.copies(.identical), near: fate.copies(.near),
                                paraphrase: fate.copies(.paraphrase), partial: fate.copies(.partial)),
                     dropped: fate.dropped)
    }
}

#if canImport(Foundation)
extension CollationDocument {
    public func jsonText() throws -> String { try StoryCore.jsonText(self) }

    /// Writes the JSON of `CollationDocument(collation, generator:)` as it goes: one copy's
    /// comparison at a time, each written as the two-story document streams.
    public static func write(_ collation: Collation, generator: String, jobs: Int = ParallelWork.cores, to output: ReportOutput) throws {
        let json = JSONStream(output)
        let base = collation.base
        try json.object(indent: 0, [
            ("base", { indent in
                var members: [(key: String, write: (Int) throws -> Void)] = [
                    ("characters", { try json.value(base.scalars.count, indent: $0) }),
                    ("name", { try json.value(base.name, indent: $0) }),
                    ("paragraphs", { try json.array(count: base.paragraphs.count, indent: $0) { ComparisonDocument.paragraphEntry(base.paragraphs[$0], side: .a) } }),
                ]
                if let provenance = base.provenance { members.append(("provenance", { try json.value(provenance, indent: $0) })) }
                members += [
                    ("sentences", { try json.array(count: base.sentences.count, indent: $0) { sentence(base.sentences[$0]) } }),
                    ("title", { try json.value(base.title, indent: $0) }),
                    ("warnings", { try json.value(base.warnings, indent: $0) }),
                ]
                try json.object(indent: indent, members)
            }),
            ("baseSentences", { try json.array(count: collation.baseSentences.count, indent: $0) { baseSentence(collation.baseSentences[$0]) } }),
            ("generator", { try json.value(generator, indent: $0) }),
            ("identical", { try json.value(collation.isIdentical, indent: $0) }),
            ("offsets", { try json.value("unicode-scalars", indent: $0) }),
            ("overview", { try json.value(collation.overview, indent: $0) }),
            ("version", { try json.value(ComparisonDocument.currentVersion, indent: $0) }),
            ("versions", { indent in
                // Copies are encoded `jobs` at a time, each into text of its own, and written in
                // order; very long stories stream one at a time instead, so that no copy's whole
                // document stands in memory.
                let small = collation.comparisons.allSatisfy { $0.a.sentences.count + $0.b.sentences.count <= 20_000 }
                let width = small ? max(1, jobs) : 1
                guard width > 1 else {
                    try json.list(count: collation.copyCount, indent: indent) { index, at in
                        try ComparisonDocument.writeObject(collation.comparisons[index], ledgers: collation.ledgers[index],
                                                           generator: generator, json: json, indent: at)
                    }
                    return
                }
                var batch: [Result<String, any Error>] = []
                try json.list(count: collation.copyCount, indent: indent) { index, at in
                    if index % width == 0 {
                        batch = ParallelWork.map(count: min(width, collation.copyCount - index), jobs: width) { offset in
                            Result {
                                let (output, text) = ReportOutput.collecting()
                                try ComparisonDocument.writeObject(collation.comparisons[index + offset], ledgers: collation.ledgers[index + offset],
                                                                   generator: generator, json: JSONStream(output), indent: at)
                                return text()
                            }
                        }
                    }
                    output.write(try batch[index % width].get())
                }
            }),
        ])
        output.write("\n")
    }
}
#endif
