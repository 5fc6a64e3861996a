/// Where a story came from, as far as the page says: for saved web pages.
public struct Provenance: Codable, Hashable, Sendable {
    public var title: String?
    public var byline: String?
    public var date: String?
    public var canonicalURL: String?

    public init(title: String? = nil, byline: String? = nil, date: String? = nil, canonicalURL: String? = nil) {
        self.title = title
        self.byline = byline
        self.date = date
        self.canonicalURL = canonicalURL
    }

    public var isEmpty: Bool { title == nil && byline == nil && date == nil && canonicalURL == nil }

    /// "By Anna Smith · 2025-03-15 · https://…" for headers.
    public var summary: String {
        [byline.map { $0.lowercased().hasPrefix("by ") ? $0 : "By " + $0 }, date, canonicalURL].compactMap { $0 }.joined(separator: " · ")
    }
}
