/// The parts of a `LexiconRule` the engine reads per match, as plain values (no reference
/// counting on the hot path). `index` points back into `Lexicon.rules`.
struct RuleTraits: Sendable {
    var index: Int32
    var role: SignalRole
    var level: RiskLevel
    var subject: Subject?
    var modifier: ContextModifier?
    var scope: CueScope
    var hyperbole: Bool
    var banter: Bool
    var contextual: Bool
    var ignoresNegation: Bool
    var ignoresHistory: Bool
    var ignoresFraming: Bool
    var ignoresInnerIdioms: Bool
    var coversInner: Bool
    var needsToldRisk: Bool
    var categories: CategorySet

    init(_ rule: LexiconRule, index: Int32) {
        self.index = index
        role = rule.role
        level = rule.level
        subject = rule.subject
        modifier = rule.modifier
        scope = rule.scope
        hyperbole = rule.hyperbole
        banter = rule.banter
        contextual = rule.contextual
        ignoresNegation = rule.ignoresNegation
        ignoresHistory = rule.ignoresHistory
        ignoresFraming = rule.ignoresFraming
        ignoresInnerIdioms = rule.ignoresInnerIdioms
        coversInner = rule.coversInner
        needsToldRisk = rule.needsToldRisk
        categories = CategorySet(rule.categories)
    }

    /// A rule made by a statistical layer rather than read from the lexicon (`index` < 0):
    /// evidence at `level` for `categories`, with no context flags of its own.
    init(layer index: Int32, role: SignalRole, level: RiskLevel, categories: [RiskCategory]) {
        self.index = index
        self.role = role
        self.level = level
        subject = nil
        modifier = nil
        scope = .sentence
        hyperbole = false
        banter = false
        contextual = false
        ignoresNegation = false
        ignoresHistory = false
        ignoresFraming = false
        ignoresInnerIdioms = false
        coversInner = false
        needsToldRisk = false
        self.categories = CategorySet(categories)
    }
}
