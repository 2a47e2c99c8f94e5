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
    /// The level the message earned on its own words, before the conversation's memory of
    /// earlier risk; `nil` when not known (then the same as `level`). See ``Assessment/remembering(_:)``.
    public var turnLevel: RiskLevel?
    /// Steps towards safety the message says were taken ("put them away", "she's coming").
    public var stepsTaken: [StepTaken]
    /// What the contextual encoder read (nil when it did not read this turn: figurative,
    /// fictional or quoted talk, or no encoder loaded).
    public var encoder: EncoderReading?
    /// Ids of the context cue rules found in the message ("context.hypothetical",
    /// "context.pretext", …), whatever they did to the signals: a method rule turns a what-if or a
    /// story into `pretext` on the signal itself, and the framing still words the boundary for it.
    public var cues: [String]

    public init(
        level: RiskLevel = .none, categories: [RiskCategory] = [], subject: Subject = .nobody,
        signals: [Signal] = [], reasons: [String] = [], settling: Bool = false, turnLevel: RiskLevel? = nil,
        stepsTaken: [StepTaken] = [], encoder: EncoderReading? = nil, cues: [String] = []
    ) {
        self.level = level
        self.categories = categories
        self.subject = subject
        self.signals = signals
        self.reasons = reasons
        self.settling = settling
        self.turnLevel = turnLevel
        self.stepsTaken = stepsTaken
        self.encoder = encoder
        self.cues = cues
    }

    /// The level of the message's own words (`turnLevel`, or `level` when not known).
    public var ownLevel: RiskLevel { turnLevel ?? level }

    /// A question about medicines and nothing else ("what's the most ibuprofen i can take in a
    /// day?"): a boundary the card answers by saying where to ask, which the conversation does
    /// not hold later turns at and no check-in follows.
    static func isMedicineQuestionOnly(level: RiskLevel, categories: [RiskCategory]) -> Bool {
        level == .boundary && categories == [.medication]
    }

    private enum CodingKeys: String, CodingKey {
        case level, categories, subject, signals, reasons, settling, encoder, cues
        case turnLevel = "turn_level"
        case stepsTaken = "steps_taken"
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
        turnLevel = try container.decodeIfPresent(RiskLevel.self, forKey: .turnLevel)
        stepsTaken = try container.decodeIfPresent([StepTaken].self, forKey: .stepsTaken) ?? []
        encoder = try container.decodeIfPresent(EncoderReading.self, forKey: .encoder)
        cues = try container.decodeIfPresent([String].self, forKey: .cues) ?? []
    }

    /// An assessment of a turn with nothing of note.
    public static let clear = Assessment()
}
