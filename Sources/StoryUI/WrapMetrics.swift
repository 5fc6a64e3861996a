import StoryCore

/// The width of every word of both stories, measured once per comparison, so that a layout for
/// any pane width is a loop over integers: how many lines each paragraph takes and where each
/// sentence starts, without making a single piece of text. Lines themselves are made only for
/// the rows on screen (`ReaderLayout.lines(_:)`). On 100,000 sentences a side this is what keeps
/// a resize, a layout switch or the identical-row filter within a keypress.
///
/// Words are formed exactly as `ReaderLayout.wrap` forms them: the sanitised text of each
/// sentence's word-diff segments split at spaces, pieces with no space between them joined,
/// one space between two sentences.
public struct WrapMetrics: Sendable {
    struct SideWords: Sendable {
        /// Each word, all paragraphs one after another, packed in 32 bits for the layout loop:
        /// its display width, whether a space comes before it (written only inside a line) and
        /// whether it starts a sentence.
        var packed: [UInt32] = []
        /// The sentence each word starts, or -1.
        var starts: [Int32] = []
        /// Paragraph p's words are `first[p] ..< first[p + 1]`.
        var first: [Int] = [0]
        /// The widest word of each paragraph: wider than the pane, it is broken by characters,
        /// which the exact wrap does.
        var widest: [Int32] = []
        /// Running width of each paragraph's words with the spaces before them (inclusive):
        /// a line from word i holds word k while `reach[k] - reach[i - 1] - space(i) <= width`,
        /// so a line's end is found by a search, not word by word.
        var reach: [Int32] = []
        /// Words that start a sentence, in order; paragraph p's are `firstStart[p] ..< firstStart[p + 1]`.
        var startWords: [Int32] = []
        var firstStart: [Int] = [0]
        /// Paragraphs with a word of no width, which the search would misjudge: filled word by word.
        var hasEmptyWord: [Bool] = []
    }

    let a: SideWords
    let b: SideWords
    /// Rows made only of identical text (what the filter hides).
    let identicalRows: [Bool]
    /// Rows where a side has nothing of its own: no sentence, or only identical text and chrome
    /// (what the one-side filter hides).
    let quietRowsA: [Bool]
    let quietRowsB: [Bool]
    /// Rows of site chrome alone (menus, bylines of the site, share links): folded into one dim
    /// line until `z`. Nil when every row is chrome: such a page has nothing else to show.
    let chromeRows: [Bool]?
    /// The row each paragraph is in, per side.
    let rowOfParagraphA: [Int32]
    let rowOfParagraphB: [Int32]

    public init(comparison: Comparison) {
        a = Self.measure(comparison, .a)
        b = Self.measure(comparison, .b)
        identicalRows = comparison.rows.map(comparison.isIdenticalRow)
        func quiet(_ side: Side) -> [Bool] {
            let story = comparison.story(side), classes = comparison.classes(side)
            return comparison.rows.map { row in
                (side == .a ? row.a : row.b).allSatisfy { paragraph in
                    story.paragraphs[paragraph].sentences.allSatisfy { classes[$0] == .identical || classes[$0] == .boilerplate }
                }
            }
        }
        let chrome = comparison.rows.map { row in
            !(row.a.isEmpty && row.b.isEmpty)
                && row.a.allSatisfy { comparison.a.paragraphs[$0].sentences.allSatisfy { comparison.classesA[$0] == .boilerplate } }
                && row.b.allSatisfy { comparison.b.paragraphs[$0].sentences.allSatisfy { comparison.classesB[$0] == .boilerplate } }
        }
        chromeRows = chrome.contains(false) ? chrome : nil
        quietRowsA = quiet(.a)
        quietRowsB = quiet(.b)
        var rowA = [Int32](repeating: 0, count: comparison.a.paragraphs.count)
        var rowB = [Int32](repeating: 0, count: comparison.b.paragraphs.count)
        for (index, row) in comparison.rows.enumerated() {
            for paragraph in row.a { rowA[paragraph] = Int32(index) }
            for paragraph in row.b { rowB[paragraph] = Int32(index) }
        }
        rowOfParagraphA = rowA
        rowOfParagraphB = rowB
    }

    /// The row a sentence is shown in.
    func row(of sentence: SentenceRef, in comparison: Comparison) -> Int {
        let paragraph = comparison.story(sentence.side).sentences[sentence.index].paragraph
        return Int(sentence.side == .a ? rowOfParagraphA[paragraph] : rowOfParagraphB[paragraph])
    }

    func words(_ side: Side) -> SideWords { side == .a ? a : b }

    private static func measure(_ comparison: Comparison, _ side: Side) -> SideWords {
        let story = comparison.story(side)
        let scalars = story.scalars
        var result = SideWords()
        var widths: [Int32] = [], spaceBefore: [Bool] = []
        widths.reserveCapacity(story.scalars.count / 5)
        spaceBefore.reserveCapacity(story.scalars.count / 5)
        result.starts.reserveCapacity(story.scalars.count / 5)
        for paragraph in story.paragraphs {
            var widest: Int32 = 0
            var inWord = false          // the last atom was a word piece (the next joins it)
            var pendingSpace = false
            var atomStart = -1          // scalar offset of the piece being measured, or -1
            var atomPlain = true        // only printable ASCII so far
            var sentenceToMark: Int32 = -1
            func endAtom(at end: Int) {
                guard atomStart >= 0 else { return }
                let width: Int32
                if atomPlain {
                    width = Int32(end - atomStart)
                } else {
                    var text = ""
                    for scalar in scalars[atomStart..<end] { text += SafeText.replacement(for: scalar) }
                    width = Int32(DisplayWidth.of(text))
                }
                if inWord {
                    widths[widths.count - 1] += width
                    if result.starts[result.starts.count - 1] < 0 { result.starts[result.starts.count - 1] = sentenceToMark }
                } else {
                    widths.append(width)
                    spaceBefore.append(pendingSpace)
                    result.starts.append(sentenceToMark)
                }
                sentenceToMark = -1
                widest = max(widest, widths[widths.count - 1])
                pendingSpace = false
                inWord = true
                atomStart = -1
                atomPlain = true
            }
            var firstSentence = true
            for sentenceIndex in paragraph.sentences {
                if !firstSentence && (inWord || pendingSpace || widths.count > result.first[result.first.count - 1]) {
                    pendingSpace = true
                    inWord = false
                }
                firstSentence = false
                sentenceToMark = Int32(sentenceIndex)
                for segment in comparison.segments(side, sentence: sentenceIndex) {
                    var index = segment.span.start
                    while index < segment.span.end {
                        let scalar = scalars[index]
                        let value = scalar.value
                        if value > 0x20 && value < 0x7F {
                            if atomStart < 0 { atomStart = index }
                        } else if Self.isLayoutSpace(scalar) {
                            endAtom(at: index)
                            pendingSpace = true
                            inWord = false
                        } else {
                            if atomStart < 0 { atomStart = index }
                            atomPlain = false
                        }
                        index += 1
                    }
                    // A segment ends a piece but not a word: the next piece joins it.
                    endAtom(at: segment.span.end)
                }
                // A sentence with no words marks nothing.
                sentenceToMark = -1
            }
            result.widest.append(widest)
            var running: Int32 = 0, empty = false
            for word in result.first[result.first.count - 1]..<widths.count {
                running += widths[word] + (spaceBefore[word] ? 1 : 0)
                result.reach.append(running)
                if widths[word] == 0 { empty = true }
                if result.starts[word] >= 0 { result.startWords.append(Int32(word)) }
            }
            result.firstStart.append(result.startWords.count)
            result.hasEmptyWord.append(empty)
            result.first.append(widths.count)
        }
        result.packed = widths.indices.map { word in
            UInt32(min(Int(widths[word]), Int(widthMask))) | (spaceBefore[word] ? spaceBit : 0) | (result.starts[word] >= 0 ? startBit : 0)
        }
        return result
    }

    static let widthMask: UInt32 = (1 << 30) - 1
    static let spaceBit: UInt32 = 1 << 31
    static let startBit: UInt32 = 1 << 30

    /// A scalar that separates words once sanitised: white space, and the line breaks that
    /// sanitising turns into spaces.
    static func isLayoutSpace(_ scalar: Unicode.Scalar) -> Bool {
        if SafeText.needsReplacement(scalar) { return SafeText.replacement(for: scalar) == " " }
        return scalar.isSpace
    }

    /// Raw views of one side's word tables, for the layout loop (no copies, no bounds checks,
    /// no reference counting per word).
    struct Buffers {
        var packed: UnsafeBufferPointer<UInt32>
        var starts: UnsafeBufferPointer<Int32>
        var first: UnsafeBufferPointer<Int>
        var widest: UnsafeBufferPointer<Int32>
        var reach: UnsafeBufferPointer<Int32>
        var startWords: UnsafeBufferPointer<Int32>
        var firstStart: UnsafeBufferPointer<Int>
        var hasEmptyWord: UnsafeBufferPointer<Bool>
    }

    /// Runs `body` with both sides' tables as raw buffers.
    func withBuffers<R>(_ body: (Buffers, Buffers) -> R) -> R {
        func open(_ words: SideWords, _ next: (Buffers) -> R) -> R {
            words.packed.withUnsafeBufferPointer { packed in
                words.starts.withUnsafeBufferPointer { starts in
                    words.first.withUnsafeBufferPointer { first in
                        words.widest.withUnsafeBufferPointer { widest in
                            words.reach.withUnsafeBufferPointer { reach in
                                words.startWords.withUnsafeBufferPointer { startWords in
                                    words.firstStart.withUnsafeBufferPointer { firstStart in
                                        words.hasEmptyWord.withUnsafeBufferPointer { hasEmptyWord in
                                            next(Buffers(packed: packed, starts: starts, first: first, widest: widest, reach: reach,
                                                         startWords: startWords, firstStart: firstStart, hasEmptyWord: hasEmptyWord))
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return open(a) { bufferA in open(b) { bufferB in body(bufferA, bufferB) } }
    }

    /// Lines of one side's paragraphs in a row at a pane width, noting the line (from the row's
    /// first, plus `lineOffset`) where each sentence starts. Mirrors `ReaderLayout.wrap`'s greedy
    /// fill; nil when a word is wider than the pane (rare: a URL in a narrow pane), for the caller
    /// to wrap that row for real.
    static func measureRow(_ paragraphs: Range<Int>, words: Buffers, width: Int, lineOffset: Int = 0, starts: inout [(Int, Int)]) -> Int? {
        guard width > 0, !paragraphs.isEmpty else { return 0 }
        var lines = 0
        for (position, paragraph) in paragraphs.enumerated() {
            if position > 0 { lines &+= 1 }                // the blank line between paragraphs
            // A word wider than the pane is broken by characters: the caller wraps this row for real.
            if Int(words.widest[paragraph]) > width { return nil }
            var word = words.first[paragraph]
            let end = words.first[paragraph + 1]
            if !words.hasEmptyWord[paragraph] {
                // Line by line: each line's end found by galloping over the running widths.
                guard word < end else { if lines == 0 { lines = 1 }; continue }
                var nextStart = words.firstStart[paragraph]
                let lastStart = words.firstStart[paragraph + 1]
                while word < end {
                    let base = Int(word > words.first[paragraph] ? words.reach[word - 1] : 0) + Int((words.packed[word] & spaceBit) >> 31)
                    let limit = Int32(clamping: base + width)
                    // The first word past the line: gallop, then halve.
                    var low = word + 1, step = 1, high = low
                    while high < end && words.reach[high] <= limit { low = high + 1; high = min(end, high + step); step &*= 2 }
                    while low < high {
                        let middle = (low + high) / 2
                        if words.reach[middle] <= limit { low = middle + 1 } else { high = middle }
                    }
                    while nextStart < lastStart && Int(words.startWords[nextStart]) < low {
                        starts.append((Int(words.starts[Int(words.startWords[nextStart])]), lineOffset &+ lines))
                        nextStart &+= 1
                    }
                    lines &+= 1
                    word = low
                }
                continue
            }
            var column = 0
            var lineHasText = false
            while word < end {
                let entry = words.packed[word]
                let wordWidth = Int(entry & widthMask)
                if column > 0 {
                    let space = Int((entry & spaceBit) >> 31)
                    if column &+ space &+ wordWidth > width { lines &+= 1; column = 0 } else { column &+= space }
                }
                if entry & startBit != 0 { starts.append((Int(words.starts[word]), lineOffset &+ lines)) }
                column &+= wordWidth
                lineHasText = true
                word &+= 1
            }
            // The last line, when it has text; a row with nothing in it still has one (empty) line.
            if lineHasText || lines == 0 { lines &+= 1 }
        }
        return lines
    }
}
