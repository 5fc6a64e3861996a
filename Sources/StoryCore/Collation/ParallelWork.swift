import Dispatch
import Synchronization

/// Runs independent pieces of work on several threads and gathers their results in order.
public enum ParallelWork {
    /// `body(0) … body(count - 1)` on up to `jobs` threads (1: all on this thread, in order).
    public static func map<T: Sendable>(count: Int, jobs: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let width = max(1, min(jobs, count))
        if width == 1 { return (0..<count).map(body) }
        let state = Mutex(Work<T>(slots: Array(repeating: nil, count: count)))
        DispatchQueue.concurrentPerform(iterations: width) { _ in
            while let index = state.withLock({ $0.take() }) {
                let value = body(index)
                state.withLock { $0.slots[index] = value }
            }
        }
        return state.withLock { $0.slots.compactMap { $0 } }
    }

    /// `0..<count` cut into at most `jobs` contiguous runs of nearly equal length.
    public static func chunks(of count: Int, jobs: Int) -> [Range<Int>] {
        let width = max(1, min(jobs, count))
        guard count > 0 else { return [] }
        return (0..<width).map { run in (run * count / width)..<((run + 1) * count / width) }
    }

    /// The number of cores to use by default.
    public static var cores: Int {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #elseif canImport(Darwin)
        return max(1, Int(sysconf(_SC_NPROCESSORS_ONLN)))
        #else
        return 1
        #endif
    }

    /// Results filled from several threads, and the next index to work on.
    private struct Work<T: Sendable>: Sendable {
        var slots: [T?]
        var next = 0
        mutating func take() -> Int? {
            guard next < slots.count else { return nil }
            next += 1
            return next - 1
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A value handed between threads that the compiler cannot see is safe to share: read-only
/// tables, or buffers that only one worker touches. Used only where that is so.
struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
