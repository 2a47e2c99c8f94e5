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
        categories = CategorySet(rule.categories)
    }
}
