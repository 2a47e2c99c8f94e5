import Synchronization

/// One sentence handed from a background task to the line-mode loop.
final class SentenceBox: Sendable {
    private let value = Mutex("")

    var text: String { value.withLock { $0 } }

    func set(_ text: String) {
        value.withLock { $0 = text }
    }
}
