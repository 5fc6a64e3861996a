import Foundation
import StoryCore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A one-line progress indicator on standard error for long work, as good command-line tools
/// show one: only when standard error is a terminal (never in a pipe, a file or with CI set),
/// only once the work has taken half a second, redrawn ten times a second, cleared at the end.
final class ProgressLine: Sendable {
    private let running = Atomic<Bool>(true)
    private let drew = Atomic<Bool>(false)
    private let finished = Mutex(false)

    /// Whether a progress line may be shown here.
    static var wanted: Bool {
        let environment = ProcessInfo.processInfo.environment
        let ci = environment["CI"].map { !$0.isEmpty && $0 != "0" && $0.lowercased() != "false" } ?? false
        return isatty(2) != 0 && !ci && environment["TERM"] != "dumb"
    }

    /// How long work runs before progress shows: half a second (STORYDIFF_PROGRESS_DELAY, in
    /// seconds, for the tests).
    static var delay: Double {
        ProcessInfo.processInfo.environment["STORYDIFF_PROGRESS_DELAY"].flatMap(Double.init).map { max(0, min(10, $0)) } ?? 0.5
    }

    /// Starts showing `text()` after `delay` seconds; nil when no line may be shown.
    static func start(delay: Double = ProgressLine.delay, _ text: @escaping @Sendable () -> String) -> ProgressLine? {
        guard wanted else { return nil }
        let line = ProgressLine()
        Thread.detachNewThread {
            let clock = ContinuousClock()
            let start = clock.now
            while line.running.load(ordering: .acquiring) {
                usleep(20_000)
                guard clock.now - start >= .milliseconds(Int(delay * 1000)) else { continue }
                line.finished.withLock { done in
                    guard !done else { return }
                    line.write("\r\u{1B}[K" + text())
                    line.drew.store(true, ordering: .releasing)
                }
                usleep(80_000)
            }
        }
        return line
    }

    /// Stops and clears the line (if it was drawn), before anything else is written to stderr.
    func finish() {
        running.store(false, ordering: .releasing)
        finished.withLock { done in
            done = true
            if drew.load(ordering: .acquiring) { write("\r\u{1B}[K") }
        }
    }

    private func write(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { _ = Glibc.write(2, $0.baseAddress, $0.count) }
    }
}
