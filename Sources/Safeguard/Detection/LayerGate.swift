/// What a message's context says about letting a statistical layer (the n-gram model or the
/// encoder) add evidence the lexicon did not find.
struct LayerGate {
    /// Figurative, fictional, quoted or joking talk: not the person's own risk, so no layer speaks.
    var notTheirs = false
    /// Negation, history, "what if", or a calmer or treated turn: a layer must be surer.
    var raised: Bool { cueRaised || calmerStep }
    /// The message holds a word about life, death, harm, means or farewells (`@model_anchor`).
    var anchored = true
    /// A step towards safety or treatment is told (one reason for `raised`).
    var calmerStep = false
    /// A negation, history or "what if" cue is in the message (the other reason for `raised`).
    var cueRaised = false

    init(lexicon: borrowing Lexicon, matches: [RuleMatch], masks: [ClassMask]) {
        // "not joking", "not being dramatic": said to be meant. Their negation word negates
        // nothing, and laughter elsewhere does not make the message a joke.
        // Rule traits, not `lexicon.rules`: plain values, no reference counting per match.
        let traits = lexicon.traits
        var meantUpTo: Int32 = -1
        var anyEarnest = false
        for match in matches where traits[Int(match.rule)].role == .earnest {
            meantUpTo = max(meantUpTo, match.last)
            anyEarnest = true
        }
        for match in matches {
            let rule = traits[Int(match.rule)]
            // An idiom, someone else's words (`covers`), or a joke not said to be meant.
            if rule.role == .idiom || rule.coversInner || (rule.role == .joke && match.first > meantUpTo) {
                self.notTheirs = true
                return
            }
            if rule.role == .deescalate || rule.role == .treated { calmerStep = true }
            guard rule.role == .cue, let modifier = rule.modifier,
                !(anyEarnest
                    && matches.contains(where: {
                        traits[Int($0.rule)].role == .earnest && $0.first <= match.last
                            && match.first <= $0.last
                    }))
            else { continue }
            switch modifier {
            case .fictional, .figurative, .quoted:
                self.notTheirs = true
                return
            case .negated, .historical, .hypothetical:
                cueRaised = true
            default:
                break
            }
        }
        if lexicon.modelAnchorClass >= 0 {
            anchored = masks.contains { $0.contains(lexicon.modelAnchorClass) }
        }
    }
}
