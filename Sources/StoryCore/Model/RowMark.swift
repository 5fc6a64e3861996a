/// What a paragraph row's gutter says: the same marks in the reader and in every report.
public enum RowMark: String, Sendable, CaseIterable {
    case identical, near, paraphrase, partial, onlyA, onlyB, moved, grouped, boilerplate, unmatched

    public var symbol: String {
        switch self {
        case .identical: return "="
        case .near: return "~"
        case .paraphrase: return "≈"
        case .partial: return "∩"
        case .onlyA: return "<"
        case .onlyB: return ">"
        case .moved: return "↕"
        case .grouped: return "÷"
        case .boilerplate, .unmatched: return "·"
        }
    }

    public var meaning: String {
        switch self {
        case .onlyA: return "only in A"
        case .onlyB: return "only in B"
        case .moved: return "moved"
        case .grouped: return "split or merged"
        default: return rawValue
        }
    }
}

extension Comparison {
    /// The mark of a row: one-sided rows are moved (their counterparts are elsewhere), chrome or
    /// only in one version; two-sided rows are split/merged or their dominant class.
    public func mark(of row: ParagraphRow) -> RowMark {
        if row.a.isEmpty || row.b.isEmpty {
            if !row.movedTo.isEmpty { return .moved }
            if row.link == .boilerplate { return .boilerplate }
            return row.a.isEmpty ? .onlyB : .onlyA
        }
        let grouped = row.isGroup || row.a.flatMap { a.paragraphs[$0].sentences }.compactMap { groupOfA[$0] }
            .contains { groups[$0].shape != .oneToOne }
        if grouped { return .grouped }
        switch row.link {
        case .identical: return .identical
        case .near: return .near
        case .paraphrase: return .paraphrase
        case .partial: return .partial
        case .boilerplate: return .boilerplate
        case .unique: return .unmatched
        }
    }
}
