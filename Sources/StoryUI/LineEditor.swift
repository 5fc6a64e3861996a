import StoryCore

/// The one-line prompts of the reader (search, export path), edited as a shell's line editor
/// edits: Backspace, Ctrl-U and Ctrl-K kill before and after the cursor, Ctrl-W the word (or path
/// component) before it, Ctrl-A/Home and Ctrl-E/End move to the ends, Ctrl-B/Ctrl-F/← → by a character, Ctrl-D
/// deletes under the cursor; Esc, Ctrl-C and Ctrl-G cancel. No control character ever becomes
/// part of the text, so none reaches a path or a search.
public struct LineEditor: Sendable, Equatable {
    public private(set) var text: [Character]
    /// Where the next character goes: 0...text.count.
    public private(set) var cursor: Int

    public enum Outcome: Sendable, Equatable { case editing, submitted(String), cancelled }

    public init(_ text: String = "") {
        self.text = Array(text)
        cursor = self.text.count
    }

    public var string: String { String(text) }

    /// The text with a bar at the cursor, for the message line.
    public var display: String { String(text[..<cursor]) + "▏" + String(text[cursor...]) }

    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .enter: return .submitted(string)
        case .escape, .interrupt: return .cancelled
        case .backspace: deleteBackward()
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = text.count
        case .character(let character):
            guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
                  scalar.value < 0x20 || scalar.value == 0x7F else {
                // Printable: inserted at the cursor, unless it carries a control or bidi character.
                if !character.unicodeScalars.contains(where: SafeText.needsReplacement) {
                    text.insert(character, at: cursor)
                    cursor += 1
                }
                return .editing
            }
            switch scalar.value {
            case 0x01: cursor = 0                                          // Ctrl-A
            case 0x05: cursor = text.count                                 // Ctrl-E
            case 0x02: cursor = max(0, cursor - 1)                         // Ctrl-B
            case 0x06: cursor = min(text.count, cursor + 1)                // Ctrl-F
            case 0x15: text.removeSubrange(0..<cursor); cursor = 0         // Ctrl-U
            case 0x0B: text.removeSubrange(cursor...)                      // Ctrl-K
            case 0x17: deleteWordBackward()                                // Ctrl-W
            case 0x04: if cursor < text.count { text.remove(at: cursor) }  // Ctrl-D
            case 0x08, 0x7F: deleteBackward()                              // Ctrl-H, DEL
            case 0x03, 0x07: return .cancelled                             // Ctrl-C, Ctrl-G
            case 0x0D, 0x0A: return .submitted(string)
            default: break                                                 // other controls do nothing
            }
        default: break
        }
        return .editing
    }

    private mutating func deleteBackward() {
        guard cursor > 0 else { return }
        text.remove(at: cursor - 1)
        cursor -= 1
    }

    /// Ctrl-W: the spaces and slashes before the cursor, then the word before them; a path
    /// loses its last component ("/tmp/reports/old" → "/tmp/reports/"), as in zsh.
    private mutating func deleteWordBackward() {
        func boundary(_ character: Character) -> Bool { character.isWhitespace || character == "/" }
        var start = cursor
        while start > 0, boundary(text[start - 1]) { start -= 1 }
        while start > 0, !boundary(text[start - 1]) { start -= 1 }
        text.removeSubrange(start..<cursor)
        cursor = start
    }
}
