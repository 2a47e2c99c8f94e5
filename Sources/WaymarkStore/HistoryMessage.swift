import ChatCore
import Foundation

/// One saved message of a conversation in the (opt-in) history.
public struct HistoryMessage: Sendable, Equatable {
    /// The row id once saved; `nil` for a message not saved yet.
    public var id: Int64?
    /// The conversation it belongs to: any stable string the caller chooses per session.
    public var conversation: String
    public var role: TranscriptEntry.Role
    public var text: String
    public var date: Date

    public init(id: Int64? = nil, conversation: String, role: TranscriptEntry.Role, text: String, date: Date)
    {
        self.id = id
        self.conversation = conversation
        self.role = role
        self.text = text
        self.date = date
    }
}
