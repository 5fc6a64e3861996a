/// A run of elements inside an array shared by many runs, indexed from zero: a sentence's stems
/// as a stretch of one array for the whole story, not an array of its own (on a long story of
/// short sentences, a heap block per sentence cost more than the stems themselves).
struct SharedRun<Element>: RandomAccessCollection {
    private let storage: [Element]
    private let bounds: Range<Int>

    /// A run over all of `elements`.
    init(_ elements: [Element]) {
        storage = elements
        bounds = elements.indices
    }

    /// The stretch `bounds` of `storage`; out-of-range bounds are clamped, never trapped on.
    init(_ storage: [Element], _ bounds: Range<Int>) {
        self.storage = storage
        self.bounds = bounds.clamped(to: storage.indices)
    }

    var startIndex: Int { 0 }
    var endIndex: Int { bounds.count }
    subscript(position: Int) -> Element { storage[bounds.lowerBound + position] }
    func index(after i: Int) -> Int { i + 1 }
    func index(before i: Int) -> Int { i - 1 }
}

extension SharedRun: Equatable where Element: Equatable {
    static func == (x: SharedRun, y: SharedRun) -> Bool { x.elementsEqual(y) }
}
