import Foundation

/// A saved conversation, summarised for a list.
public struct HistoryConversation: Sendable, Equatable {
    /// The caller's conversation key.
    public var conversation: String
    /// When its first saved message was written.
    public var startedAt: Date
    /// When its last saved message was written.
    public var lastMessageAt: Date
    /// How many messages are saved.
    public var messageCount: Int

    public init(conversation: String, startedAt: Date, lastMessageAt: Date, messageCount: Int) {
        self.conversation = conversation
        self.startedAt = startedAt
        self.lastMessageAt = lastMessageAt
        self.messageCount = messageCount
    }
}
