import ChatCore
import Foundation

/// Stands in for the conversation when Waymark's safeguard data cannot be loaded: Waymark
/// does not chat without its safeguard, but it still answers every message with where help is.
struct UnavailableConversation: ConversationDriver {
    var reason: String

    static func explanation(for reason: String) -> String {
        "Waymark can't chat right now because its safeguard data could not be loaded (\(reason)). "
            + "If you are in danger now, call 999. Samaritans are there any time on 116 123 (free, 24/7)."
    }

    func send(_ text: String) -> AsyncStream<SessionEvent> {
        let reason = self.reason
        return AsyncStream { continuation in
            let date = Date()
            continuation.yield(
                .entryAdded(TranscriptEntry(id: 1, turn: 1, role: .user, text: text, date: date)))
            continuation.yield(
                .entryAdded(
                    TranscriptEntry(
                        id: 2, turn: 1, role: .notice, text: Self.explanation(for: reason), date: date)))
            continuation.yield(.turnFinished(turn: 1))
            continuation.finish()
        }
    }

    func cancelReply() async {}
}
