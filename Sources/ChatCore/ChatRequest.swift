import Safeguard

/// Everything a responder needs for one reply. A struct, so new fields never break backends.
public struct ChatRequest: Sendable, Equatable {
    /// The conversation so far, oldest first, ending with the person's latest message.
    /// Does not include the system prompt: backends that need one add it themselves.
    public var messages: [ChatMessage]
    /// The safeguard's guidance for this turn.
    public var guidance: ResponderGuidance

    public init(messages: [ChatMessage], guidance: ResponderGuidance = .normal) {
        self.messages = messages
        self.guidance = guidance
    }

    /// The person's latest message, if any.
    public var lastUserText: String? {
        messages.last(where: { $0.role == .user })?.content
    }
}
