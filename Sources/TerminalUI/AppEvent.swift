import ChatCore

/// Everything that can happen to the chat screen, as data.
public enum AppEvent: Sendable, Equatable {
    /// Which way the mouse wheel turned.
    public enum WheelDirection: Sendable, Equatable {
        case up
        case down
    }

    /// A key press.
    case key(Key)
    /// The terminal changed size.
    case resize(cols: Int, rows: Int)
    /// The mouse wheel turned over the screen.
    case wheel(WheelDirection)
    /// Text pasted in one go (bracketed paste); newlines are kept, nothing is sent.
    case paste(String)
    /// Something happened in the conversation.
    case session(SessionEvent)
    /// The event stream of the current turn ended (with or without `.turnFinished`).
    case replyStreamEnded
    /// Time passed (drives the "replying" indicator only).
    case tick
    /// An export finished: where it went, or why it failed.
    case exportFinished(path: String, error: String?)
    /// Time since the breathing exercise started (the runtime ticks ~10 Hz while it runs).
    case breathingTick(elapsed: Duration)
    /// The safeguard checked a grounding answer: `needsSafeguard` stops the exercise and sends it.
    case groundingAnswerChecked(text: String, needsSafeguard: Bool)
    /// History (or a search of it) was loaded for the panel.
    case historyLoaded(title: String, lines: [String])
    /// A store operation finished; say this in the transcript. `historyEnabled` reports the
    /// setting when it changed.
    case storeNotice(String, historyEnabled: Bool? = nil)
    /// Encrypted history was unlocked; say this in the transcript.
    case historyUnlocked(String)
    /// The renderer found the transcript or panel shorter than the scroll position: clamp.
    case viewClamped(transcript: Int, panel: Int)
}
