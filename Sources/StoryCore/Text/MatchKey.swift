import Foundation

/// Normalised forms of text used for matching. Display text is never changed.
public enum MatchKey {
    /// Lowercase, typographic quotes and dashes mapped to ASCII, all spaces collapsed to one.
    /// One pass into a byte buffer: this runs for every token of both stories.
    public static func fold(_ text: String) -> String {
        fold(scalars: text.unicodeScalars, capacity: text.utf8.count)
    }

    /// `fold` of a run of scalars, without first making a String of them.
    static func fold<S: Sequence>(scalars: S, capacity: Int) -> String where S.Element == Unicode.Scalar {
        // Most words and sentences are ASCII: fold them straight into the string's own storage.
        if capacity > 0, scalars.allSatisfy({ $0.value < 0x80 }) {
            return String(unsafeUninitializedCapacity: capacity) { buffer in
                var count = 0
                var pendingSpace = false
                for scalar in scalars {
                    var byte = UInt8(scalar.value)
                    switch byte {
                    case 0x20, 0x09...0x0D: pendingSpace = count > 0; continue
                    case 0x41...0x5A: byte += 0x20
                    case 0x60: byte = 0x27
                    default: break
                    }
                    if pendingSpace { buffer[count] = 0x20; count += 1; pendingSpace = false }
                    buffer[count] = byte
                    count += 1
                }
                return count
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(capacity)
        var pendingSpace = false
        func emit(_ byte: UInt8) {
            if pendingSpace { bytes.append(0x20); pendingSpace = false }
            bytes.append(byte)
        }
        for scalar in scalars {
            let value = scalar.value
            if value < 0x80 {
                switch value {
                case 0x20, 0x09...0x0D: pendingSpace = !bytes.isEmpty
                case 0x41...0x5A: emit(UInt8(value + 0x20))
                case 0x60: emit(0x27)
                default: emit(UInt8(value))
                }
                continue
            }
            let mapped = foldScalar(scalar)
            if mapped == " " { pendingSpace = !bytes.isEmpty; continue }
            // Compatibility forms match their plain letters: ligatures from PDFs ("ﬂ" → "fl"),
            // full-width Latin, superscript digits (Unicode NFKC, for the blocks that have them).
            if let plain = compatibilityForm(mapped) {
                for part in plain.unicodeScalars {
                    if part.isSpace { pendingSpace = !bytes.isEmpty; continue }
                    if part.value < 0x80 { emit(UInt8(part.value >= 0x41 && part.value <= 0x5A ? part.value + 0x20 : part.value)); continue }
                    if pendingSpace { bytes.append(0x20); pendingSpace = false }
                    bytes.append(contentsOf: part.properties.lowercaseMapping.utf8)
                }
                continue
            }
            if mapped.value < 0x80 { emit(UInt8(mapped.value)); continue }
            if pendingSpace { bytes.append(0x20); pendingSpace = false }
            if mapped.properties.changesWhenLowercased {
                bytes.append(contentsOf: mapped.properties.lowercaseMapping.utf8)
            } else {
                if let encoded = UTF8.encode(mapped) { bytes.append(contentsOf: encoded) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The NFKC form of a scalar from a block of compatibility characters, when it differs.
    static func compatibilityForm(_ scalar: Unicode.Scalar) -> String? {
        let value = scalar.value
        let compatibilityBlock = (0x00A0...0x00BF).contains(value) || (0x2070...0x218F).contains(value) || (0x2460...0x24FF).contains(value)
            || (0x3000...0x33FF).contains(value) || (0xFB00...0xFB4F).contains(value) || (0xFE30...0xFE6F).contains(value)
            || (0xFF00...0xFFEF).contains(value) || (0x1D400...0x1D7FF).contains(value)
        guard compatibilityBlock else { return nil }
        let plain = String(scalar).precomposedStringWithCompatibilityMapping
        return plain == String(scalar) || plain.isEmpty ? nil : plain
    }

    static func foldScalar(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar {
        case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\u{2032}", "\u{0060}", "\u{00B4}": return "'"
        case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{2033}", "\u{00AB}", "\u{00BB}": return "\""
        case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}", "\u{FE58}", "\u{FE63}", "\u{FF0D}": return "-"
        case "\u{2026}": return "."
        default:
            if scalar.isSpace || scalar == "\u{200B}" || scalar == "\u{FEFF}" { return " " }
            return scalar
        }
    }

    /// The key two sentences must share to count as identical: folded, with quotation marks and
    /// apostrophes dropped (a rewrite that merges two quotations moves the marks, not the words).
    public static func identity(_ text: String) -> String {
        // On the folded bytes: quotation marks and apostrophes are ASCII there, and spaces single.
        var bytes: [UInt8] = []
        let folded = fold(text)
        bytes.reserveCapacity(folded.utf8.count)
        for byte in folded.utf8 {
            if byte == 0x22 || byte == 0x27 { continue }
            if byte == 0x20 && (bytes.isEmpty || bytes.last == 0x20) { continue }
            bytes.append(byte)
        }
        while bytes.last == 0x20 { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
