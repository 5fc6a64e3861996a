/// Where a report goes as it is made: pieces are gathered into a small buffer and handed on
/// (to a file, to standard output) whenever it fills, so that a report of a long document never
/// stands whole in memory. The first failure to hand on is kept; later writes are dropped and
/// the writer of the report sees it at the end.
public final class ReportOutput {
    private var buffer: [UInt8] = []
    private let deliver: ([UInt8]) -> String?
    /// Why delivering failed, if it did.
    public private(set) var failure: String?
    static let chunk = 1 << 16

    /// `deliver` takes the next bytes and returns nil, or why they could not be written.
    public init(deliver: @escaping ([UInt8]) -> String?) {
        self.deliver = deliver
        buffer.reserveCapacity(Self.chunk + 4096)
    }

    /// Collects everything in memory (for tests and for small outputs).
    public static func collecting() -> (ReportOutput, () -> String) {
        let box = Collected()
        let output = ReportOutput { box.bytes += $0; return nil }
        return (output, { output.flush(); return String(decoding: box.bytes, as: UTF8.self) })
    }

    private final class Collected { var bytes: [UInt8] = [] }

    public func write(_ text: String) {
        guard failure == nil else { return }
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.chunk { flush() }
    }

    public func write(bytes: [UInt8]) {
        guard failure == nil else { return }
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.chunk { flush() }
    }

    public static func += (output: ReportOutput, text: String) { output.write(text) }

    /// Hands on what is buffered.
    public func flush() {
        guard failure == nil, !buffer.isEmpty else { buffer.removeAll(keepingCapacity: true); return }
        failure = deliver(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
