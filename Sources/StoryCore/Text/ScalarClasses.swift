/// Character tests used in every loop over text, with ASCII answered without a Unicode table
/// look-up (which dominated the profile before).
extension Unicode.Scalar {
    @inline(__always) public var isSpace: Bool {
        if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
        return properties.isWhitespace
    }

    @inline(__always) var isASCIILetterOrDigit: Bool {
        (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value) || (0x30...0x39).contains(value)
    }

    @inline(__always) var isDigit: Bool {
        if value < 0x80 { return (0x30...0x39).contains(value) }
        return properties.numericType == .decimal
    }

    @inline(__always) var isNumeric: Bool {
        if value < 0x80 { return (0x30...0x39).contains(value) }
        return properties.numericType != nil
    }

    @inline(__always) var isLowercaseLetter: Bool {
        if value < 0x80 { return (0x61...0x7A).contains(value) }
        return properties.isLowercase
    }

    @inline(__always) var isUppercaseLetter: Bool {
        if value < 0x80 { return (0x41...0x5A).contains(value) }
        return properties.isUppercase || properties.generalCategory == .titlecaseLetter
    }

    @inline(__always) var isLetter: Bool {
        if value < 0x80 { return (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value) }
        return properties.isAlphabetic
    }
}

extension String {
    /// Text of a run of scalars, encoded straight to UTF-8 (the generic scalar-view append was
    /// a quarter of reading a long story).
    init<S: Collection>(scalars: S) where S.Element == Unicode.Scalar {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars {
            if scalar.value < 0x80 { bytes.append(UInt8(scalar.value)) } else { if let encoded = UTF8.encode(scalar) { bytes.append(contentsOf: encoded) } }
        }
        self = String(decoding: bytes, as: UTF8.self)
    }
}
