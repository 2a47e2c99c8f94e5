import Synchronization

/// A thread-safe counter handing out 0, 1, 2, … (which scripted reply comes next).
final class ReplyCounter: Sendable {
    private let value = Mutex(0)

    /// The current value, then increments it.
    func next() -> Int {
        value.withLock { value in
            defer { value += 1 }
            return value
        }
    }
}
