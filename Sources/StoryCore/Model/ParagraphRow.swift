/// One row of the side-by-side reading: paragraphs of A facing their counterparts in B.
/// Either side may be empty (a paragraph only one version has).
public struct ParagraphRow: Codable, Hashable, Sendable {
    /// The row's paragraphs on each side: always consecutive, so kept as ranges (a long
    /// document has a row per paragraph, and an array each would be an allocation each).
    public var a: Range<Int>
    public var b: Range<Int>
    /// The strongest class shared across the row, or `unique` when nothing is matched.
    public var link: SentenceClass
    /// The row's paragraphs are matched elsewhere: these are the rows holding their counterparts.
    public var movedTo: [Int]
    /// More than one paragraph on a side: a paragraph split or merged.
    public var isGroup: Bool { a.count > 1 || b.count > 1 }

    public init(a: Range<Int>, b: Range<Int>, link: SentenceClass, movedTo: [Int]) {
        self.a = a
        self.b = b
        self.link = link
        self.movedTo = movedTo
    }

    /// A row of one paragraph, or none, on each side.
    public init(a: Int?, b: Int?, link: SentenceClass, movedTo: [Int] = []) {
        self.init(a: a.map { $0..<($0 + 1) } ?? 0..<0, b: b.map { $0..<($0 + 1) } ?? 0..<0, link: link, movedTo: movedTo)
    }
}
