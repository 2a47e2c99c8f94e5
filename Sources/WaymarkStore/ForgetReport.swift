import Foundation

/// Exactly what ``WaymarkStore/forget()`` deleted.
public struct ForgetReport: Sendable, Equatable, CustomStringConvertible {
    /// Conversations deleted.
    public var conversations: Int
    /// Messages deleted.
    public var messages: Int
    /// The date of the oldest deleted message, if any.
    public var earliest: Date?
    /// The date of the newest deleted message, if any.
    public var latest: Date?

    public init(conversations: Int, messages: Int, earliest: Date?, latest: Date?) {
        self.conversations = conversations
        self.messages = messages
        self.earliest = earliest
        self.latest = latest
    }

    /// Whether nothing was deleted.
    public var isEmpty: Bool { messages == 0 && conversations == 0 }

    /// One plain sentence, with dates in UK style (UTC), e.g. "Deleted 2 conversations
    /// (14 messages) from 3 November 2026 to 21 November 2026."
    public var description: String {
        guard !isEmpty else { return "There was no saved history to delete." }
        let conversationWord = conversations == 1 ? "conversation" : "conversations"
        let messageWord = messages == 1 ? "message" : "messages"
        var sentence = "Deleted \(conversations) \(conversationWord) (\(messages) \(messageWord))"
        if let earliest, let latest {
            let first = Self.format(earliest)
            let last = Self.format(latest)
            sentence += first == last ? " from \(first)" : " from \(first) to \(last)"
        }
        return sentence + "."
    }

    private static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = TimeZone(identifier: "Europe/London") ?? TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = "d MMMM yyyy"
        return formatter.string(from: date)
    }
}
