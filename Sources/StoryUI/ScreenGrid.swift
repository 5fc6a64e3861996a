import Foundation

/// One cell of the screen: a grapheme (empty for the second column of a wide one) and its style.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: Style

    public static let blank = Cell(text: " ", style: .plain)
}

/// A frame rendered in memory: the contract between the pure UI and the terminal backend.
/// Tests read it as text and as a map of styles.
public struct ScreenGrid: Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Fills a stretch of a line with a style (blank cells).
    public mutating func fill(y: Int, from x0: Int = 0, to x1: Int? = nil, style: Style) {
        guard y >= 0, y < height else { return }
        for x in max(0, x0)..<min(width, x1 ?? width) { self[x, y] = Cell(text: " ", style: style) }
    }

    /// Writes text from column x, clipped at `limit`; returns the column after it. A wide
    /// character that would straddle the limit is replaced by a space.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style, limit: Int? = nil) -> Int {
        guard y >= 0, y < height else { return x }
        let end = min(width, limit ?? width)
        var column = x
        for character in text {
            let cellWidth = DisplayWidth.of(character)
            if cellWidth == 0 {
                // A lone combining mark or control: attach to the previous cell if any.
                if column > 0, column - 1 < end, !cells[y * width + column - 1].text.isEmpty {
                    cells[y * width + column - 1].text.append(character)
                }
                continue
            }
            if column + cellWidth > end {
                if column < end { self[column, y] = Cell(text: " ", style: style) }
                return end
            }
            if column >= 0 {
                self[column, y] = Cell(text: String(character), style: style)
                if cellWidth == 2 { self[column + 1, y] = Cell(text: "", style: style) }
            }
            column += cellWidth
        }
        return column
    }

    /// The screen as text, one line per row, trailing spaces removed.
    public var lines: [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width { line += self[x, y].text }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }

    public var text: String { lines.joined(separator: "\n") }

    /// One character per cell naming its style by role, for style snapshots: `legend` maps styles
    /// to letters; unknown styles show as `?`, wide characters' second columns as the same letter.
    public func styleMap(_ legend: [Style: Character]) -> [String] {
        (0..<height).map { y in
            String((0..<width).map { x in legend[self[x, y].style] ?? "?" })
        }
    }
}

extension ScreenGrid {
    /// The frame in ASCII, for terminals and fonts without the marks (`--ascii`, or a locale that
    /// names another character set): each cell keeps its width, so nothing moves. Frames become
    /// + - |, marks their ASCII twins, accented letters their base letter, anything else "?".
    public func asciiFolded() -> ScreenGrid {
        var copy = self
        for index in cells.indices {
            let text = cells[index].text
            guard !text.isEmpty, !text.unicodeScalars.allSatisfy(\.isASCII) else { continue }
            copy.cells[index].text = Self.ascii(for: text)
        }
        // The second column of a wide character: it was "" and the first became one column.
        for y in 0..<height {
            for x in 0..<width where copy[x, y].text.isEmpty {
                copy[x, y] = Cell(text: " ", style: copy[x, y].style)
            }
        }
        return copy
    }

    static let asciiTwins: [Character: String] = [
        "┌": "+", "┐": "+", "└": "+", "┘": "+", "─": "-", "│": "|", "╪": "+",
        "≈": "%", "∩": "+", "↕": "^", "÷": "#", "·": ".", "…": ".", "•": "*", "»": ">", "«": "<",
        "“": "\"", "”": "\"", "„": "\"", "‘": "'", "’": "'", "‚": "'", "–": "-", "—": "-", "−": "-",
        "←": "<", "→": ">", "↑": "^", "↓": "v", "↔": "-", "▏": "|", "¶": "P", "×": "x", "§": "S",
        "\u{00A0}": " ",
    ]

    static func ascii(for text: String) -> String {
        guard let character = text.first else { return " " }
        if let twin = asciiTwins[character] { return twin }
        // A letter with marks: its base letter (é → e), from the canonical decomposition.
        if let base = String(character).decomposedStringWithCanonicalMapping.unicodeScalars.first, base.isASCII,
           base.properties.isAlphabetic || base.properties.numericType != nil {
            return String(Character(base))
        }
        return "?"
    }
}
