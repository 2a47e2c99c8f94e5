import Safeguard

/// The safeguard's work on one message, bounded: a message longer than ``windowScalars`` is
/// assessed in overlapping windows, the window with the highest level is kept (its signals'
/// offsets are those of the whole message), and a note says so. The work, and the memory,
/// then grow with the length of a window, never with the length of the message.
enum BoundedAssessment {
    /// The longest text assessed in one piece, in Unicode scalars.
    static let windowScalars = 4000
    /// How much consecutive windows share, so a phrase across a boundary is still read whole.
    static let overlapScalars = 400

    /// Assesses `text` (after `state`); `note` is set when it was read in windows.
    static func assess(
        _ text: String, engine: SafeguardEngine, state: ConversationState = ConversationState()
    ) -> (assessment: Assessment, state: ConversationState, note: String?) {
        let scalars = text.unicodeScalars
        // No more bytes than a window means no more scalars either: no counting.
        guard text.utf8.count > windowScalars, scalars.count > windowScalars else {
            let outcome = engine.assess(text, state: state)
            return (outcome.assessment, outcome.state, nil)
        }
        var best: (assessment: Assessment, state: ConversationState)?
        var windows = 0
        // The contextual encoder reads the first window (in at most its own bounded number of
        // readings); later windows get the lexicon and the n-gram model, so the work stays linear.
        let later = SafeguardEngine(lexicon: engine.lexicon, model: engine.model)
        var start = scalars.startIndex
        var offset = 0
        while start < scalars.endIndex {
            let end =
                scalars.index(start, offsetBy: windowScalars, limitedBy: scalars.endIndex) ?? scalars.endIndex
            // Copied as bytes (the window starts and ends on scalar boundaries), not scalar by scalar.
            let window = String(scalars[start..<end])
            var outcome = (windows == 0 ? engine : later).assess(window, state: state)
            windows += 1
            for index in outcome.assessment.signals.indices {
                outcome.assessment.signals[index].start += offset
                outcome.assessment.signals[index].end += offset
            }
            if let current = best {
                if outcome.assessment.level > current.assessment.level {
                    best = (outcome.assessment, outcome.state)
                }
            } else {
                best = (outcome.assessment, outcome.state)
            }
            if end == scalars.endIndex { break }
            let step = windowScalars - overlapScalars
            start = scalars.index(start, offsetBy: step)
            offset += step
        }
        let kept = best ?? (Assessment.clear, state)
        return (kept.assessment, kept.state, note(scalarCount: scalars.count, windows: windows))
    }

    /// The note for a message of `scalarCount` scalars (nil when it is read in one piece).
    static func note(scalarCount: Int, windows: Int? = nil) -> String? {
        guard scalarCount > windowScalars else { return nil }
        let step = windowScalars - overlapScalars
        let count = windows ?? 1 + (scalarCount - windowScalars + step - 1) / step
        return
            "a long message (\(scalarCount) characters): assessed in \(count) overlapping windows of \(windowScalars) characters (the encoder read the first); the highest level is kept"
    }
}
