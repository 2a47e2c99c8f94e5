/// A scenario being played on the chat screen for clinicians (`waymark demo`): where the
/// playback is, the presenter's requests (pause, step, skip), and, in compare mode, what the
/// responder alone said for each turn.
public struct DemoPlayback: Sendable, Equatable {
    /// The scenario's title, for the status line.
    public var title: String
    /// How many user turns the scenario has.
    public var turnCount: Int
    /// The 1-based turn being typed or answered (0 before the first).
    public var currentTurn = 0
    /// The presenter paused the playback (Space).
    public var isPaused = false
    /// The presenter asked for the next turn now (`n` or →); the player clears it.
    public var stepRequested = false
    /// The presenter asked to play the rest at once (`s`); the player clears it.
    public var skipRequested = false
    /// Every turn has been played.
    public var isFinished = false
    /// Side by side: the responder alone (left) and what Waymark shows (right).
    public var isComparing: Bool
    /// Compare mode: what the responder alone said, by turn.
    public var aloneReplies: [Int: String] = [:]
    /// Compare mode: what the person typed, by turn (for the left column).
    public var turnTexts: [Int: String] = [:]

    public init(title: String, turnCount: Int, isComparing: Bool = false) {
        self.title = title
        self.turnCount = turnCount
        self.isComparing = isComparing
    }

    /// The presenter's keys, for the status line.
    public static let keyHint = "Space pause · n next · s skip · q leave"

    /// Where the playback is, in words, for the status line.
    public var statusText: String {
        let position =
            isFinished
            ? "finished" : currentTurn == 0 ? "starting" : "turn \(currentTurn) of \(turnCount)"
        let paused = isPaused && !isFinished ? " · PAUSED" : ""
        return "Demo: \(title) · \(position)\(paused) · \(DemoPlayback.keyHint)"
    }
}
