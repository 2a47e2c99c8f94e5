/// What a message's context says about letting a statistical layer (the n-gram model or the
/// encoder) add evidence the lexicon did not find.
struct LayerGate {
    /// Figurative, fictional or quoted talk: not the person's own risk, so no layer speaks.
    var notTheirs = false
    /// A joke marker not said to be meant (laughter, "so embarrassing", an everyday medicine word):
    /// the n-gram model does not speak, and the encoder must be surer. People minimise real risk
    /// in exactly this way ("took them all with my meal deal. got a meeting at 2 lol").
    var joking = false
    /// Negation, history, "what if", a calmer or treated turn, or a joke: a layer must be surer.
    var raised: Bool { cueRaised || calmerStep || joking }
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
            // An idiom or someone else's words (`covers`).
            if rule.role == .idiom || rule.coversInner {
                self.notTheirs = true
                return
            }
            if rule.role == .joke && match.first > meantUpTo { joking = true }
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
