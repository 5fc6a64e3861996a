/// Makes story text safe to show: nothing in a story may drive a terminal or reorder a line.
public enum SafeText {
    /// Replaces control characters with their visible Control Pictures (␛, ␇, ␀ …), C1 controls,
    /// bidirectional overrides and isolates, interlinear annotation marks (U+FFF9–FFFB) and the
    /// invisible tag characters (U+E0000–E007F, which can smuggle hidden text) with a visible
    /// «U+XXXX» tag, and line breaks with spaces. The reader and every report use it.
    public static func sanitize(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsReplacement) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            out.append(contentsOf: replacement(for: scalar).unicodeScalars)
        }
        return String(out)
    }

    /// What to show for one scalar (itself when it is harmless).
    public static func replacement(for scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x0A, 0x0D, 0x2028, 0x2029, 0x0B, 0x0C, 0x85: return " "
        case 0x09: return " "
        case 0x00...0x1F: return Unicode.Scalar(0x2400 + scalar.value).map(String.init) ?? "?"
        case 0x7F: return "␡"
        case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C, 0xFFF9...0xFFFB, 0xE0000...0xE007F:
            return "«U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4) + "»"
        default: return String(scalar)
        }
    }

    public static func needsReplacement(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C, 0x2028, 0x2029,
             0xFFF9...0xFFFB, 0xE0000...0xE007F: return true
        default: return false
        }
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}

/// JSON that a terminal can show raw: besides what JSON must escape, every character that could
/// drive a terminal or reorder a line (C1 controls, DEL, bidi overrides and isolates, line and
/// paragraph separators, annotation marks, tag characters) is written as a \u escape. The
/// strings parse back to exactly the same text.
public enum JSONEscaping {
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C, 0x2028, 0x2029,
             0xFFF9...0xFFFB, 0xE0000...0xE007F: return true
        default: return false
        }
    }

    /// Escapes those characters in encoded JSON (they can only stand inside its strings).
    public static func escape(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: needsEscape) else { return json }
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            guard needsEscape(scalar) else { out.append(scalar); continue }
            for unit in String(scalar).utf16 {
                out.append(contentsOf: "\\u".unicodeScalars)
                out.append(contentsOf: String(unit, radix: 16).leftPadded(to: 4).unicodeScalars)
            }
        }
        return String(out)
    }
}
