import Synchronization

/// A thread-safe one-way flag ("the program has been reaped").
final class CompletionFlag: Sendable {
    private let flag = Mutex(false)

    func set() { flag.withLock { $0 = true } }

    func isSet() -> Bool { flag.withLock { $0 } }
}
