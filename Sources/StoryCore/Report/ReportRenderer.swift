/// One entry point for every report format.
public enum ReportRenderer {
    public static func render(_ comparison: Comparison, format: ReportFormat, options: ReportOptions, color: Bool = false) throws -> String {
        switch format {
        case .text: return TextReport.render(comparison, options: options, color: color)
        case .html: return HTMLReport.render(comparison, options: options)
        case .md: return MarkdownReport.render(comparison, options: options)
        case .json: return try ComparisonDocument(comparison, generator: options.generator).jsonText()
        }
    }

    /// Writes a report as it is made, so that a long document's report never stands whole in
    /// memory (the same bytes as `render`).
    /// `ledgers`: the comparison's facts and quotes, when they are made already.
    public static func write(_ comparison: Comparison, ledgers: Ledgers? = nil, format: ReportFormat, options: ReportOptions,
                             color: Bool = false, to output: ReportOutput) throws {
        switch format {
        case .text: TextReport.write(comparison, ledgers: ledgers, options: options, color: color, to: output)
        case .html: HTMLReport.write(comparison, ledgers: ledgers, options: options, to: output)
        case .md: MarkdownReport.write(comparison, ledgers: ledgers, options: options, to: output)
        case .json: try ComparisonDocument.write(comparison, ledgers: ledgers ?? Ledgers(comparison), generator: options.generator, to: output)
        }
        output.flush()
    }
}

#if canImport(Foundation)
import Foundation

/// storydiff's JSON: keys sorted, slashes plain, a final newline; pretty or one line; nothing
/// in it that a terminal would act on (see `JSONEscaping`).
public func jsonText<T: Encodable>(_ value: T, pretty: Bool = true) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
    return JSONEscaping.escape(String(decoding: try encoder.encode(value), as: UTF8.self)) + "\n"
}

extension ComparisonDocument {
    public func jsonText() throws -> String { try StoryCore.jsonText(self) }
}

extension ReportOptions {
    /// "2026-11-22 03:12 UTC", or the time in SOURCE_DATE_EPOCH for reproducible reports.
    public static func madeNow(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let date = environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init).map { Date(timeIntervalSince1970: $0) } ?? Date()
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }
}
#endif
