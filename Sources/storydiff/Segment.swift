import ArgumentParser
import StoryCore

/// `storydiff segment FILE`: how a story is read.
struct Segment: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show a story's paragraphs with their roles, and its sentences with their offsets."
    )

    @Argument(help: "The story: a file, - for standard input, or an http(s) URL.", completion: .file())
    var file: String

    @OptionGroup(title: "Pages named by URL")
    var fetch: FetchOptions

    @OptionGroup(title: "Configuration")
    var settings: ConfigOptions

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        settings.load()
        let story = try readStory(file, fetch: fetch)
        for warning in story.warnings { writeError("storydiff: warning: " + warning) }
        switch format {
        case .json:
            let output = standardOutput()
            try SegmentDocument.write(story, to: output)
            output.flush()
        case .text:
            let out = standardOutput()
            out += "\(SafeText.sanitize(story.name)): \(story.paragraphs.count) paragraphs, \(story.sentences.count) sentences (offsets in Unicode scalars)\n"
            if let page = story.provenance {
                out += "web page: \(SafeText.sanitize(page.title ?? "untitled"))\(page.summary.isEmpty ? "" : " · " + SafeText.sanitize(page.summary))\n"
            }
            for warning in story.warnings { out += "warning: \(SafeText.sanitize(warning))\n" }
            for paragraph in story.paragraphs {
                out += "\n¶\(paragraph.index + 1) \(paragraph.role.rawValue) [\(paragraph.span.start)..<\(paragraph.span.end)]\n"
                for index in paragraph.sentences {
                    let sentence = story.sentences[index]
                    out += "  \(index + 1). [\(sentence.span.start)..<\(sentence.span.end)] \(SafeText.sanitize(sentence.text))\n"
                }
            }
            out.flush()
        }
    }
}
