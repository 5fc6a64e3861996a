/// A terminal colour: the terminal's own, one of the 256 indexed colours, or a true colour that
/// is shown as the nearest indexed one.
public enum TerminalColor: Hashable, Sendable {
    case `default`
    case indexed(UInt8)

    /// The nearest of the 8 basic colours, for terminals with fewer than 256.
    public var basic: TerminalColor {
        guard case .indexed(let index) = self else { return self }
        if index < 8 { return self }
        if index < 16 { return .indexed(index - 8) }
        let (r, g, b): (Int, Int, Int)
        if index >= 232 {
            let level = (Int(index) - 232) * 10 + 8
            (r, g, b) = (level, level, level)
        } else {
            let cube = Int(index) - 16
            let steps = [0, 95, 135, 175, 215, 255]
            (r, g, b) = (steps[cube / 36], steps[cube / 6 % 6], steps[cube % 6])
        }
        // Each channel on or off; all three at a middling level is grey, shown as white or black.
        let threshold = 128
        let bits = (r >= threshold ? 1 : 0) | (g >= threshold ? 2 : 0) | (b >= threshold ? 4 : 0)
        return .indexed(UInt8(bits))
    }

    /// An RGB colour as the nearest colour of the 6×6×6 cube or the grey ramp.
    public static func nearest(red: Int, green: Int, blue: Int) -> TerminalColor {
        func level(_ v: Int) -> Int { v < 48 ? 0 : v < 115 ? 1 : (v - 35) / 40 }
        let (r, g, b) = (level(red), level(green), level(blue))
        let steps = [0, 95, 135, 175, 215, 255]
        let cubeError = [(steps[r], red), (steps[g], green), (steps[b], blue)].reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        let average = (red + green + blue) / 3
        let grey = max(0, min(23, (average - 3) / 10))
        let greyValue = grey * 10 + 8
        let greyError = [red, green, blue].reduce(0) { $0 + ($1 - greyValue) * ($1 - greyValue) }
        return greyError < cubeError ? .indexed(UInt8(232 + grey)) : .indexed(UInt8(16 + 36 * r + 6 * g + b))
    }
}

/// How a cell looks: colours and attributes.
public struct Style: Hashable, Sendable {
    public var foreground: TerminalColor = .default
    public var background: TerminalColor = .default
    public var bold = false
    public var dim = false
    public var italic = false
    public var underline = false
    public var reverse = false

    public init(foreground: TerminalColor = .default, background: TerminalColor = .default, bold: Bool = false,
                dim: Bool = false, italic: Bool = false, underline: Bool = false, reverse: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.italic = italic
        self.underline = underline
        self.reverse = reverse
    }

    public static let plain = Style()

    /// `other` drawn over this style: its colours where it sets them, its attributes added.
    public func patched(with other: Style) -> Style {
        var result = self
        if other.foreground != .default { result.foreground = other.foreground }
        if other.background != .default { result.background = other.background }
        result.bold = bold || other.bold
        result.dim = dim || other.dim
        result.italic = italic || other.italic
        result.underline = underline || other.underline
        result.reverse = reverse != other.reverse
        return result
    }

    /// The same attributes without colour (NO_COLOR, monochrome terminals).
    public var withoutColor: Style {
        Style(bold: bold, dim: dim, italic: italic, underline: underline, reverse: reverse)
    }

    /// With colours reduced to the 8 basic ones.
    public var basicColors: Style {
        var result = self
        result.foreground = foreground.basic
        result.background = background.basic
        return result
    }
}
