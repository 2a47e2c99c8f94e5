import Synchronization

/// A thread-safe one-way flag.
final class CancellationFlag: Sendable {
    private let flag = Mutex(false)

    func set() { flag.withLock { $0 = true } }

    @Sendable func isSet() -> Bool { flag.withLock { $0 } }
}
