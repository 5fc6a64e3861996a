/// What happened to each word of a matched group, as spans on both sides.
public struct WordDiff: Codable, Hashable, Sendable {
    public enum Operation: String, Codable, Sendable {
        case kept, removed, added, moved

        /// A stretch of text with this change's marks, as wdiff, git and dwdiff write them:
        /// [-removed-], {+added+}, [~moved~]; kept text as it is.
        public func marked(_ text: String) -> String {
            switch self {
            case .kept: return text
            case .removed: return "[-" + text + "-]"
            case .added: return "{+" + text + "+}"
            case .moved: return "[~" + text + "~]"
            }
        }
    }

    public struct Piece: Codable, Hashable, Sendable {
        public var span: TextSpan
        public var operation: Operation
        public init(span: TextSpan, operation: Operation) {
            self.span = span
            self.operation = operation
        }
    }

    /// Pieces of side A's sentences (kept, removed, moved) and of side B's (kept, added, moved).
    public var a: [Piece]
    public var b: [Piece]

    public init(a: [Piece], b: [Piece]) {
        self.a = a
        self.b = b
    }
}
