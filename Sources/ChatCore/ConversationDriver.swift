/// The conversation as the chat screen and line mode see it: send one turn, get its events.
///
/// `ChatSession` conforms; tests and demos use small drivers such as `EchoDriver`.
public protocol ConversationDriver: Sendable {
    /// Run one turn for the person's message. The stream reports the user entry, any
    /// safeguard message, the streamed reply (as `.entryUpdated` replacing by id) and ends
    /// after `.turnFinished`.
    func send(_ text: String) -> AsyncStream<SessionEvent>
    /// Stop the reply that is streaming, if any; the turn still finishes.
    func cancelReply() async
}
