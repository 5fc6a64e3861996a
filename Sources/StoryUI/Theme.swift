/// A named table of styles for the semantic roles.
public struct Theme: Sendable {
    public var name: String
    /// Where it came from: "built-in" or a file path.
    public var source: String
    public var description: String
    public var styles: [ThemeRole: Style]

    public subscript(role: ThemeRole) -> Style {
        if let style = styles[role] { return style }
        // A theme written before the role existed still shows the selected link's other end.
        if role == .counterpart { return Style(underline: true) }
        return styles[.text] ?? .plain
    }

    /// The theme as the terminal can show it: without colour, or with 8 colours.
    public func adapted(colors: Int, noColor: Bool) -> Theme {
        var copy = self
        if noColor || colors < 8 {
            copy.styles = styles.mapValues(\.withoutColor)
        } else if colors < 256 {
            copy.styles = styles.mapValues(\.basicColors)
        }
        return copy
    }
}
