/// The columns of the many-version overview, shared by the reader's table and the reports.
public enum OverviewColumn: String, CaseIterable, Sendable {
    case copy, name, words, baseKept, fromBase, identical, near, paraphrase, partial, own, dropped
    case factsLost, factsAdded, factsChanged, quotes, closest, ownText

    /// The heading, short enough for a terminal column.
    public var heading: String {
        switch self {
        case .copy: return "#"
        case .name: return "copy"
        case .words: return "words"
        case .baseKept: return "base kept"
        case .fromBase: return "from base"
        case .identical: return "="
        case .near: return "~"
        case .paraphrase: return "≈"
        case .partial: return "∩"
        case .own: return ">"
        case .dropped: return "dropped"
        case .factsLost: return "facts −"
        case .factsAdded: return "facts +"
        case .factsChanged: return "facts ±"
        case .quotes: return "quotes"
        case .closest: return "closest"
        case .ownText: return "own text"
        }
    }

    /// What the column counts, for a legend.
    public var meaning: String {
        switch self {
        case .copy: return "the copy's number"
        case .name: return "the copy's file or address"
        case .words: return "words compared in the copy"
        case .baseKept: return "share of the base's words whose sentence the copy keeps (coverage of the base)"
        case .fromBase: return "share of the copy's words whose sentence comes from the base (coverage of the copy)"
        case .identical: return "the copy's sentences identical to the base's"
        case .near: return "near-verbatim sentences"
        case .paraphrase: return "paraphrased sentences"
        case .partial: return "partial sentences (one side says more)"
        case .own: return "sentences only the copy has"
        case .dropped: return "base sentences the copy drops"
        case .factsLost: return "facts only the base states"
        case .factsAdded: return "facts only the copy states"
        case .factsChanged: return "facts the copy changed"
        case .quotes: return "quotations not kept verbatim"
        case .closest: return "the version sharing the most of the copy's three-word runs, and that share"
        case .ownText: return "share of the copy's words in no three-word run any other version has"
        }
    }

    /// Right-aligned (a number) or left-aligned (a name).
    public var isNumeric: Bool { self != .name && self != .closest }

    public func cell(_ row: CopyOverview) -> String {
        switch self {
        case .copy: return "\(row.copy)"
        case .name: return row.name
        case .words: return "\(row.words)"
        case .baseKept: return TextReport.percent(row.coverageOfBase)
        case .fromBase: return TextReport.percent(row.coverageOfCopy)
        case .identical: return "\(row.sentences(.identical))"
        case .near: return "\(row.sentences(.near))"
        case .paraphrase: return "\(row.sentences(.paraphrase))"
        case .partial: return "\(row.sentences(.partial))"
        case .own: return "\(row.sentences(.unique))"
        case .dropped: return "\(row.baseSentencesDropped)"
        case .factsLost: return "\(row.factsOnlyInBase)"
        case .factsAdded: return "\(row.factsOnlyInCopy)"
        case .factsChanged: return "\(row.factsChanged)"
        case .quotes: return "\(row.quotesNotVerbatim)"
        case .closest: return "\(CopyOverview.versionName(row.closest)) \(TextReport.percent(row.closestShare))"
        case .ownText: return TextReport.percent(row.ownShare)
        }
    }

    /// The value rows sort by (names alphabetically, the rest by number).
    public func sortKey(_ row: CopyOverview) -> (Double, String) {
        switch self {
        case .copy: return (Double(row.copy), "")
        case .name: return (0, row.name.lowercased())
        case .words: return (Double(row.words), "")
        case .baseKept: return (row.coverageOfBase, "")
        case .fromBase: return (row.coverageOfCopy, "")
        case .identical: return (Double(row.sentences(.identical)), "")
        case .near: return (Double(row.sentences(.near)), "")
        case .paraphrase: return (Double(row.sentences(.paraphrase)), "")
        case .partial: return (Double(row.sentences(.partial)), "")
        case .own: return (Double(row.sentences(.unique)), "")
        case .dropped: return (Double(row.baseSentencesDropped), "")
        case .factsLost: return (Double(row.factsOnlyInBase), "")
        case .factsAdded: return (Double(row.factsOnlyInCopy), "")
        case .factsChanged: return (Double(row.factsChanged), "")
        case .quotes: return (Double(row.quotesNotVerbatim), "")
        case .closest: return (Double(row.closest), "")
        case .ownText: return (row.ownShare, "")
        }
    }

    /// Rows sorted by this column (ties keep copy order).
    public func sorted(_ rows: [CopyOverview], descending: Bool) -> [CopyOverview] {
        rows.enumerated().sorted { lhs, rhs in
            let l = sortKey(lhs.element), r = sortKey(rhs.element)
            if l == r { return lhs.offset < rhs.offset }
            return descending ? l > r : l < r
        }.map(\.element)
    }
}
