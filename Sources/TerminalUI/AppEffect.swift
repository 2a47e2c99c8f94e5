import Safeguard
import ChatCore

/// Something the runtime must do after an ``AppEvent`` was applied. Compared with `==` in tests.
public enum AppEffect: Sendable, Equatable {
    /// Send the person's message to the conversation (one turn).
    case send(String)
    /// Stop the reply that is streaming.
    case cancelReply
    /// Leave the chat (the terminal is restored by the runtime).
    case quit
    /// Write the transcript as Markdown (mode 0600) to `path`, or to a default file name.
    case export(path: String?)
    /// Ask the responder again for the latest turn.
    case retry
    /// Switch to the built-in, offline listener.
    case useBuiltInListener
    /// Match services for this nation and/or age band from now on (`/nation`, `/age`).
    case setPerson(nation: Nation?, ageBand: AgeBand?)
    /// Save the safety plan to the store (and offer it at crisis from now on).
    case saveSafetyPlan(SafetyPlan)
    /// Start timing the breathing exercise (send ``AppEvent/breathingTick(elapsed:)``).
    case startBreathing
    /// Check a grounding answer with the safeguard, then send ``AppEvent/groundingAnswerChecked(text:needsSafeguard:)``.
    case screenGroundingAnswer(String)
    /// Load recent history, or search it, for the history panel.
    case showHistory(search: String?)
    /// Turn history saving on or off.
    case setHistoryEnabled(Bool)
    /// Delete all saved history and say exactly what was deleted.
    case forgetHistory
    /// Save the reduced-motion setting (the still version of `/breathe`).
    case setReducedMotion(Bool)
    /// Append these finished entries to the history (only sent when history is on).
    case appendHistory([TranscriptEntry])
    /// Unlock encrypted history with this passphrase (typed in the passphrase box, never shown).
    case unlockHistory(String)
}
