import ChatCore

/// Collects the entries of a turn (the loop reads them after the turn ends).
final class TurnEntryCollector: @unchecked Sendable {
    // Only touched by the turn's task, then read after `done.wait()` (happens-before).
    private(set) var entries: [TranscriptEntry] = []

    func record(_ entry: TranscriptEntry) {
        if let index = entries.firstIndex(where: { $0.id == entry.id }) {
            entries[index] = entry
        } else {
            entries.append(entry)
        }
    }
}
