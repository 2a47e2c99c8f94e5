import ChatCore

/// Wrapped lines per transcript entry and width, so redraws don't re-wrap the conversation.
///
/// A reference type owned by the runtime's renderer (never shared across threads).
public final class TranscriptLayoutCache {
    private struct Cached {
        var text: String
        var status: TranscriptEntry.Status
        var role: TranscriptEntry.Role
        var lines: [TranscriptView.Line]
    }

    /// The line at the top of the window while scrolled up, and the scroll it was drawn at.
    struct Anchor {
        var entryID: Int
        var line: Int
        var scroll: Int
        var width: Int
    }

    private var width = 0
    private var byID: [Int: Cached] = [:]
    /// Where the view was anchored at the last frame (nil when following the conversation).
    var anchor: Anchor?

    public init() {}

    /// Number of entries with cached lines.
    public var count: Int { byID.count }

    /// The lines of `entry` at `width`, wrapping only when the entry or width changed.
    public func lines(for entry: TranscriptEntry, width: Int) -> [TranscriptView.Line] {
        if width != self.width {
            byID.removeAll(keepingCapacity: true)
            self.width = width
        }
        if let cached = byID[entry.id], cached.status == entry.status, cached.role == entry.role,
            cached.text == entry.text
        {
            return cached.lines
        }
        let lines = TranscriptView.layout(entry, width: width)
        byID[entry.id] = Cached(text: entry.text, status: entry.status, role: entry.role, lines: lines)
        return lines
    }
}
