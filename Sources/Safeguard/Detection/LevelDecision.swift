/// Decides a turn's level, categories and subject from its signals and the conversation so far,
/// exactly per the levels table of SAFEGUARD.md, and updates the conversation state.
struct LevelDecision {
    var signals: [CandidateSignal]
    var state: ConversationState
    var reasons: [String] = []
    /// Extra categories added by combination rules.
    private var extraCategories: [RiskCategory] = []

    /// Number of words in the message (short replies are read against the conversation).
    var wordCount: Int

    /// The contextual encoder read this turn as about ending one's life, at its context cut:
    /// enough context for the lexicon's contextual phrases (a letter, a goodbye, "the lorry"),
    /// never evidence on its own.
    var encoderContext = false

    /// The message opens with a question word ("what should i watch tonight", "can we talk
    /// now"): a short reply that asks is not a bare time to act (see ``SafeguardEngine/opensWithQuestion(_:)``).
    var opensWithQuestion = false

    /// Most words a reply may have to count as a short answer ("yeah", "i think so").
    static let shortReply = 8
    /// Most words a bare time ("tonight", "after the funeral friday") may come with.
    static let shortTimeReply = 6

    /// The lexicon's rules, for their ids (``ruleID(_:)``). Kept as the array, not as a closure
    /// over it: a closure stored here was a context allocated and freed for every message.
    let rules: [LexiconRule]

    init(signals: [CandidateSignal], state: ConversationState, wordCount: Int, rules: [LexiconRule]) {
        self.rules = rules
        self.signals = signals
        self.state = state
        self.wordCount = wordCount
    }

    /// The id of a rule by index (negative: one of the statistical layers).
    func ruleID(_ index: Int32) -> String { SafeguardEngine.ruleID(index, rules: rules) }

    private static let suicidalRoles = RoleSet([
        .ideation, .selfHarm, .method, .intent, .farewell, .act, .means, .plan,
    ])
    /// Roles that describe circumstances (when, with what) rather than who is at risk.
    private static let markerRoles = RoleSet([.time, .means, .plan, .unreachable, .minor, .weapon])
    /// Parts of a plan; three different ones together give context even when each is weak.
    private static let planRoles = RoleSet([.intent, .means, .plan, .farewell, .time])
    /// Roles that say someone else is the danger (a weapon, a threat, harm to others).
    private static let dangerRoles = RoleSet([.danger, .threat, .weapon, .harm])
    /// Steps that resolve danger in progress (`dangerGone` is only ever taken while another
    /// person is that danger).
    private static let resolving: [StepTaken] = [.foundSafe, .safePlace, .meansAway, .calmer, .dangerGone]

    /// Runs the decision; returns the assessment parts and the new state (moved out: run once,
    /// and read `state` no more).
    mutating func decide() -> (
        level: RiskLevel, categories: [RiskCategory], subject: Subject, state: ConversationState,
        settling: Bool
    ) {
        let askedQuestion = state.safetyQuestionPending
        state.safetyQuestionPending = false
        state.turns += 1

        // Suicidal context in this message (non-contextual evidence at full strength).
        // (Sets of roles as bits and loops instead of filtered arrays: this runs for every message.)
        var messageSuicidal = false
        var activeRoles = RoleSet()
        for signal in signals where signal.active {
            activeRoles.insert(signal.rule.role)
            // Evidence whose only topic is danger from someone else (the encoder's reading of a
            // turn about a partner with a knife) is that danger, not suicidal context: it must
            // not let "got a knife" count as means to end one's life.
            if !signal.rule.contextual && Self.suicidalRoles.contains(signal.rule.role)
                && signal.level >= .crisis && !signal.rule.categories.isDangerFromOthersOnly
            {
                messageSuicidal = true
            }
        }
        let weakRoles = activeRoles & Self.planRoles
        let lexiconContext = messageSuicidal || state.suicidalContext || weakRoles.count >= 3
        // The encoder's reading lets contextual phrases count; the combinations below then need
        // one of them to have counted (its reading alone never makes "locked herself in" urgent).
        var encoderActivated = false
        // A contextual child-safeguarding rule (a meeting arranged online) needs a child instead;
        // a contextual abuse rule (footsteps on the stairs, a chair against the door) needs danger
        // from another person already told, in the conversation or beside it in this message.
        let childContext = state.minorInvolved || activeRoles.contains(.minor)
        var dangerContext = state.dangerFromOthersTold
        for signal in signals
        where !dangerContext && !signal.rule.contextual && signal.active && signal.level >= .boundary
            && signal.rule.categories.intersects(.dangerFromOthers)
        {
            dangerContext = true
        }
        for index in signals.indices where signals[index].rule.contextual {
            let rule = signals[index].rule
            let needed =
                rule.categories.contains(.childSafeguarding)
                ? childContext
                : rule.categories.contains(.abuse)
                    ? dangerContext : lexiconContext || (encoderContext && !rule.needsToldRisk)
            if needed && signals[index].active {
                signals[index].add(.contextual)
                if !lexiconContext && !rule.categories.contains(.childSafeguarding)
                    && !rule.categories.contains(.abuse)
                {
                    encoderActivated = true
                    reasons.append(
                        "the encoder's reading is the context for \(ruleID(signals[index].rule.index))")
                }
            } else {
                signals[index].applies = false
                signals[index].active = false
                signals[index].level = .none
            }
        }
        let context = lexiconContext || encoderActivated
        // A lazy view of the signals as they are now (a copy of the array that shares its storage:
        // no array is built for the many messages whose signals are not changed after this).
        let active = signals.lazy.filter { $0.applies && $0.isEvidence && $0.active }
        // The nested functions below capture only constants: a captured `var` is boxed and every
        // access to it checked for exclusivity at run time, which showed in the profile.
        var roles = RoleSet()
        for signal in active { roles.insert(signal.rule.role) }
        let present = roles
        func has(_ role: SignalRole) -> Bool { present.contains(role) }

        // Short answers to Waymark's own safety question.
        if askedQuestion && wordCount <= Self.shortReply && has(.affirm) && !has(.deescalate) {
            reasons.append("answered yes to the safety question")
            state.affirmedSafetyQuestion = true
            signals.append(
                contentsOf: active.filter { $0.rule.role == .affirm }.map { affirm in
                    var upgraded = affirm
                    upgraded.level = .crisis
                    upgraded.add(.contextual)
                    upgraded.rule.categories = CategorySet([.suicide])
                    return upgraded
                })
        }

        // An act told together with the care it is already getting ("she'd taken stuff but they
        // got to her in time", "took them, paramedics are here"): in medical hands, so crisis (the
        // risk remembered), not 999 again, and not an act left untreated for later turns.
        // (Care denied or wondered about, or dressing it themselves, "can i just put steri strips
        // on it?", is not care.)
        let actInCare =
            has(.act) && has(.treated) && !has(.danger)
            && active.contains {
                $0.rule.role == .treated && !$0.modifiers.contains(.hypothetical)
                    && !$0.modifiers.contains(.negated)
                    && ruleID($0.rule.index) != "conversation.treated_self"
            }
        if actInCare {
            for index in signals.indices
            where signals[index].rule.role == .act && signals[index].level > .crisis {
                signals[index].level = .crisis
            }
            reasons.append("an act told with the care it is getting: crisis, not an untreated act")
        }
        var level = RiskLevel.none
        for signal in signals where signal.applies && signal.isEvidence && signal.level > level {
            level = signal.level
        }
        if level > .none, let top = signals.first(where: { $0.applies && $0.isEvidence && $0.level == level })
        {
            reasons.append("\(ruleID(top.rule.index)) sets \(level)")
        }

        // Emergency combinations.
        // A time counts when it comes with part of a plan, or as a short reply ("tonight")
        // read against the conversation; "my exam is tomorrow" later on is not a plan.
        let planHere = has(.plan) || has(.means) || has(.intent) || has(.farewell) || has(.harm)
        // A short reply is read as a bare time only when it says nothing calmer ("i feel a bit
        // calmer now", "my daughter's coming now") and does not ask ("what should i watch
        // tonight" after the bridge), and after an emergency reached with a time
        // only when it is no more than a time ("tonight"): "can we just talk now" is not a time to
        // act. After one reached without a time (the means held), a time is the plan's missing part.
        let bareTime =
            wordCount <= (state.emergencyTimed ? 2 : Self.shortTimeReply) && !has(.deescalate)
            && !has(.treated) && !opensWithQuestion
        let time = has(.time) && (planHere || bareTime)
        // A goodbye is part of a plan: with a time ("not coming back" on the bridge now) it is imminent.
        let planned = has(.plan) || has(.farewell) || state.plan
        let meansHeld = has(.means) || state.means
        let intended = has(.intent) || state.intent
        let timed = time || (state.time && (has(.plan) || has(.means) || has(.intent)))
        if (has(.act) && !actInCare) || has(.danger) {
            level = .emergency
            reasons.insert(
                "an act done or danger now (\(active.first { $0.rule.role == .act || $0.rule.role == .danger }.map { ruleID($0.rule.index) } ?? ""))",
                at: 0)
        }
        // "Tonight" right after saying yes to "are you thinking about ending your life?" is a time to act.
        let timeAfterYes = time && state.affirmedSafetyQuestion && wordCount <= Self.shortTimeReply
        if context && (timed && (intended || planned || meansHeld) || timeAfterYes) {
            if level < .emergency {
                reasons.insert("suicidal risk with intent/plan/means and a time", at: 0)
            }
            level = .emergency
            extraCategories.append(.suicide)
        }
        // The means ready and a goodbye in the same message: about to act, whatever the clock says.
        if context && has(.means) && has(.farewell) {
            if level < .emergency {
                reasons.insert("suicidal risk with the means ready and a goodbye", at: 0)
            }
            level = .emergency
            extraCategories.append(.suicide)
        }
        if has(.threat) && (has(.weapon) || time) {
            level = .emergency
            reasons.insert("a threat from another person with a weapon or now", at: 0)
        }
        if context && has(.unreachable) && !has(.farewell) {
            level = .emergency
            extraCategories.append(.suicide)
            reasons.insert("suicidal risk and the person cannot be reached", at: 0)
        }
        if has(.farewell) && has(.unreachable) {
            level = .emergency
            extraCategories.append(.suicide)
            reasons.insert("a farewell and the person cannot be reached", at: 0)
        }
        if has(.harm) && (time || has(.plan)) {
            level = .emergency
            extraCategories.append(.harmToOthers)
            reasons.insert("intent to harm someone with a plan or a time", at: 0)
        }

        // Treatment and de-escalation.
        let anotherPersonWasTheDanger = state.dangerIsAnotherPerson
        if has(.treated) && (state.untreatedAct || state.ongoingDanger) {
            state.untreatedAct = false
            state.ongoingDanger = false
            state.floor = min(state.floor, .crisis)
            reasons.append("being treated, or help has arrived: the emergency floor is lifted, risk stays")
        }
        let ownLevel = level
        state.lastTurnLevel = level
        state.lastStepsTaken = []
        // "He's gone" is a step only while another person is the danger now: after suicidal
        // talk it can mean the person is now alone, or worse; in a calm turn it is just news.
        var calmingSteps = false
        for signal in active where signal.rule.role == .deescalate {
            let step = StepTaken(ruleID: ruleID(signal.rule.index))
            if step == .dangerGone && !state.dangerIsAnotherPerson { continue }
            calmingSteps = true
            if let step, !state.lastStepsTaken.contains(step) { state.lastStepsTaken.append(step) }
        }
        let deescalated = calmingSteps && !has(.act) && level < .crisis
        // Danger in progress is resolved by being found safe, somewhere safe, the means put
        // away, feeling safe now, or (danger from another person) that person gone; help on
        // its way does not resolve it yet.
        if state.ongoingDanger && !has(.danger) && level < .emergency
            && state.lastStepsTaken.contains(where: Self.resolving.contains)
        {
            state.ongoingDanger = false
            state.floor = min(state.floor, .crisis)
            reasons.append("the danger has passed: the emergency floor is lifted, risk stays")
        }
        // Treated, helped or gone: once another person was the danger, their coming back is
        // danger again.
        if anotherPersonWasTheDanger && !state.ongoingDanger { state.dangerLeft = true }
        state.calmTurnsInARow =
            deescalated && !state.ongoingDanger && !state.untreatedAct
            ? state.calmTurnsInARow + 1
            : (level > .distress || state.ongoingDanger ? 0 : state.calmTurnsInARow)
        if deescalated && state.floor > .distress && !state.untreatedAct && !state.ongoingDanger {
            // Feeling calmer, being with someone, a change of subject: acknowledged, but suicidal
            // or self-harm risk disclosed in this conversation is not forgotten (the level stays
            // at crisis); other topics settle back to distress, though straight after an
            // emergency one calmer turn is not yet sustained safety (the floor stays at crisis).
            let sustained = !state.emergencySeen || state.calmTurnsInARow >= 2
            state.floor = state.suicidalContext || !sustained ? min(state.floor, .crisis) : .distress
            state.intent = false
            state.plan = false
            state.means = false
            state.time = false
            state.affirmedSafetyQuestion = false
            reasons.append(
                state.floor == .crisis
                    ? "de-escalation: acknowledged; suicidal risk in this conversation is remembered"
                    : "de-escalation: level lowered, risk remembered")
        }

        // A misreading put right ("not like that, i meant the relationship", "sorry wrong chat,
        // it's the film we're watching"): what the earlier turns were read as is set aside, unless
        // an act told is still untreated; the level follows what they say now, and new risk words
        // are read afresh. A danger read as happening now was the misreading itself (the rule
        // names the ordinary thing it was about), so it no longer holds the conversation at
        // emergency.
        let misread = active.contains {
            $0.rule.role == .deescalate && ruleID($0.rule.index) == "conversation.misread"
        }
        if misread && ownLevel < .crisis && !state.untreatedAct {
            state.ongoingDanger = false
            state.suicidalContext = false
            state.intent = false
            state.plan = false
            state.means = false
            state.time = false
            state.floor = min(state.floor, .distress)
            reasons.append("a misreading put right: the earlier reading is set aside")
        }

        // Categories and subject from this message.
        var categories: [RiskCategory] = []
        for signal in signals where signal.applies && signal.isEvidence && signal.level >= .distress {
            for category in signal.rule.categories where !categories.contains(category) {
                categories.append(category)
            }
        }
        for category in extraCategories where !categories.contains(category) { categories.append(category) }
        // Who is at risk: among the evidence, the signals that say who (not the markers of when or
        // with what, unless there are only markers), at their highest level; of those, the ones
        // whose subject was read most directly. (Loops over the signals, no arrays built.)
        func isEvidence(_ signal: CandidateSignal) -> Bool {
            signal.applies && signal.isEvidence && signal.level > .none
        }
        let bearerFound = signals.contains { isEvidence($0) && !Self.markerRoles.contains($0.rule.role) }
        func inPool(_ signal: CandidateSignal) -> Bool {
            isEvidence(signal) && (!bearerFound || !Self.markerRoles.contains(signal.rule.role))
        }
        var highest = RiskLevel.none
        for signal in signals where inPool(signal) && signal.level > highest { highest = signal.level }
        let poolLevel = highest
        func isStrongest(_ signal: CandidateSignal) -> Bool { inPool(signal) && signal.level == poolLevel }
        var strength = 0
        var strongestFound = false
        var strongestFromLayersOnly = true
        var methodBySpeaker = false
        for signal in signals where isStrongest(signal) {
            strongestFound = true
            strength = max(strength, signal.subjectStrength)
            if !(signal.rule.index < 0 && !signal.subjectExplicit) { strongestFromLayersOnly = false }
            if signal.rule.role == .method && signal.subject == .speaker { methodBySpeaker = true }
        }
        var speakerNamed = false
        var otherNamed = false
        for signal in signals where isStrongest(signal) && signal.subjectStrength == strength {
            if signal.subject == .speaker { speakerNamed = true }
            if signal.subject == .other { otherNamed = true }
        }
        // A method question is about the person asking unless it names someone else.
        if methodBySpeaker {
            speakerNamed = true
            otherNamed = false
        }
        // The statistical layers do not know who is at risk: where only they read the turn's
        // level, the lexicon's evidence that names someone says who ("my friend's on the phone,
        // she's standing on the edge at the station" is hers, not the writer's) — when it names
        // them more than once (one "his" can be whose pens they were) and it is not danger from
        // that person (then the writer is the one at risk).
        if strongestFound && strongestFromLayersOnly {
            var lexiconSpeaker = false
            var lexiconOther = 0
            for signal in signals where isEvidence(signal) && signal.rule.index >= 0 && signal.subjectExplicit
            {
                if signal.subject == .speaker { lexiconSpeaker = true }
                if signal.subject == .other { lexiconOther += 1 }
            }
            // A weapon, a threat or danger from someone (level none as markers, so read here
            // from every signal that applies) makes the named person the danger, not at risk.
            let dangerFromSomeone = signals.contains {
                $0.applies && $0.rule.index >= 0
                    && ($0.rule.categories.intersects(.dangerFromOthers)
                        || Self.dangerRoles.contains($0.rule.role))
            }
            if lexiconOther >= 2 && !lexiconSpeaker && !dangerFromSomeone {
                speakerNamed = false
                otherNamed = true
            }
        }
        // The people under 18 in this message and the conversation (the first named is
        // remembered when the conversation had none).
        var minorSpeaker = state.minorInvolved && state.minorSubject == .speaker
        var minorOther = state.minorInvolved && state.minorSubject == .other
        var minorNobody = state.minorInvolved && state.minorSubject == .nobody
        for signal in active where signal.rule.role == .minor {
            switch signal.subject {
            case .speaker: minorSpeaker = true
            case .other: minorOther = true
            case .nobody: minorNobody = true
            }
            if !state.minorInvolved {
                state.minorInvolved = true
                state.minorSubject = signal.subject
            }
        }
        let minors = (speaker: minorSpeaker, other: minorOther, nobody: minorNobody)
        func isMinor(_ subject: Subject) -> Bool {
            switch subject {
            case .speaker: minors.speaker
            case .other: minors.other
            case .nobody: minors.nobody
            }
        }

        // Conversation floor.
        var subject: Subject = speakerNamed ? .speaker : (otherNamed ? .other : .nobody)
        // Nothing that counts says who, but someone named cannot be reached ("she's at hers, i'm
        // not with her. she's not answering"): the risk is theirs, not the conversation's last.
        if subject == .nobody, active.contains(where: \.namesSomeoneElseUnreachable) { subject = .other }
        // A statistical layer's guess from pronouns ("my pal came round, she's staying over",
        // "they were kind") does not move who is at risk in a conversation that already knows:
        // only phrases the lexicon reads do.
        if state.subject != .nobody, strongestFound, strongestFromLayersOnly {
            subject = state.subject
        }
        if state.floor > level {
            reasons.append("conversation: earlier risk keeps this turn at \(state.floor)")
            level = state.floor
            if subject == .nobody { subject = state.subject }
            for category in state.categories where !categories.contains(category) {
                categories.append(category)
            }
        } else if state.floor >= .boundary && level >= .boundary {
            for category in state.categories where !categories.contains(category) {
                categories.append(category)
            }
        }
        if level == .none {
            categories = []
            subject = .nobody
        } else if subject == .nobody {
            subject = state.subject == .nobody ? .speaker : state.subject
        }
        // A child at risk: someone under 18 is the person the risk is about.
        if level >= .boundary && isMinor(subject) && !categories.contains(.childSafeguarding) {
            categories.append(.childSafeguarding)
        }
        categories.sort()

        // Remember.
        if level >= .crisis && (categories.contains(.suicide) || categories.contains(.selfHarm)) {
            state.suicidalContext = true
        }
        if state.suicidalContext {
            if has(.intent) { state.intent = true }
            if has(.plan) || has(.farewell) { state.plan = true }
            if has(.means) { state.means = true }
            if time { state.time = true }
        }
        if has(.act) && !actInCare { state.untreatedAct = true }
        if has(.danger) { state.ongoingDanger = true }
        if !deescalated || level > state.floor {
            // A question about medicines alone ("what's the most ibuprofen i can take in a
            // day?") is answered by where to ask; it is not a risk later turns are held at
            // ("cheers, i'll ask the pharmacist"). Its category is still remembered.
            let medicines = Assessment.isMedicineQuestionOnly(level: level, categories: categories)
            if level >= .boundary && level > state.floor && !(deescalated) && !medicines {
                // An emergency is a moment, not a state: later turns are read on their own
                // words with the risk remembered at crisis.
                state.floor = min(level, .crisis)
                state.subject = subject
            }
        }
        // The risk turns out to be the writer's own ("ok it's me. there's no friend"; "some days i
        // feel the same about myself"): who the remembered risk is about follows, even while an
        // earlier emergency holds the level (the act told about "a friend" is theirs).
        if speakerNamed && ownLevel >= .crisis && state.subject == .other {
            state.subject = .speaker
        }
        if ownLevel == .emergency {
            state.emergencySeen = true
            if timed || state.time { state.emergencyTimed = true }
            // The time has been answered with 999; a later bare time is read afresh.
            state.time = false
            if state.floor < .crisis { state.floor = .crisis }
        }
        if state.untreatedAct || state.ongoingDanger { state.floor = .emergency }
        if level >= .boundary || (level == .distress && !categories.isEmpty && state.floor <= .distress) {
            for category in categories where !state.categories.contains(category) {
                state.categories.append(category)
            }
            if state.subject == .nobody { state.subject = subject }
        }
        state.peak = max(state.peak, level)
        state.lastLevel = level
        if reasons.isEmpty { reasons.append(level == .none ? "no risk signals" : "signals at \(level)") }
        let settling = deescalated && state.peak >= .boundary
        // The new state is moved out, not copied (a copy retained each of its arrays, and the
        // decision's own was released later); the decision's state is not read after this.
        var decided = ConversationState()
        swap(&decided, &state)
        return (level, categories, subject, decided, settling)
    }
}
