/// The result of comparing two stories: sentence groups, classes, paragraph rows, statistics.
public struct Comparison: Sendable {
    public var a: Story
    public var b: Story
    public var groups: [MatchGroup]
    /// For each sentence of A and of B: its class and its group, if any.
    public var classesA: [SentenceClass]
    public var classesB: [SentenceClass]
    public var groupOfA: [Int?]
    public var groupOfB: [Int?]
    public var rows: [ParagraphRow]
    public var statisticsA: SideStatistics
    public var statisticsB: SideStatistics

    public func story(_ side: Side) -> Story { side == .a ? a : b }
    public func classes(_ side: Side) -> [SentenceClass] { side == .a ? classesA : classesB }
    public func groupIndex(_ side: Side, sentence: Int) -> Int? { side == .a ? groupOfA[sentence] : groupOfB[sentence] }
    public func statistics(_ side: Side) -> SideStatistics { side == .a ? statisticsA : statisticsB }

    /// The sentences on the other side that a sentence is matched with.
    public func counterparts(_ side: Side, sentence: Int) -> [Int] {
        guard let group = groupIndex(side, sentence: sentence) else { return [] }
        return side == .a ? groups[group].b : groups[group].a
    }

    /// Whether the two stories say the same thing word for word (diff's exit status 0).
    public var isIdentical: Bool {
        !classesA.contains(where: { $0 != .identical && $0 != .boilerplate })
            && !classesB.contains(where: { $0 != .identical && $0 != .boilerplate })
            && !groups.contains(where: \.moved)
    }
}
