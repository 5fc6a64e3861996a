import StoryCore
import StoryUI

/// Runs a pair of texts through every path a user can reach — reading as text and as a web page,
/// the comparison, facts and quotes, every report format, the segment and score documents, the
/// reader's layout in both modes and its frames after a tour of keys — and checks what must hold
/// on any input: sentence offsets give the sentence's text, the layout's measured places agree
/// with its lines, and no report or JSON document carries a raw control or bidi character. A
/// crash is the failure it exists to find; the rest come back as problems.
public enum ProseCheck {
    public struct Options: Sendable {
        public var readAsPage = true
        public var reader = true
        public init() {}
    }

    /// The problems found (empty when all is well).
    public static func run(_ textA: String, _ textB: String, options: Options = Options()) -> [String] {
        var problems: [String] = []
        var names = [("a.txt", "b.txt")]
        if options.readAsPage { names.append(("a.html", "b.html")) }
        for (nameA, nameB) in names {
            // A story with nothing to compare is refused (storydiff says so and exits 2).
            guard let a = try? StoryReader.story(name: nameA, bytes: Array(textA.utf8)),
                  let b = try? StoryReader.story(name: nameB, bytes: Array(textB.utf8)) else { continue }
            for story in [a, b] {
                for sentence in story.sentences where story.text(of: sentence.span) != sentence.text {
                    problems.append("\(story.name): sentence \(sentence.index)'s offsets do not give its text")
                    break
                }
                if let json = try? jsonText(SegmentDocument(story)) {
                    problems += unsafe(json, in: "segment json")
                    let (output, streamed) = ReportOutput.collecting()
                    if (try? SegmentDocument.write(story, to: output)) == nil || streamed() != json {
                        problems.append("the streamed segment json differs from the one made whole")
                    }
                }
            }
            let comparison = Comparer.compare(a, b)
            let ledgers = Ledgers(comparison)
            problems += unsafe(LedgerText.facts(ledgers.facts), in: "facts text")
            problems += unsafe(LedgerText.quotes(ledgers.quotes), in: "quotes text")
            if let json = try? jsonText(FactsDocument(ledgers.facts)) { problems += unsafe(json, in: "facts json") }
            if let json = try? jsonText(QuotesDocument(ledgers.quotes)) { problems += unsafe(json, in: "quotes json") }
            for format in ReportFormat.allCases {
                for hide in [false, true] {
                    guard let report = try? ReportRenderer.render(comparison, format: format, options: ReportOptions(hideIdentical: hide)) else {
                        problems.append("the \(format.rawValue) report could not be made")
                        continue
                    }
                    problems += unsafe(report, in: "\(format.rawValue) report")
                    // The streamed report (what the program writes) is the same text.
                    let (output, streamed) = ReportOutput.collecting()
                    if (try? ReportRenderer.write(comparison, format: format, options: ReportOptions(hideIdentical: hide), to: output)) == nil
                        || streamed() != report {
                        problems.append("the streamed \(format.rawValue) report differs from the one made whole")
                    }
                    if format == .html && report.contains("<script>alert") { problems.append("html report: story markup unescaped") }
                }
            }
            if options.reader { problems += reader(comparison, ledgers: ledgers) }
        }
        let pairs = zip(textA.split(separator: "\n").prefix(40), textB.split(separator: "\n").prefix(40)).map { (String($0), String($1)) }
        for result in PairScoring.score(pairs) {
            if let json = try? jsonText(result, pretty: false) { problems += unsafe(json, in: "score json") }
        }
        return problems
    }

    /// The reader: layouts at two widths in both modes, then a tour of keys at a small and a
    /// large size with a frame after each key.
    static func reader(_ comparison: Comparison, ledgers: Ledgers) -> [String] {
        var problems: [String] = []
        for (width, mode) in [(47, ReaderLayout.Mode.sideBySide), (33, .stacked), (160, .sideBySide)] {
            let layout = ReaderLayout(comparison: comparison, width: width, mode: mode, hideIdentical: false)
            var firstSeen: [SentenceRef: Int] = [:]
            for (index, line) in layout.lines.enumerated() {
                for piece in line.left + line.right { if let ref = piece.sentence, firstSeen[ref] == nil { firstSeen[ref] = index } }
            }
            for ref in layout.order where layout.line(of: ref) != firstSeen[ref] {
                problems.append("layout \(width) \(mode): \(ref) measured at line \(layout.line(of: ref) ?? -1), drawn at \(firstSeen[ref] ?? -1)")
                break
            }
        }
        let tour = "j j } } u c C x X F <Down> <Enter> <Tab> Q <Down> <Enter> <Esc> s <Esc> ? <Esc> f w l t /the <Enter> n N "
            + "/A<Space>B <C-a> <C-w> <C-u> <Enter> G <PgUp> g <Resize:31x9> j <Resize:20x5> q <Resize:200x60> <End> k <Enter> e <C-u> <Esc> q"
        guard let keys = try? Key.script(tour) else { return ["the key tour does not parse"] }
        for (width, height) in [(61, 17), (120, 40)] {
            var reader = Reader(comparison: comparison, themes: [], width: width, height: height, ledgers: .later)
            reader.install(ledgers)
            _ = reader.render()
            for key in keys {
                reader.handle(key)
                if reader.quit { break }
                let frame = reader.render()
                if frame.width != reader.width || frame.height != reader.height {
                    problems.append("a frame of \(frame.width)x\(frame.height) for a \(reader.width)x\(reader.height) reader")
                    break
                }
            }
        }
        return problems
    }

    /// Characters that must never leave storydiff raw: C0 controls other than line breaks and
    /// tabs (reports made without colour have no escapes of their own), C1 controls, bidi
    /// overrides and isolates, annotation marks, tag characters.
    static func unsafe(_ output: String, in what: String) -> [String] {
        for scalar in output.unicodeScalars {
            let v = scalar.value
            let bad = (v < 0x20 && v != 0x0A && v != 0x09) || (0x7F...0x9F).contains(v)
                || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || (0xE0000...0xE007F).contains(v) || (0xFFF9...0xFFFB).contains(v)
            if bad { return ["\(what): raw U+\(String(v, radix: 16, uppercase: true))"] }
        }
        return []
    }
}
