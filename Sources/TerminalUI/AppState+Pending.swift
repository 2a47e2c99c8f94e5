import ChatCore

// MARK: - A sent message, shown before the safeguard has read it

extension AppState {
    /// Show a message the moment it is sent, marked "checking…" (a user entry with status
    /// `.streaming`), until the session's own entry for it arrives with its assessment. While
    /// the safeguard is still loading, or the machine is busy, the person sees their words at
    /// once instead of an empty conversation.
    mutating func showPendingMessage(_ text: String) {
        pinnedEntryID = nil
        let turn = (entries.last?.turn ?? 0) + 1
        entries.append(
            TranscriptEntry(id: nextLocalID, turn: turn, role: .user, text: text, status: .streaming))
        nextLocalID -= 1
    }

    /// The index of the message waiting for the safeguard, if any.
    var pendingMessageIndex: Int? {
        entries.lastIndex { $0.role == .user && $0.status == .streaming && $0.id < 0 }
    }

    /// The session's entry for the pending message replaces it in place. Returns whether it did.
    mutating func settlePendingMessage(with entry: TranscriptEntry) -> Bool {
        guard entry.role == .user, let index = pendingMessageIndex else { return false }
        entries[index] = entry
        return true
    }

    /// The turn ended without the session's entry (a backend that gave up): the message stays,
    /// no longer marked as being checked.
    mutating func endPendingMessage() {
        if let index = pendingMessageIndex { entries[index].status = .complete }
    }
}
