/// Turns the bytes of a file into text: UTF-8 (with or without BOM) or UTF-16 with a BOM.
public enum TextDecoder {
    public struct Decoded: Sendable, Equatable {
        public var text: String
        public var warnings: [String]
    }

    /// Decodes `bytes`; `name` is used in messages. Invalid UTF-8 becomes U+FFFD with a warning.
    public static func decode(_ bytes: [UInt8], name: String) throws(InputError) -> Decoded {
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
        let (scalars, replaced) = decodeUnits(bytes, with: UTF8())
        var warnings: [String] = []
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
}
