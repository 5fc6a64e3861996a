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
    /// Whether the line is still wanted, and whether anything was drawn (to clear at the end).
    private let state = Mutex((running: true, drew: false))

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
            while line.state.withLock({ $0.running }) {
                usleep(20_000)
                guard clock.now - start >= .milliseconds(Int(delay * 1000)) else { continue }
                line.state.withLock { state in
                    guard state.running else { return }
                    line.write("\r\u{1B}[K" + text())
                    state.drew = true
                }
                usleep(80_000)
            }
        }
        return line
    }

    /// Stops and clears the line (if it was drawn), before anything else is written to stderr.
    func finish() {
        state.withLock { state in
            if state.running && state.drew { write("\r\u{1B}[K") }
            state.running = false
        }
    }

    private func write(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { _ = Glibc.write(2, $0.baseAddress, $0.count) }
    }
}
