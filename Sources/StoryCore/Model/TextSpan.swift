/// A half-open range of Unicode scalar offsets into a story's decoded text.
///
/// Offsets count Unicode scalars (code points), the unit Python, JavaScript's
/// `codePointAt` and most tools can index with; a byte-order mark is not counted.
public struct TextSpan: Codable, Hashable, Sendable {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        precondition(start <= end, "a span cannot end before it starts")
        self.start = start
        self.end = end
    }

    public var length: Int { end - start }
    public var isEmpty: Bool { start == end }
}
