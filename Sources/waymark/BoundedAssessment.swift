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
        var scratch = AssessScratch()
        return assess(text, engine: engine, state: state, scratch: &scratch)
    }

    /// The same, in the engine's working arrays reused from `scratch` (one per pipeline).
    static func assess(
        _ text: String, engine: SafeguardEngine, state: ConversationState = ConversationState(),
        scratch: inout AssessScratch
    ) -> (assessment: Assessment, state: ConversationState, note: String?) {
        // No more bytes than a window means no more scalars either: no counting.
        guard text.utf8.count > windowScalars else {
            let outcome = engine.assess(text, state: state, scratch: &scratch)
            return (outcome.assessment, outcome.state, nil)
        }
        // Every window starts and ends at a multiple of `grain` scalars (both the step and the
        // window's length are): the byte offset of each such scalar, found in one pass over the
        // bytes (a scalar starts at each byte that does not continue one), instead of walking the
        // string's scalar view for the count and again to each window's ends.
        let step = windowScalars - overlapScalars
        let grain = greatestCommonDivisor(step, windowScalars)
        var marks: [Int] = []
        var scalarCount = 0
        var source = text
        source.withUTF8 { bytes in
            marks.reserveCapacity(bytes.count / grain + 2)
            var untilMark = 0
            for index in 0..<bytes.count where bytes[index] & 0xC0 != 0x80 {
                if untilMark == 0 {
                    marks.append(index)
                    untilMark = grain
                }
                untilMark -= 1
                scalarCount += 1
            }
        }
        guard scalarCount > windowScalars else {
            let outcome = engine.assess(text, state: state, scratch: &scratch)
            return (outcome.assessment, outcome.state, nil)
        }
        let utf8 = text.utf8
        let scalars = text.unicodeScalars
        var best: (assessment: Assessment, state: ConversationState)?
        var windows = 0
        // The contextual encoder reads the first window (in at most its own bounded number of
        // readings); later windows get the lexicon and the n-gram model, so the work stays linear.
        let later = SafeguardEngine(lexicon: engine.lexicon, model: engine.model)
        var offset = 0
        while true {
            let end = min(offset + windowScalars, scalarCount)
            let low = utf8.index(utf8.startIndex, offsetBy: marks[offset / grain])
            let high =
                end == scalarCount ? utf8.endIndex : utf8.index(utf8.startIndex, offsetBy: marks[end / grain])
            // Copied as bytes (the window starts and ends on scalar boundaries), not scalar by scalar.
            let window = String(scalars[low..<high])
            var outcome = (windows == 0 ? engine : later).assess(window, state: state, scratch: &scratch)
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
            if end == scalarCount { break }
            offset += step
        }
        let kept = best ?? (Assessment.clear, state)
        return (kept.assessment, kept.state, note(scalarCount: scalarCount, windows: windows))
    }

    private static func greatestCommonDivisor(_ first: Int, _ second: Int) -> Int {
        var (a, b) = (first, second)
        while b != 0 { (a, b) = (b, a % b) }
        return a
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
