/// Normalised forms of text used for matching. Display text is never changed.
public enum MatchKey {
    /// Lowercase, typographic quotes and dashes mapped to ASCII, all spaces collapsed to one.
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let mapped = foldScalar(scalar)
            if mapped == " " {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(mapped)
        }
        return String(out).lowercased()
    }

    static func foldScalar(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar {
        case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\u{2032}", "\u{0060}", "\u{00B4}": return "'"
        case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{2033}", "\u{00AB}", "\u{00BB}": return "\""
        case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}", "\u{FE58}", "\u{FE63}", "\u{FF0D}": return "-"
        case "\u{2026}": return "."
        default:
            if scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{FEFF}" { return " " }
            return scalar
        }
    }

    /// The key two sentences must share to count as identical: folded, with quotation marks
    /// dropped (a rewrite that merges two quotations moves the marks, not the words) and the
    /// space around dashes evened out.
    public static func identity(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var previousWasSpace = true
        for scalar in fold(text).unicodeScalars {
            var scalar = scalar
            if scalar == "\"" { continue }
            if scalar == "'" {
                // Keep apostrophes inside words ("there's"), drop quotation marks.
                continue
            }
            if scalar == "-" { scalar = "-" }
            if scalar == " " {
                if previousWasSpace { continue }
                previousWasSpace = true
            } else {
                previousWasSpace = false
            }
            out.append(scalar)
        }
        var key = String(out)
        while key.hasSuffix(" ") { key.removeLast() }
        return key
    }
}
