import ChatCore

/// The chat screen's safety plan, grounding exercises and history: reviewed texts loaded at
/// start-up, and what is running now. Part of ``AppState``.
public struct SupportTools: Sendable, Equatable {
    /// Safety plan titles and prompts (`nil`: `/plan` is unavailable).
    public var planGuide: SafetyPlanGuide?
    /// The saved plan, as last loaded or saved.
    public var savedPlan: SafetyPlan?
    /// Services to suggest in the professionals section.
    public var planSuggestions: [String] = []
    /// The open plan editor.
    public var planEditor: PlanEditor?
    /// The last safeguard message offered to look at the plan; a plain "yes" accepts.
    public var planOfferPending = false
    /// Breathing patterns and words (`nil`: `/breathe` is unavailable).
    public var breathingGuide: BreathingGuide?
    /// The running breathing exercise.
    public var breathing: BreathingState?
    /// Show the still text version of the breathing exercise.
    public var reducedMotion = false
    /// 5-4-3-2-1 words (`nil`: `/ground` is unavailable).
    public var groundingGuide: GroundingGuide?
    /// The grounding exercise waiting for answers.
    public var grounding: GroundingExercise?
    /// Whether history is being saved (from the store's settings).
    public var historyEnabled = false
    /// Ids of entries already appended to the history.
    public var savedHistoryIDs: Set<Int> = []
    /// The history panel's title and lines.
    public var historyTitle = "History"
    public var historyLines: [String] = []
    /// Whether history is encrypted and no passphrase has been given this session.
    public var historyLocked = false
    /// What has been typed in the passphrase box (never drawn; emptied when it closes).
    public var passphraseEntry = ""

    public init() {}

    /// Whether the person has a plan with something in it.
    public var hasPlan: Bool { !(savedPlan?.isEmpty ?? true) }
}
