import Foundation
import StoryCore
import Testing

/// Reports and JSON documents are written as they are made; the bytes are those of the
/// document made whole.
@Suite("Streamed reports")
struct StreamingReportTests {
    let comparison = Comparer.compare(StoryReader.story(name: SamplePair.originalName, text: SamplePair.original),
                                      StoryReader.story(name: SamplePair.syndicatedName, text: SamplePair.syndicated))

    func firstDifference(_ x: String, _ y: String) -> String {
        let a = Array(x.utf8), b = Array(y.utf8)
        let at = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        let from = max(0, at - 120)
        return "at byte \(at): whole …\(String(decoding: a[from..<min(a.count, at + 80)], as: UTF8.self))… streamed …\(String(decoding: b[from..<min(b.count, at + 80)], as: UTF8.self))…"
    }

    @Test("every format, streamed, is byte for byte the report made whole", arguments: ReportFormat.allCases)
    func sameBytes(format: ReportFormat) throws {
        for hide in [false, true] {
            let options = ReportOptions(hideIdentical: hide, date: "2026-12-01 00:00 UTC")
            let whole = try ReportRenderer.render(comparison, format: format, options: options)
            let (output, streamed) = ReportOutput.collecting()
            try ReportRenderer.write(comparison, format: format, options: options, to: output)
            let text = streamed()
            #expect(text == whole, "\(firstDifference(whole, text))")
        }
    }

    @Test("the segment document, streamed, is the document made whole")
    func segment() throws {
        let whole = try jsonText(SegmentDocument(comparison.a))
        let (output, streamed) = ReportOutput.collecting()
        try SegmentDocument.write(comparison.a, to: output)
        let text = streamed()
        #expect(text == whole, "\(firstDifference(whole, text))")
    }
}
