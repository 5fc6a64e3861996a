import Foundation
import StoryCore
import StoryUI

/// One input through everything that reads untrusted text: decoding, web-page extraction,
/// cleaning, layout, segmentation, the comparison, the reports and the reader's layout and frame.
/// Any crash is a bug; so is a reader layout whose measured sentence places disagree with the
/// lines it makes.
func exercise(_ bytes: [UInt8]) {
    // The input against itself cut in two (a pair whose sides share words, as real pairs do),
    // with every ledger output; then against a fixed story, through the reports and the reader.
    if let cut = bytes.firstIndex(of: 0xFF) ?? (bytes.count > 64 ? bytes.count / 2 : nil),
       let a = try? StoryReader.story(name: "a.txt", bytes: Array(bytes[..<cut])),
       let b = try? StoryReader.story(name: "b.txt", bytes: Array(bytes[(cut + (bytes[cut] == 0xFF ? 1 : 0))...])) {
        let ledgers = Ledgers(Comparer.compare(a, b))
        _ = LedgerText.facts(ledgers.facts)
        _ = LedgerText.quotes(ledgers.quotes)
        _ = try? jsonText(FactsDocument(ledgers.facts))
    }
    for name in ["fuzz.txt", "fuzz.html"] {
        guard let story = try? StoryReader.story(name: name, bytes: bytes) else { continue }
        for sentence in story.sentences where story.text(of: sentence.span) != sentence.text {
            fatalError("a sentence's offsets do not give its text")
        }
        let other = StoryReader.story(name: "other.txt", text: "The council met on Tuesday. “It was hard,” Mr. Smith said.\n\nA second paragraph follows.")
        let comparison = Comparer.compare(story, other)
        _ = HTMLReport.render(comparison, options: ReportOptions())
        _ = MarkdownReport.render(comparison, options: ReportOptions())
        _ = TextReport.render(comparison)
        for (width, mode) in [(47, ReaderLayout.Mode.sideBySide), (33, .stacked)] {
            let layout = ReaderLayout(comparison: comparison, width: width, mode: mode, hideIdentical: false)
            var firstSeen: [SentenceRef: Int] = [:]
            for (index, line) in layout.lines.enumerated() {
                for piece in line.left + line.right { if let ref = piece.sentence, firstSeen[ref] == nil { firstSeen[ref] = index } }
            }
            for ref in layout.order where layout.line(of: ref) != firstSeen[ref] {
                fatalError("the layout measured \(ref) at line \(layout.line(of: ref) ?? -1); its lines have it at \(firstSeen[ref] ?? -1)")
            }
        }
        var reader = Reader(comparison: comparison, themes: [], width: 61, height: 17, ledgers: .later)   // the reports ran the ledgers
        _ = reader.render()
        // What a reader does with it: every view and step of issue 16, each frame drawn, in ASCII too.
        reader.install(Ledgers(comparison))
        let keys: [Key] = [.character("i"), .character("j"), .escape, .character("a"), .character("a"), .character("A"), .tab,
                           .character("a"), .character("o"), .character("O"), .character("d"), .character("z"), .character("}"),
                           .enter, .enter, .character("G"), .character("\u{0F}"), .character("'"), .character("'"),
                           .character("/"), .character("t"), .character("h"), .character("."), .character("e"), .enter,
                           .character("Q"), .character("j"), .character("/"), .character("e"), .enter, .escape, .escape,
                           .character("F"), .character("G"), .enter, .character("L"), .resize(width: 30, height: 8), .character("i"),
                           .character("G"), .escape, .character("?"), .character("j"), .character("q")]
        reader.ascii = bytes.count % 2 == 1
        for key in keys {
            reader.handle(key)
            _ = reader.render()
        }
    }
}

#if FUZZING
// Built with -sanitize=fuzzer (scripts/fuzz). SwiftPM points the program's entry at
// storydiff_fuzz_main, so that hands over to libFuzzer's driver, which calls back with each input.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

@_cdecl("storydiff_fuzz_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
        guard let data else { return 0 }
        exercise(Array(UnsafeBufferPointer(start: data, count: size)))
        return 0
    }
}
#else
/// Without the fuzzer: replays inputs given as files (to reproduce a crash libFuzzer found).
@main
struct Replay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { print("cannot read \(path)"); continue }
            exercise(Array(data))
            print("ok: \(path)")
        }
    }
}
#endif
