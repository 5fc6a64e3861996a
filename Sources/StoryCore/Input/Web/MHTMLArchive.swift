import Foundation

/// A page saved as one file by a browser ("Webpage, single file": MHTML, `multipart/related`):
/// the HTML part, decoded from quoted-printable or base64, with its charset and the address it
/// was saved from. Images and styles in the other parts are not needed.
public struct MHTMLArchive: Sendable, Equatable {
    public var html: [UInt8]
    public var charset: String?
    /// Where the page was saved from (`Snapshot-Content-Location`, or the part's `Content-Location`).
    public var location: String?

    /// By extension, or by top-level headers that declare `multipart/related`.
    public static func looksLikeArchive(_ bytes: [UInt8], name: String) -> Bool {
        let lower = name.lowercased()
        if lower.hasSuffix(".mhtml") || lower.hasSuffix(".mht") { return true }
        guard let (headers, _) = headers(bytes, from: 0) else { return false }
        return headers["mime-version"] != nil && (headers["content-type"] ?? "").lowercased().hasPrefix("multipart/related")
    }

    /// The archive's page, or nil when it holds no HTML part.
    public static func read(_ bytes: [UInt8]) -> MHTMLArchive? {
        guard let (top, bodyStart) = headers(bytes, from: 0), let type = top["content-type"],
              let boundary = parameter("boundary", in: type), !boundary.isEmpty else { return nil }
        let delimiter = Array(("--" + boundary).utf8)
        var parts: [Range<Int>] = []
        var position = find(delimiter, in: bytes, from: bodyStart)
        while let start = position {
            // The delimiter line ends at its line break; "--" after it closes the archive.
            var contentStart = start + delimiter.count
            if contentStart + 1 < bytes.count, bytes[contentStart] == 0x2D, bytes[contentStart + 1] == 0x2D { break }
            while contentStart < bytes.count, bytes[contentStart] != 0x0A { contentStart += 1 }
            contentStart = min(bytes.count, contentStart + 1)
            let next = find(delimiter, in: bytes, from: contentStart)
            var end = next ?? bytes.count
            // The line break before the next delimiter belongs to it.
            if end > contentStart, bytes[end - 1] == 0x0A { end -= 1 }
            if end > contentStart, bytes[end - 1] == 0x0D { end -= 1 }
            parts.append(contentStart..<max(contentStart, end))
            position = next
        }
        for part in parts {
            let slice = Array(bytes[part])
            guard let (headers, contentStart) = headers(slice, from: 0) else { continue }
            let partType = (headers["content-type"] ?? "text/plain").lowercased()
            guard partType.hasPrefix("text/html") || partType.hasPrefix("application/xhtml") else { continue }
            let content = Array(slice[min(contentStart, slice.count)...])
            let decoded: [UInt8]
            switch (headers["content-transfer-encoding"] ?? "").lowercased().trimmingCharacters(in: .whitespaces) {
            case "quoted-printable": decoded = quotedPrintable(content)
            case "base64": decoded = Data(base64Encoded: Data(content), options: .ignoreUnknownCharacters).map { Array($0) } ?? []
            default: decoded = content
            }
            return MHTMLArchive(html: decoded, charset: parameter("charset", in: headers["content-type"] ?? "")?.lowercased(),
                                location: top["snapshot-content-location"] ?? headers["content-location"])
        }
        return nil
    }

    /// Header fields from `start` to the first empty line (folded lines joined), lower-cased
    /// names, and where the content starts; nil when the bytes do not start with headers.
    static func headers(_ bytes: [UInt8], from start: Int) -> ([String: String], Int)? {
        var fields: [String: String] = [:]
        var lastName: String?
        var position = start
        var lines = 0
        while position < bytes.count {
            var end = position
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var line = bytes[position..<end]
            if line.last == 0x0D { line = line.dropLast() }
            position = end + 1
            if line.isEmpty { return fields.isEmpty ? nil : (fields, min(position, bytes.count)) }
            lines += 1
            guard lines < 200 else { return nil }
            let text = String(decoding: line, as: UTF8.self)
            if let first = line.first, first == 0x20 || first == 0x09, let name = lastName {
                fields[name, default: ""] += " " + text.trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let colon = text.firstIndex(of: ":") else { return nil }
            let name = text[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            guard !name.isEmpty, !name.contains(" ") else { return nil }
            fields[name] = fields[name] ?? text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            lastName = name
        }
        return nil
    }

    /// `boundary="----x"` or `charset=utf-8` from a header's parameters.
    static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == key else { continue }
            return pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }

    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, start >= 0 else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == first, bytes[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// Quoted-printable: `=XX` is a byte, `=` at a line's end joins it to the next.
    static func quotedPrintable(_ bytes: [UInt8]) -> [UInt8] {
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case 0x30...0x39: return byte - 0x30
            case 0x41...0x46: return byte - 0x37
            case 0x61...0x66: return byte - 0x57
            default: return nil
            }
        }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x3D {
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 2; continue }
                if index + 2 < bytes.count, bytes[index + 1] == 0x0D, bytes[index + 2] == 0x0A { index += 3; continue }
                if index + 2 < bytes.count, let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2]) {
                    result.append(high << 4 | low)
                    index += 3
                    continue
                }
            }
            result.append(byte)
            index += 1
        }
        return result
    }
}
