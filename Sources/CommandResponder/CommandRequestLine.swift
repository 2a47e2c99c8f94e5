import ChatCore
import Safeguard

/// The one JSON line Waymark writes to the program's standard input for each reply.
struct CommandRequestLine: Encodable, Sendable {
    /// The conversation so far, oldest first, ending with the person's latest message.
    var messages: [ChatMessage]
    /// The safeguard's guidance for this turn.
    var guidance: ResponderGuidance
    /// Waymark's standing system prompt, when one is configured.
    var system: String?
}
