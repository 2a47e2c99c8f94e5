/// One piece of evidence found in a message: which rule matched, where, and what context did to it.
public struct Signal: Sendable, Equatable, Codable, Hashable {
    /// Rule identifier, `family.name` (e.g. `passive.better_off_without_me`).
    public var rule: String
    /// The matched text, exactly as in the original message.
    public var text: String
    /// Start offset in Unicode scalars of the original text.
    public var start: Int
    /// End offset (exclusive) in Unicode scalars of the original text.
    public var end: Int
    /// The category the rule is evidence for, if any.
    public var category: RiskCategory?
    /// The level the rule implies on its own.
    public var baseLevel: RiskLevel
    /// The level after context modifiers were applied.
    public var level: RiskLevel
    /// Context modifiers that applied to this signal.
    public var modifiers: [ContextModifier]
    /// Who the signal is about.
    public var subject: Subject
    /// The part the rule plays in the decision (`method` for a method, dose or means request);
    /// `nil` when not known (saved before this field existed).
    public var role: SignalRole?

    public init(
        rule: String, text: String, start: Int, end: Int, category: RiskCategory?,
        baseLevel: RiskLevel, level: RiskLevel? = nil, modifiers: [ContextModifier] = [],
        subject: Subject = .speaker, role: SignalRole? = nil
    ) {
        self.rule = rule
        self.text = text
        self.start = start
        self.end = end
        self.category = category
        self.baseLevel = baseLevel
        self.level = level ?? baseLevel
        self.modifiers = modifiers
        self.subject = subject
        self.role = role
    }
}
