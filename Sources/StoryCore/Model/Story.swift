/// A story read from a file: its decoded text split into paragraphs and sentences.
public struct Story: Sendable {
    /// What the user called it (a file name, or "standard input").
    public var name: String
    /// The decoded text, without a byte-order mark. All spans index its Unicode scalars.
    public var text: String
    public var scalars: [Unicode.Scalar]
    public var paragraphs: [Paragraph]
    public var sentences: [Sentence]
    /// Things the reader should know about the input (replaced bytes, guessed encoding, cleaning).
    public var warnings: [String]
    /// For a saved web page: its title, byline, date and canonical address.
    public var provenance: Provenance?

    public init(name: String, text: String, paragraphs: [Paragraph], sentences: [Sentence], warnings: [String] = []) {
        self.init(name: name, text: text, scalars: Array(text.unicodeScalars), paragraphs: paragraphs, sentences: sentences, warnings: warnings)
    }

    /// With the scalars already split out (the reader has them), so they are not split twice.
    init(name: String, text: String, scalars: [Unicode.Scalar], paragraphs: [Paragraph], sentences: [Sentence], warnings: [String]) {
        self.name = name
        self.text = text
        self.scalars = scalars
        self.paragraphs = paragraphs
        self.sentences = sentences
        self.warnings = warnings
    }

    /// The text of a span, exactly as it stands in the input.
    public func text(of span: TextSpan) -> String {
        String(scalars: scalars[span.start..<span.end])
    }

    /// The headline if the story has one, otherwise its name.
    public var title: String {
        if let headline = paragraphs.first(where: { $0.role == .headline }) {
            return text(of: headline.span)
        }
        return name
    }

    /// Sentences that take part in matching (not boilerplate).
    public var comparedSentences: [Sentence] { sentences.filter { $0.role.isCompared } }
}
