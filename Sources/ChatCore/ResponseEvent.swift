/// One event in a responder's streamed reply.
public enum ResponseEvent: Sendable, Equatable {
    /// More text of the reply.
    case delta(String)
    /// The reply is complete.
    case done
}
