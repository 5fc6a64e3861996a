/// What kind of thing a fact is.
public enum FactKind: String, Codable, Sendable, CaseIterable {
    /// "Feb. 12", "Friday", "last summer", "three years ago".
    case date
    /// A count and what it counts: "30-day", "eight villages", "more than a million soldiers".
    case number
    case money
    case percent
    /// A clock time, as a 24-hour "HH:MM": "12:43 a.m.", "9 p.m.", "06:00", "0600 GMT".
    case time
    case person
    case place
    case organisation
    /// A name the rules cannot place as a person, a place or an organisation.
    case name

    public var isName: Bool { self == .person || self == .place || self == .organisation || self == .name }
}

/// One place where a story states a fact.
public struct FactMention: Codable, Hashable, Sendable {
    public var side: Side
    public var sentence: Int
    /// Scalar offsets of the words that state it ("Mr. Putin’s" → "Putin").
    public var span: TextSpan
    public var text: String
}

/// A fact of the ledger: one date, count, amount or named entity, with every place each version
/// states it.
public struct Fact: Codable, Hashable, Sendable {
    public enum Status: String, Codable, Sendable, CaseIterable {
        /// Both versions state it.
        case both
        case onlyA = "only-a"
        case onlyB = "only-b"
        /// Stated by one version where, in a matched sentence, the other states a different
        /// value of the same kind ("Friday" / "Thursday", "eight villages" / "six villages").
        case changed
    }

    public var id: Int
    public var kind: FactKind
    /// What two mentions must share to be one fact: a normalised value, or an entity for names
    /// (so "Zelensky" and "Zelenskyy", "U.S." and "US" are one fact).
    public var key: String
    /// How the ledger shows it: the fullest form either version uses.
    public var label: String
    public var status: Status
    public var a: [FactMention]
    public var b: [FactMention]
    /// For a changed fact: the fact the other version states in its place.
    public var changedWith: Int?
    /// The other spellings of a name ("Zelenskyy" beside "Volodymyr Zelensky").
    public var variants: [String]

    public func mentions(_ side: Side) -> [FactMention] { side == .a ? a : b }

    /// The side that states it, for a fact only one version has (or one half of a change).
    public var side: Side? { a.isEmpty ? (b.isEmpty ? nil : .b) : (b.isEmpty ? .a : nil) }
}
