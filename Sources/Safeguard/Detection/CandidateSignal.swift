/// A rule match on its way to becoming a `Signal`: context applied, level and subject decided.
struct CandidateSignal: Sendable {
    var rule: RuleTraits
    var first: Int32
    var last: Int32
    var modifiers = ModifierSet()
    var level: RiskLevel
    var subject: Subject = .speaker
    /// Counts at full strength (not lowered by any context).
    var active: Bool = true
    /// Counts for the level at all (a contextual rule without context does not).
    var applies: Bool = true
    /// The subject was read from a pronoun or person word, not assumed.
    var subjectExplicit: Bool = false
    /// How directly: 2 = fixed by the rule or a word inside the phrase, 1 = a word before it.
    var subjectStrength: Int = 0

    init(rule: RuleTraits, first: Int32, last: Int32) {
        self.rule = rule
        self.first = first
        self.last = last
        self.level = rule.level
    }

    mutating func add(_ modifier: ContextModifier) { modifiers.insert(modifier) }

    /// Someone else named as out of reach ("she's not answering"): whose risk it is when nothing
    /// else in the message says.
    var namesSomeoneElseUnreachable: Bool {
        rule.role == .unreachable && subjectExplicit && subject == .other
    }

    /// Whether the rule plays a part in the level (as opposed to being a context cue).
    var isEvidence: Bool {
        switch rule.role {
        case .cue, .idiom, .pseudo, .joke, .earnest, .recurrence: false
        default: true
        }
    }
}
