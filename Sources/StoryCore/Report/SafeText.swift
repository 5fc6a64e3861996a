/// Makes story text safe to show: nothing in a story may drive a terminal or reorder a line.
public enum SafeText {
    /// Replaces control characters with their visible Control Pictures (␛, ␇, ␀ …), C1 controls
    /// and bidirectional overrides with a visible «U+XXXX» tag, and line breaks with spaces.
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
        case 0x00...0x1F: return String(Unicode.Scalar(0x2400 + scalar.value)!)
        case 0x7F: return "␡"
        case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
            return "«U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4) + "»"
        default: return String(scalar)
        }
    }

    public static func needsReplacement(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C, 0x2028, 0x2029: return true
        default: return false
        }
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
