import ArgumentParser
import StoryCore

/// `storydiff score`: the pair scorer on its own, for evaluation against labelled pairs.
struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score sentence pairs: reads lines 'text1<TAB>text2', writes one JSON object per line.",
        discussion: """
            Each output line has similarity (0 to 1, calibrated on human scores of news sentence pairs: \
            from about 0.67 the two say the same thing), class (identical, near, paraphrase: the same \
            meaning; partial: shares content but one says materially more or something different; related; \
            unrelated), saysMore (for a partial pair, the text that says more: a or b) and the features behind \
            them. Word weights (IDF) come from all lines of the input, as they come from all sentences of both \
            stories in a comparison.
            """
    )

    @Argument(help: "A file of tab-separated pairs (- or nothing for standard input).")
    var file: String = "-"

    func run() throws {
        let name = file == "-" ? "standard input" : file
        let bytes = try StoryReader.readBytes(path: file, name: name)
        let text = try TextDecoder.decode(bytes, name: name).text
        var pairs: [(String, String)] = []
        for (number, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() where !line.isEmpty {
            let fields = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            guard fields.count == 2 else { throw ValidationError("\(name): line \(number + 1) has no tab between the two texts") }
            pairs.append((String(fields[0]), String(fields[1])))
        }
        var out = ""
        for result in PairScoring.score(pairs) { out += try jsonText(result, pretty: false) }
        writeOutput(out)
    }
}
