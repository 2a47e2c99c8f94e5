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
    /// The person sounds calmer or safer, or has moved on, while earlier risk is remembered
    /// (de-escalation): the turn's level may still be the conversation's.
    public var settling: Bool
    /// What the contextual encoder read (nil when it did not read this turn: figurative,
    /// fictional or quoted talk, or no encoder loaded).
    public var encoder: EncoderReading?

    public init(
        level: RiskLevel = .none, categories: [RiskCategory] = [], subject: Subject = .nobody,
        signals: [Signal] = [], reasons: [String] = [], settling: Bool = false, encoder: EncoderReading? = nil
    ) {
        self.level = level
        self.categories = categories
        self.subject = subject
        self.signals = signals
        self.reasons = reasons
        self.settling = settling
        self.encoder = encoder
    }

    private enum CodingKeys: String, CodingKey {
        case level, categories, subject, signals, reasons, settling, encoder
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        level = try container.decode(RiskLevel.self, forKey: .level)
        categories = try container.decode([RiskCategory].self, forKey: .categories)
        subject = try container.decode(Subject.self, forKey: .subject)
        signals = try container.decode([Signal].self, forKey: .signals)
        reasons = try container.decode([String].self, forKey: .reasons)
        // Saved before this field existed: not settling.
        settling = try container.decodeIfPresent(Bool.self, forKey: .settling) ?? false
        encoder = try container.decodeIfPresent(EncoderReading.self, forKey: .encoder)
    }

    /// An assessment of a turn with nothing of note.
    public static let clear = Assessment()
}
