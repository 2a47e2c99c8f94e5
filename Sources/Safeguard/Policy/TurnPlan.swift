/// What Waymark does for one turn: the guidance for the responder and its own message.
public struct TurnPlan: Sendable, Equatable {
    public var level: RiskLevel
    /// Guidance for the responder (mode `withheld` means the responder is not used).
    public var guidance: ResponderGuidance
    /// The safeguard's own message; `nil` when there is nothing to show.
    public var message: SafeguardMessage?
    /// Whether the message asks the direct safety question (so a "yes" next turn is read as one).
    public var asksSafetyQuestion: Bool
    /// Why this plan, for the inspector.
    public var reasons: [String]

    public init(
        level: RiskLevel, guidance: ResponderGuidance, message: SafeguardMessage? = nil,
        asksSafetyQuestion: Bool = false, reasons: [String] = []
    ) {
        self.level = level
        self.guidance = guidance
        self.message = message
        self.asksSafetyQuestion = asksSafetyQuestion
        self.reasons = reasons
    }
}
