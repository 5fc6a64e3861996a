/// Turns the bytes of a file into text: UTF-8 (with or without BOM) or UTF-16 with a BOM.
public enum TextDecoder {
    public struct Decoded: Sendable, Equatable {
        public var text: String
        public var warnings: [String]
    }

    /// A legacy 8-bit encoding a page can declare.
    public enum Legacy: String, Sendable {
        /// ISO-8859-1 labels included: browsers read them as windows-1252 (WHATWG), and so do we.
        case windows1252 = "windows-1252"

        /// From a charset label ("iso-8859-1", "latin1", "cp1252", …); nil for UTF-8 or unknown labels.
        public init?(label: String) {
            switch label.lowercased().trimmingSpaces() {
            case "windows-1252", "cp1252", "x-cp1252", "ascii", "us-ascii": self = .windows1252
            case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "iso_8859-1", "cp819": self = .windows1252
            default: return nil
            }
        }
    }

    /// Decodes `bytes`; `name` is used in messages. A declared legacy encoding (`declared`) wins;
    /// otherwise UTF-8: text with a few invalid sequences keeps U+FFFD for them, with a warning,
    /// and text with no valid multi-byte UTF-8 at all is read as windows-1252, with a warning.
    public static func decode(_ bytes: [UInt8], name: String, declared: Legacy? = nil) throws(InputError) -> Decoded {
        if declared != nil, !bytes.starts(with: [0xEF, 0xBB, 0xBF]), !bytes.starts(with: [0xFF, 0xFE]), !bytes.starts(with: [0xFE, 0xFF]) {
            if bytes.contains(0) { throw .binary(name) }
            return Decoded(text: windows1252(bytes[...]), warnings: [])
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try decodeUTF8(bytes.dropFirst(3), name: name)
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return try decodeUTF16(bytes.dropFirst(2), littleEndian: true, name: name)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return try decodeUTF16(bytes.dropFirst(2), littleEndian: false, name: name)
        }
        return try decodeUTF8(bytes[...], name: name)
    }

    private static func decodeUTF8(_ bytes: ArraySlice<UInt8>, name: String) throws(InputError) -> Decoded {
        if bytes.contains(0) { throw .binary(name) }
        // The common case, valid UTF-8, in one validating copy.
        if let text = String(validating: bytes, as: UTF8.self) { return Decoded(text: text, warnings: []) }
        let (scalars, replaced) = decodeUnits(bytes, with: UTF8())
        var warnings: [String] = []
        if replaced > 0 && !hasMultibyteUTF8(bytes) {
            return Decoded(text: windows1252(bytes), warnings: ["\(name): not UTF-8 and no encoding declared; read as windows-1252"])
        }
        if replaced > 0 {
            warnings.append("\(name): not valid UTF-8; \(replaced) byte sequence\(replaced == 1 ? "" : "s") replaced with U+FFFD")
        }
        return Decoded(text: String(scalars), warnings: warnings)
    }

    private static func decodeUTF16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool, name: String) throws(InputError) -> Decoded {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
            units.append(littleEndian ? first | second << 8 : first << 8 | second)
            index += 2
        }
        var warnings: [String] = []
        if bytes.count % 2 != 0 {
            warnings.append("\(name): UTF-16 text has an odd number of bytes; the last byte was dropped")
        }
        let (scalars, replaced) = decodeUnits(units, with: UTF16())
        if replaced > 0 {
            warnings.append("\(name): invalid UTF-16; \(replaced) unit\(replaced == 1 ? "" : "s") replaced with U+FFFD")
        }
        // UTF-16 text is full of zero bytes, so the NUL test is on the decoded scalars.
        if scalars.contains("\u{0}") { throw .binary(name) }
        return Decoded(text: String(scalars), warnings: warnings)
    }

    /// Decodes code units, replacing each invalid sequence with U+FFFD; returns how many were replaced.
    private static func decodeUnits<Units: Sequence, Codec: UnicodeCodec>(_ units: Units, with codec: Codec) -> (String.UnicodeScalarView, Int)
    where Units.Element == Codec.CodeUnit {
        var decoder = codec
        var iterator = units.makeIterator()
        var scalars = String.UnicodeScalarView()
        var replaced = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: return (scalars, replaced)
            case .error:
                scalars.append("\u{FFFD}")
                replaced += 1
            }
        }
    }

    /// Whether the bytes hold at least one well-formed multi-byte UTF-8 sequence.
    static func hasMultibyteUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            let length = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 && lead <= 0xDF ? 2 : 1
            if lead >= 0x80, length > 1, index + length <= bytes.endIndex,
               bytes[(index + 1)..<(index + length)].allSatisfy({ $0 & 0xC0 == 0x80 }) {
                return true
            }
            index += 1
        }
        return false
    }

    /// windows-1252 (a superset of ISO-8859-1's printable characters) to text.
    public static func windows1252(_ bytes: ArraySlice<UInt8>) -> String {
        // 0x80–0x9F: the characters windows-1252 puts where ISO-8859-1 has C1 controls.
        let high: [UInt32] = [0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
                              0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178]
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let value = (0x80...0x9F).contains(byte) ? high[Int(byte) - 0x80] : UInt32(byte)
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }
}
