import ChatCore
import Foundation
import Safeguard
import Synchronization

/// A tiny ``ChatCore/ConversationDriver`` for tests and demos: echoes the message word by
/// word, and adds a safeguard card (role `.safeguard`) when the text contains "crisis".
public final class EchoDriver: ConversationDriver {
    private struct Counters {
        var nextID = 1
        var turn = 0
        var cancelled: Set<Int> = []
        var currentTurn: Int?
    }

    private let counters = Mutex(Counters())
    /// Pause between streamed words.
    public let wordDelay: Duration

    public init(wordDelay: Duration = .milliseconds(30)) {
        self.wordDelay = wordDelay
    }

    public func send(_ text: String) -> AsyncStream<SessionEvent> {
        let (turn, userID, safeguardID, replyID) = counters.withLock { state -> (Int, Int, Int, Int) in
            state.turn += 1
            let ids = (state.nextID, state.nextID + 1, state.nextID + 2)
            state.nextID += 3
            state.currentTurn = state.turn
            return (state.turn, ids.0, ids.1, ids.2)
        }
        let delay = wordDelay
        let isCrisis = text.lowercased().contains("crisis")
        return AsyncStream { continuation in
            let task = Task.detached { [self] in
                var assessment = Assessment()
                if isCrisis, let range = text.lowercased().range(of: "crisis") {
                    let start = text.unicodeScalars.distance(
                        from: text.unicodeScalars.startIndex,
                        to: range.lowerBound.samePosition(in: text.unicodeScalars)
                            ?? text.unicodeScalars.startIndex)
                    assessment = Assessment(
                        level: .crisis, categories: [.suicide], subject: .speaker,
                        signals: [
                            Signal(
                                rule: "echo.crisis_word", text: String(text[range]), start: start,
                                end: start + 6,
                                category: .suicide, baseLevel: .crisis)
                        ], reasons: ["the echo driver treats the word “crisis” as a crisis"])
                }
                continuation.yield(
                    .entryAdded(
                        TranscriptEntry(
                            id: userID, turn: turn, role: .user, text: text, assessment: assessment)))
                if isCrisis {
                    continuation.yield(
                        .entryAdded(
                            TranscriptEntry(
                                id: safeguardID, turn: turn, role: .safeguard,
                                text:
                                    "It sounds like things are really hard right now. You can call Samaritans "
                                    + "free on 116 123, any time, or text SHOUT to 85258. If you are in danger "
                                    + "now, call 999. I'm still here and we can keep talking.",
                                services: ["samaritans", "shout", "emergency_999_112"])))
                }
                var reply = TranscriptEntry(
                    id: replyID, turn: turn, role: .assistant, text: "", status: .streaming)
                continuation.yield(.entryAdded(reply))
                let words = ("Echo: " + text).split(separator: " ", omittingEmptySubsequences: false)
                for (index, word) in words.enumerated() {
                    if self.isCancelled(turn) || Task.isCancelled {
                        reply.status = .cancelled
                        continuation.yield(.entryUpdated(reply))
                        continuation.yield(.turnFinished(turn: turn))
                        continuation.finish()
                        return
                    }
                    reply.text += (index == 0 ? "" : " ") + word
                    continuation.yield(.entryUpdated(reply))
                    try? await Task.sleep(for: delay)
                }
                reply.status = .complete
                continuation.yield(.entryUpdated(reply))
                continuation.yield(.turnFinished(turn: turn))
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    public func cancelReply() async {
        counters.withLock { state in
            if let turn = state.currentTurn { state.cancelled.insert(turn) }
        }
    }

    private func isCancelled(_ turn: Int) -> Bool {
        counters.withLock { $0.cancelled.contains(turn) }
    }
}
