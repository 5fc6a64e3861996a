import Synchronization

/// How far a long piece of work has got: a stage name and a share, set by the engine as it goes
/// and read from another thread (the reader's "comparing… 42%", a report's progress line).
public final class ProgressMeter: Sendable {
    private let state = Mutex(State())

    private struct State {
        var stage = "reading the stories"
        var share = 0.0
    }

    public init() {}

    /// The stage ("aligning sentences") and the share done, 0…1.
    public var reading: (stage: String, share: Double) { state.withLock { ($0.stage, $0.share) } }

    /// Enters a stage whose work runs from share `from` to `to` of the whole.
    public func stage(_ name: String, at share: Double) {
        state.withLock { $0.stage = name; $0.share = max($0.share, min(1, share)) }
    }

    /// Within a stage running from `from` to `to`: `done` of `total` steps made.
    public func advance(from: Double, to: Double, done: Int, total: Int) {
        guard total > 0 else { return }
        let share = from + (to - from) * Double(min(done, total)) / Double(total)
        state.withLock { $0.share = max($0.share, share) }
    }

    /// "comparing… 42% (aligning sentences)", or the stage alone before the comparison starts.
    public var line: String {
        let (stage, share) = reading
        // Before the comparison (reading) and after it (writing): the stage alone.
        guard (share > 0 || stage.hasPrefix("profiling")) && share < 1 else { return stage + "…" }
        return "comparing… \(Int((share * 100).rounded(.down)))% (\(stage))"
    }
}
