import StoryCore

extension Theme {
    /// The theme's looks for reports (HTML colours, ANSI text), role by role.
    public var reportPalette: ReportPalette {
        let roles: [(String, ThemeRole)] = [
            ("page", .page), ("identical", .identical), ("near", .near), ("paraphrase", .paraphrase), ("partial", .partial), ("unique", .unique),
            ("moved", .moved), ("boilerplate", .boilerplate), ("headline", .headline), ("credit", .credit),
            ("word.added", .wordAdded), ("word.removed", .wordRemoved), ("word.moved", .wordMoved), ("gutter", .gutter), ("header", .header), ("flag", .flag),
        ]
        var looks: [String: ReportPalette.Look] = [:]
        for (name, role) in roles {
            let style = self[role]
            func index(_ color: TerminalColor) -> UInt8? {
                if case .indexed(let value) = color { return value }
                return nil
            }
            looks[name] = ReportPalette.Look(foreground: index(style.foreground), background: index(style.background),
                                             bold: style.bold, dim: style.dim, italic: style.italic, underline: style.underline || style.reverse)
        }
        return ReportPalette(name: name, looks: looks)
    }
}
