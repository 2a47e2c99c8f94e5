// MARK: - Leaving with a message not yet sent

extension AppState {
    /// The status line while leaving waits for a second key.
    static let leaveWithDraftStatus =
        "Your message isn't sent. Press Ctrl-C again to leave, or keep typing."

    /// Ctrl-C (or Ctrl-D at the end of a message): leave, unless a message is half typed; then
    /// ask first, and leave on the second press.
    mutating func quitOrAsk() -> [AppEffect] {
        guard !editor.isEmpty, !isLeaveConfirmPending else { return [.quit] }
        isLeaveConfirmPending = true
        status = AppState.leaveWithDraftStatus
        return []
    }

    /// Any other key means the person stays: the question goes away.
    mutating func noteKeyForLeaving(_ key: Key) {
        guard isLeaveConfirmPending, key != .control("c"), key != .control("d") else { return }
        isLeaveConfirmPending = false
        if status == AppState.leaveWithDraftStatus { status = nil }
    }
}
