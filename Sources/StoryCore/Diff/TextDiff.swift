/// The word diff of two free-standing texts (two versions of a quotation, the detail view's
/// pair): the same differ as matched sentences, on text that is not part of a story.
public enum TextDiff {
    /// A stretch of one text and what the diff says of it.
    public struct Part: Equatable, Sendable {
        public var text: String
        public var operation: WordDiff.Operation
    }

    public static func words(_ a: String, _ b: String) -> (a: [Part], b: [Part]) {
        let scalarsA = Array(a.unicodeScalars), scalarsB = Array(b.unicodeScalars)
        let tokensA = Tokenizer.tokens(scalarsA, in: TextSpan(0, scalarsA.count))
        let tokensB = Tokenizer.tokens(scalarsB, in: TextSpan(0, scalarsB.count))
        var ids: [String: Int] = [:]
        func id(_ key: String) -> Int {
            if let known = ids[key] { return known }
            ids[key] = ids.count
            return ids.count - 1
        }
        let keysA = tokensA.map { id($0.key) }, keysB = tokensB.map { id($0.key) }
        var scratch = WordDiffer.Scratch(keys: ids.count)
        let diff = WordDiffer.diff(a: tokensA, b: tokensB, keysA: keysA, keysB: keysB, scratch: &scratch)
        return (parts(diff.a, scalarsA), parts(diff.b, scalarsB))
    }

    /// The text cut at the diff's boundaries; what lies between pieces (spaces) is kept.
    private static func parts(_ pieces: [WordDiff.Piece], _ scalars: [Unicode.Scalar]) -> [Part] {
        var result: [Part] = []
        var cursor = 0
        func add(_ start: Int, _ end: Int, _ operation: WordDiff.Operation) {
            let start = max(0, min(start, scalars.count)), end = max(start, min(end, scalars.count))
            guard end > start else { return }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars[start..<end])
            if let last = result.last, last.operation == operation {
                result[result.count - 1].text += String(text)
            } else {
                result.append(Part(text: String(text), operation: operation))
            }
        }
        for piece in pieces {
            if piece.span.start > cursor { add(cursor, piece.span.start, .kept) }
            add(piece.span.start, piece.span.end, piece.operation)
            cursor = max(cursor, piece.span.end)
        }
        if cursor < scalars.count { add(cursor, scalars.count, .kept) }
        return result
    }

    /// The diff written out for plain text, as git's and dwdiff's word diffs: [-removed-] and {+added+}.
    public static func marked(_ parts: [Part]) -> String {
        parts.map { $0.operation.marked($0.text) }.joined()
    }
}
