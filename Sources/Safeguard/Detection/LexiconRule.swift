/// One reviewed rule of the lexicon: an id, what it is evidence for, and its patterns.
public struct LexiconRule: Sendable, Equatable {
    /// `family.name`, e.g. `passive.better_off_without_me`.
    public var id: String
    /// Categories the rule is evidence for (the first is the signal's category).
    public var categories: [RiskCategory]
    /// The level the rule implies on its own.
    public var level: RiskLevel
    /// The part the rule plays in the decision.
    public var role: SignalRole
    /// Who is at risk when the rule says so regardless of pronouns.
    public var subject: Subject?
    /// For context cues: the modifier the cue applies.
    public var modifier: ContextModifier?
    /// For context cues: how far the cue reaches.
    public var scope: CueScope
    /// Hyperbole-prone ("want to die"): a joke marker nearby makes it figurative.
    public var hyperbole: Bool
    /// Laughter in the same sentence ("lol", "😂", "haha") makes it figurative banter.
    public var banter: Bool
    /// Counts only when the message or the conversation already carries suicide or self-harm risk.
    public var contextual: Bool
    /// Not lowered by negation cues (an act done stays done).
    public var ignoresNegation: Bool
    /// Not lowered by history: past abuse, assault or loss is itself the topic (`flags=past`).
    public var ignoresHistory: Bool
    /// Not lowered by fiction, study or hypothetical framing (method seeking): marked `pretext`.
    public var ignoresFraming: Bool
    /// Not made figurative by an idiom lying inside the match (`flags=literal`): "rather die than
    /// eat again" is the literal reading of the idiom "rather die than".
    public var ignoresInnerIdioms: Bool = false
    /// The words it matches are someone else's (`flags=covers`, which implies `literal`): risk
    /// phrases inside the match are set aside as an idiom's would be, while the rule itself
    /// counts ("he keeps saying i'd be better off dead" is abuse of the writer, not their own
    /// wish to die).
    public var coversInner: Bool = false
    /// A contextual rule that counts only on risk told in the conversation or the message, never
    /// on the encoder's reading alone (`flags=told`): a bare "it's ready" is a danger only once
    /// the person has said they want to die.
    public var needsToldRisk: Bool = false
    /// The lexicon file the rule came from.
    public var file: String
}
