/// How report text looks, by role: colours as xterm-256 indices, plus attributes. Built from a
/// theme by the caller, so that the engine does not depend on the reader.
public struct ReportPalette: Sendable, Equatable {
    public struct Look: Sendable, Equatable {
        public var foreground: UInt8?
        public var background: UInt8?
        public var bold = false
        public var dim = false
        public var italic = false
        public var underline = false

        public init(foreground: UInt8? = nil, background: UInt8? = nil, bold: Bool = false, dim: Bool = false, italic: Bool = false, underline: Bool = false) {
            self.foreground = foreground
            self.background = background
            self.bold = bold
            self.dim = dim
            self.italic = italic
            self.underline = underline
        }
    }

    /// Roles: page, identical, near, paraphrase, partial, unique, moved, boilerplate, headline, credit,
    /// word.added, word.removed, word.moved, gutter, header.
    public var name: String
    public var looks: [String: Look]

    public init(name: String, looks: [String: Look]) {
        self.name = name
        self.looks = looks
    }

    public subscript(role: String) -> Look { looks[role] ?? Look() }

    /// A palette without colour: attributes only.
    public static let plain = ReportPalette(name: "plain", looks: [
        "partial": Look(italic: true), "unique": Look(bold: true), "boilerplate": Look(dim: true), "headline": Look(bold: true), "credit": Look(italic: true),
        "word.added": Look(bold: true, underline: true), "word.removed": Look(dim: true, underline: true), "word.moved": Look(italic: true, underline: true),
    ])

    /// An xterm-256 colour as #rrggbb.
    public static func hex(_ index: UInt8) -> String {
        let (r, g, b) = rgb(index)
        func two(_ v: Int) -> String { let s = String(v, radix: 16); return s.count == 1 ? "0" + s : s }
        return "#" + two(r) + two(g) + two(b)
    }

    public static func rgb(_ index: UInt8) -> (Int, Int, Int) {
        let basic: [(Int, Int, Int)] = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
                                        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255)]
        let i = Int(index)
        if i < 16 { return basic[i] }
        if i >= 232 { let level = 8 + 10 * (i - 232); return (level, level, level) }
        let steps = [0, 95, 135, 175, 215, 255]
        let cube = i - 16
        return (steps[cube / 36], steps[cube / 6 % 6], steps[cube % 6])
    }

    /// The SGR escape that turns a look on (for text reports on a terminal).
    public func ansi(_ role: String) -> String {
        let look = self[role]
        var codes: [String] = []
        if look.bold { codes.append("1") }
        if look.dim { codes.append("2") }
        if look.italic { codes.append("3") }
        if look.underline { codes.append("4") }
        if let foreground = look.foreground { codes.append("38;5;\(foreground)") }
        if let background = look.background { codes.append("48;5;\(background)") }
        return codes.isEmpty ? "" : "\u{1B}[" + codes.joined(separator: ";") + "m"
    }
}
