/// What a ``ChatSession`` reports while a turn runs, for the screen or line mode to apply.
public enum SessionEvent: Sendable, Equatable {
    /// A new entry (the person's message, the safeguard's message, a notice).
    case entryAdded(TranscriptEntry)
    /// A reply entry changed (streamed text grew, or it finished, was cancelled or failed).
    /// The entry carries the whole reviewed text so far: replace, don't append.
    case entryUpdated(TranscriptEntry)
    /// The responder failed; the failure is also in the transcript as a notice entry.
    case responderFailed(ResponderFailure)
    /// The turn is over; the person can send again.
    case turnFinished(turn: Int)
}
