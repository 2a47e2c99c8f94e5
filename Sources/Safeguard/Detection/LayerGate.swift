/// What a message's context says about letting a statistical layer (the n-gram model or the
/// encoder) add evidence the lexicon did not find.
struct LayerGate {
    /// Figurative, fictional, quoted or joking talk: not the person's own risk, so no layer speaks.
    var notTheirs = false
    /// Negation, history, "what if", or a calmer or treated turn: a layer must be surer.
    var raised = false
    /// The message holds a word about life, death, harm, means or farewells (`@model_anchor`).
    var anchored = true

    init(lexicon: Lexicon, matches: [RuleMatch], masks: [ClassMask]) {
        // "not joking", "not being dramatic": said to be meant. Their negation word negates
        // nothing, and laughter elsewhere does not make the message a joke.
        let earnest = matches.filter { lexicon.rules[Int($0.rule)].role == .earnest }
        let meantUpTo = earnest.map(\.last).max() ?? -1
        let notTheirs: Set<ContextModifier> = [.fictional, .figurative, .quoted]
        let lowering: Set<ContextModifier> = [.negated, .historical, .hypothetical]
        for match in matches {
            let rule = lexicon.rules[Int(match.rule)]
            if rule.role == .idiom || (rule.role == .joke && match.first > meantUpTo) {
                self.notTheirs = true
                return
            }
            if rule.role == .deescalate || rule.role == .treated { raised = true }
            guard rule.role == .cue, let modifier = rule.modifier,
                !earnest.contains(where: { $0.first <= match.last && match.first <= $0.last })
            else { continue }
            if notTheirs.contains(modifier) {
                self.notTheirs = true
                return
            }
            if lowering.contains(modifier) { raised = true }
        }
        if lexicon.modelAnchorClass >= 0 {
            anchored = masks.contains { $0.contains(lexicon.modelAnchorClass) }
        }
    }
}
