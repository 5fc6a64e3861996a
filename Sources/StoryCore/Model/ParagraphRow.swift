/// One row of the side-by-side reading: paragraphs of A facing their counterparts in B.
/// Either side may be empty (a paragraph only one version has).
public struct ParagraphRow: Codable, Hashable, Sendable {
    public var a: [Int]
    public var b: [Int]
    /// The strongest class shared across the row, or `unique` when nothing is matched.
    public var link: SentenceClass
    /// The row's paragraphs are matched elsewhere: these are the rows holding their counterparts.
    public var movedTo: [Int]
    /// More than one paragraph on a side: a paragraph split or merged.
    public var isGroup: Bool { a.count > 1 || b.count > 1 }
}
