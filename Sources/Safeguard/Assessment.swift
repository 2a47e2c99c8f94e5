/// The safeguard's judgement of one user turn, in the context of the conversation.
public struct Assessment: Sendable, Equatable, Codable {
    /// The level for this turn (already including conversation context).
    public var level: RiskLevel
    /// Categories in declaration order, without duplicates.
    public var categories: [RiskCategory]
    /// Who is at risk.
    public var subject: Subject
    /// Every signal found, in order of position.
    public var signals: [Signal]
    /// Human-readable reasons the level was chosen, most decisive first (for the inspector).
    public var reasons: [String]

    public init(
        level: RiskLevel = .none, categories: [RiskCategory] = [], subject: Subject = .nobody,
        signals: [Signal] = [], reasons: [String] = []
    ) {
        self.level = level
        self.categories = categories
        self.subject = subject
        self.signals = signals
        self.reasons = reasons
    }

    /// An assessment of a turn with nothing of note.
    public static let clear = Assessment()
}
