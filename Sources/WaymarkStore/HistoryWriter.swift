import Foundation

/// Appends a chat session's finished turns to the history, and holds them in memory (never on
/// disk) while encrypted history is locked, so nothing is lost before the passphrase is given
/// and nothing is ever written in plain text. Used from one thread (the chat's loop).
public final class HistoryWriter {
    /// What happened to messages handed to ``append(_:)``.
    public enum Outcome: Sendable, Equatable {
        /// Saved (sealed, if history is encrypted).
        case saved
        /// History is off: nothing was saved or kept.
        case off
        /// History is encrypted and locked: held in memory (this many messages now) until
        /// ``unlock(passphrase:)``.
        case held(Int)
    }

    public let store: WaymarkStore
    /// Messages waiting for the passphrase, oldest first (in memory only).
    public private(set) var held: [HistoryMessage] = []
    /// At most this many messages are held; the oldest are dropped beyond it.
    public let holdLimit: Int

    public init(store: WaymarkStore, holdLimit: Int = 2_000) {
        self.store = store
        self.holdLimit = max(1, holdLimit)
    }

    /// Save `messages` (after any held ones), or hold them while history is locked.
    public func append(_ messages: [HistoryMessage]) throws -> Outcome {
        let waiting = held + messages
        do {
            let saved = try store.appendHistory(waiting)
            held = []
            return saved ? .saved : .off
        } catch WaymarkStoreError.locked {
            held = Array(waiting.suffix(holdLimit))
            return .held(held.count)
        }
    }

    /// Give the passphrase; on success the held messages are saved (sealed) and their number is
    /// returned. A wrong passphrase throws ``WaymarkStoreError/wrongPassphrase`` and changes
    /// nothing: the held messages stay in memory.
    @discardableResult
    public func unlock(passphrase: String) throws -> Int {
        try store.unlock(passphrase: passphrase)
        let count = held.count
        guard count > 0 else { return 0 }
        return try append([]) == .saved ? count : 0
    }
}
