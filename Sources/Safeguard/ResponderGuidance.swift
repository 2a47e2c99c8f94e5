/// What the safeguard tells the responder for one turn, and how much the responder is used.
public struct ResponderGuidance: Sendable, Equatable, Codable {
    /// How the responder takes part in a turn.
    public enum Mode: String, Sendable, Codable, CaseIterable {
        /// Answer normally.
        case normal
        /// Answer, with care for the distress the person described.
        case supportive
        /// Keep supporting within peer-support scope; a specialist service was signposted.
        case guided
        /// Reply only under strict guidance; the output guard reviews every sentence.
        case strict
        /// The responder is not used for this turn (emergency): the safeguard speaks alone.
        case withheld
    }

    /// How the responder takes part.
    public var mode: Mode
    /// The level of the turn the guidance is for.
    public var level: RiskLevel
    /// Categories of the turn.
    public var categories: [RiskCategory]
    /// Plain-language instructions added to the responder's prompt for this turn.
    public var instructions: [String]

    public init(
        mode: Mode = .normal, level: RiskLevel = .none, categories: [RiskCategory] = [],
        instructions: [String] = []
    ) {
        self.mode = mode
        self.level = level
        self.categories = categories
        self.instructions = instructions
    }

    /// Guidance for an ordinary turn.
    public static let normal = ResponderGuidance()
}
