/// What a report shows, beyond the comparison itself.
public struct ReportOptions: Sendable {
    /// Leave out rows whose sentences are all identical (the reader's `f`).
    public var hideIdentical = false
    public var generator = "storydiff"
    /// When the report was made, as the report shows it.
    public var date = ""
    public var palette: ReportPalette = .plain
    /// Put before every HTML anchor ("c3-" makes "#c3-a12"): a many-version report holds one
    /// pair's report per copy, each with anchors of its own.
    public var anchorPrefix = ""
    /// Levels added to every Markdown heading (1: a pair's report as a section of a larger one).
    public var headingOffset = 0

    /// A Markdown heading mark of `level` (1 is "#"), moved down by `headingOffset`.
    func heading(_ level: Int) -> String { String(repeating: "#", count: min(6, level + headingOffset)) }

    public init(hideIdentical: Bool = false, generator: String = "storydiff", date: String = "", palette: ReportPalette = .plain) {
        self.hideIdentical = hideIdentical
        self.generator = generator
        self.date = date
        self.palette = palette
    }
}

/// The formats a comparison is written in.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, html, md

    /// From a file name's extension: .txt, .json, .html/.htm, .md/.markdown.
    public init?(path: String) {
        let lower = path.lowercased()
        guard let dot = lower.lastIndex(of: "."), !lower[dot...].contains("/") else { return nil }
        switch lower[lower.index(after: dot)...] {
        case "txt", "text": self = .text
        case "json": self = .json
        case "html", "htm": self = .html
        case "md", "markdown": self = .md
        default: return nil
        }
    }
}

extension Comparison {
    /// Rows a report shows, with how many identical rows were left out before each (filter on),
    /// one at a time: a long document's report never holds a list of them all.
    public func reportRows(_ options: ReportOptions) -> ReportRows { ReportRows(comparison: self, hideIdentical: options.hideIdentical) }

    /// A row whose sentences are all identical and in place.
    public func isIdenticalRow(_ row: ParagraphRow) -> Bool {
        guard row.link == .identical else { return false }
        let sentencesA = row.a.flatMap { a.paragraphs[$0].sentences }, sentencesB = row.b.flatMap { b.paragraphs[$0].sentences }
        let classes = sentencesA.map { classesA[$0] } + sentencesB.map { classesB[$0] }
        let moved = sentencesA.compactMap { groupOfA[$0] }.contains { groups[$0].moved }
        return !moved && classes.allSatisfy { $0 == .identical || $0 == .boilerplate }
    }
}

/// The rows a report shows (see `Comparison.reportRows`), made as they are read.
public struct ReportRows: Sequence {
    let comparison: Comparison
    let hideIdentical: Bool

    public struct Iterator: IteratorProtocol {
        let comparison: Comparison
        let hideIdentical: Bool
        var position = 0
        var finished = false

        public mutating func next() -> (index: Int, row: ParagraphRow, hiddenBefore: Int)? {
            guard !finished else { return nil }
            var hidden = 0
            while position < comparison.rows.count {
                let index = position, row = comparison.rows[index]
                position += 1
                if hideIdentical && comparison.isIdenticalRow(row) { hidden += 1; continue }
                return (index, row, hidden)
            }
            finished = true
            // Identical rows at the end: a closing count, past the last row.
            return hidden > 0 ? (comparison.rows.count, ParagraphRow(a: nil, b: nil, link: .identical), hidden) : nil
        }
    }

    public func makeIterator() -> Iterator { Iterator(comparison: comparison, hideIdentical: hideIdentical) }
}
