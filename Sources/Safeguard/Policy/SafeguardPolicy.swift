import Foundation

/// Decides, for each assessed turn, how Waymark responds: the responder's guidance and the
/// safeguard's own message (framed referral, emergency steps, brief acknowledgement, check-in).
///
/// Pure: the clock is passed in, the conversation memory (`FollowUpState`) is passed in and
/// returned, and nothing is read from or written to disk.
public struct SafeguardPolicy: Sendable {
    public let directory: ServiceDirectory
    public let framing: FramingTexts
    public let matcher: ReferralMatcher
    public let framer: Framer

    /// Turns between the first check-in (on the first calmer turn after a risk message) and a
    /// second, later one.
    public static let checkInAfterTurns = 3
    /// Check-ins after one referral at most.
    public static let maxCheckIns = 2
    /// Turns after which a repeated risky turn gets the full card again.
    public static let refreshAfterTurns = 8
    /// Turns between quiet reminders at `distress`.
    public static let reminderEveryTurns = 8
    /// Turns of distress (or more) heard before the first quiet reminder.
    public static let reminderAfterDistressTurns = 3
    /// Turns before the full safety question is asked again (a shorter check is used between).
    public static let safetyQuestionEveryTurns = 4

    /// Place name → nation, for places the person says they live in.
    public let places: [String: Nation]

    public init(directory: ServiceDirectory, framing: FramingTexts, places: [String: Nation] = [:]) {
        self.directory = directory
        self.framing = framing
        self.places = places
        self.matcher = ReferralMatcher(directory: directory)
        self.framer = Framer(texts: framing)
    }

    /// Plan one turn. Call it for every user turn, in order (check-ins count turns).
    ///
    /// An emergency is a moment, not a state: the turn with emergency words gets 999 first and
    /// the responder waits; later turns are read on their own words (`Assessment.ownLevel`) with
    /// the risk remembered, the responder answers again (guided as at crisis), steps taken are
    /// acknowledged, and no message is shown twice word for word.
    public func plan(
        for assessment: Assessment, userText: String, settings: PersonSettings, followUp: FollowUpState,
        now: Date, offers: SupportOffers = .none
    ) -> (plan: TurnPlan, followUp: FollowUpState) {
        var state = followUp
        state.turn += 1
        let previousHighest = state.highestLevel
        if assessment.level >= .distress { state.distressTurns = (state.distressTurns ?? 0) + 1 }
        state.highestLevel = max(state.highestLevel, assessment.level)
        if framer.mayHaveTakenSomething(assessment) { state.actTold = true }
        let level = assessment.level
        let own = assessment.ownLevel
        // A calmer turn or a change of subject with nothing risky in it: the level is the
        // conversation's memory of earlier risk, and the responder goes with the person (guided as
        // for distress).
        // The statistical layer's reading alone does not outweigh a step taken ("i rang my
        // daughter, she's coming" reads like crisis to a model trained on templates).
        let lexiconRisk = assessment.signals.contains {
            $0.level >= .boundary && !Self.isLayerRule($0.rule)
        }
        let stepOutweighsModel = assessment.stepsTaken.contains(where: \.isAction)
        let settlingTurn =
            (assessment.settling || !assessment.stepsTaken.isEmpty) && !lexiconRisk
            && (stepOutweighsModel || !assessment.signals.contains { $0.level >= .boundary })
            && (assessment.turnLevel.map { $0 < .crisis } ?? true || stepOutweighsModel)
        let afterEmergency = state.lastEmergencyTurn != nil
        let justAfterEmergency = state.lastEmergencyTurn == state.turn - 1
        // More serious than anything before in this conversation: the full help, whatever was
        // shown last turn.
        // So is the writer's own risk after help framed for someone else ("my mum says she's a
        // burden", then "some days i feel the same about myself"): that card was for a helper.
        let nowTheirOwn =
            own >= .crisis && assessment.subject == .speaker && state.lastReferralSubject == .other
        let escalation = (own > previousHighest && own >= .boundary) || nowTheirOwn
        var guidanceBasis = assessment
        if settlingTurn && level == .crisis && !afterEmergency { guidanceBasis.level = .distress }
        var guidance = self.guidance(for: guidanceBasis)
        var reasons: [String] = []
        var message: SafeguardMessage?
        var asks = false
        let seed = state.messagesComposed &+ Int(Framer.fingerprint(userText) % 7919)
        let boundary =
            level == .crisis || level == .boundary
            ? methodBoundary(for: assessment, state: state, seed: seed) : nil

        switch level {
        case .emergency:
            guard let referral = matcher.referral(for: assessment, settings: settings, now: now) else {
                break
            }
            if own == .emergency || !afterEmergency {
                let again = afterEmergency
                state.helpOnTheWay = false
                let text = distinct(&state, seed: seed) { attempt in
                    framer.emergency(referral, assessment: assessment, again: again, seed: attempt)
                }
                message = SafeguardMessage(
                    kind: .emergency, text: text, serviceIDs: referral.serviceIDs, referral: referral)
                if again {
                    // Emergency words again (straight after or later): 999 again at once, in other
                    // words, and the responder stays with them: after the first emergency it is
                    // never silent again.
                    guidance = followOnGuidance(for: assessment, emergency: true)
                    reasons.append("emergency again: 999 first in new words; the responder stays with them")
                } else {
                    reasons.append("emergency: 999 first; the responder is not used this turn")
                }
            } else {
                // Carried: an act disclosed and not yet treated keeps the level at emergency, but
                // the 999 message is not repeated word for word and the responder answers.
                let steps = assessment.stepsTaken
                let helpComing =
                    state.helpOnTheWay
                    || steps.contains { [.reachedHelp, .company, .foundSafe].contains($0) }
                let actTold = state.actTold == true
                let text = distinct(&state, seed: seed) { attempt in
                    framer.emergencyFollowUp(
                        referral, assessment: assessment, steps: steps, helpComing: helpComing,
                        actTold: actTold, seed: attempt)
                }
                message = SafeguardMessage(
                    kind: .emergency, text: text, serviceIDs: Array(referral.serviceIDs.prefix(1)),
                    referral: referral)
                guidance = followOnGuidance(for: assessment, emergency: true)
                reasons.append("an act not yet treated: 999 urged again in new words; the responder answers")
            }
            recordReferral(&state, referral: referral, assessment: assessment)
            state.lastEmergencyTurn = state.turn
            state.messagesComposed += 1
        case .crisis where afterEmergency && !newTopic(assessment, state: state):
            guidance = followOnGuidance(for: assessment, emergency: false)
            let referral = matcher.referral(for: assessment, settings: settings, now: now)
            let services =
                referral.map { topicFirst($0, for: assessment, settings: settings, now: now) } ?? []
            if settlingTurn {
                let steps = assessment.stepsTaken
                let text = distinct(&state, seed: seed) { attempt in
                    framer.afterEmergency(
                        steps: steps, services: services, remind: justAfterEmergency, seed: attempt)
                }
                message = SafeguardMessage(kind: .checkIn, text: text, serviceIDs: services.map(\.serviceID))
                reasons.append(
                    "after an emergency: "
                        + (steps.isEmpty ? "calmer, acknowledged" : "steps taken acknowledged")
                        + "; the risk is remembered")
                state.lastRiskMessageTurn = state.turn
                state.checkInTurn = state.turn + Self.checkInAfterTurns
                state.checkInsSinceReferral = 0
                state.messagesComposed += 1
            } else if own >= .crisis, lexiconRisk, let referral {
                // New risk in their own words: a short reminder with services, no safety question
                // (the emergency has answered it).
                let brief = briefOffers(referral, level: level, userText: userText)
                let helping = assessment.subject == .other
                let text = distinct(&state, seed: seed) { attempt in
                    framer.brief(
                        services: brief, level: level, asksSafetyQuestion: false, helping: helping,
                        boundary: boundary, seed: attempt)
                }
                message = SafeguardMessage(
                    kind: .brief, text: text, serviceIDs: brief.map(\.serviceID), referral: referral)
                reasons.append("after an emergency, risk in this turn's words: a short reminder of help")
                state.lastRiskMessageTurn = state.turn
                state.checkInTurn = state.turn + 1
                state.checkInsSinceReferral = 0
                state.messagesComposed += 1
            } else if justAfterEmergency {
                let text = distinct(&state, seed: seed) { attempt in
                    framer.afterEmergency(steps: [], services: services, remind: true, seed: attempt)
                }
                message = SafeguardMessage(kind: .checkIn, text: text, serviceIDs: services.map(\.serviceID))
                reasons.append("after an emergency: still here, 999 still the call; the responder answers")
                state.messagesComposed += 1
            } else if let checkIn = dueCheckIn(&state, seed: seed) {
                message = checkIn
                reasons.append("after an emergency: a check-in; the risk is remembered")
            } else {
                reasons.append("after an emergency: the risk is remembered; the responder answers")
            }
        case .crisis, .boundary:
            guard let referral = matcher.referral(for: assessment, settings: settings, now: now) else {
                break
            }
            let wanted = needsFullReferral(assessment, state: state) || escalation
            let full = wanted && (state.lastFullReferralTurn != state.turn - 1 || escalation)
            if wanted && !full { reasons.append("full card held back: one was shown last turn") }
            if escalation && state.lastReferralTurn != nil {
                reasons.append(
                    nowTheirOwn
                        ? "their own risk after help framed for someone else: the full card, for them"
                        : "escalation: more serious than anything before, so the full card again")
            }
            let helping = assessment.subject == .other
            let questionDue =
                state.lastSafetyQuestionTurn.map { state.turn - $0 >= Self.safetyQuestionEveryTurns } ?? true
            // Crisis means suicidal thoughts, self-harm or method seeking whatever the topic, so the
            // person is asked directly (someone else at risk gets a question about them instead),
            // unless their own words have already answered it ("i want to kill myself").
            // After a card, a settling turn gets a check-in when one is due, not the card again.
            // A turn the conversation alone holds at this level, whose own words carry no risk
            // ("we're going to watch a film and i'll go to bed after", "just curious, saw it on
            // the news"), is not given the brief either: that answers ordinary words with "that
            // sounds really hard" and the services again, which reads like talking to a wall. At
            // crisis it gets one line naming one service; at boundary a check-in when one is due.
            // Not where the turn may still be about the risk: a question (about a service, about
            // how to help), an answer to the safety question just asked, words a negation or
            // history lowered ("i'm not going to do anything tonight"), or help framed for
            // someone else (the helper's next words are about them).
            let heldOnly =
                own == .none && !lexiconRisk && !escalation && !helping && !userText.contains("?")
                && state.lastSafetyQuestionTurn != state.turn - 1
                && !assessment.signals.contains { $0.baseLevel >= .boundary }
            let carried = (settlingTurn || heldOnly) && state.lastReferralTurn != nil
            let answered = framer.answersSafetyQuestion(assessment)
            // Told in an earlier turn: asking again whether they are thinking of ending their life
            // would say they were not heard; a later question asks about acting on the thoughts.
            let toldBefore = state.thoughtsTold == true
            if answered && level == .crisis && !helping {
                reasons.append("their words answer the safety question")
                state.thoughtsTold = true
            }
            // After an emergency the question has been answered.
            asks = level == .crisis && !helping && !carried && !answered && !afterEmergency
            if asks && toldBefore {
                reasons.append("thoughts told earlier: asks about acting on them instead")
            }
            if carried && !assessment.stepsTaken.isEmpty && justAfterRisk(state) {
                // A step taken or calmer words right after a risk message: acknowledged, not
                // answered with "how are you feeling?" (they have just said).
                let steps = assessment.stepsTaken
                let services = Array(referral.offers.prefix(1))
                let text = distinct(&state, seed: seed) { attempt in
                    framer.acknowledgeStep(steps: steps, services: services, seed: attempt)
                }
                message = SafeguardMessage(kind: .checkIn, text: text, serviceIDs: services.map(\.serviceID))
                reasons.append("a step towards safety acknowledged; the risk is remembered")
                state.checkInTurn = state.turn + Self.checkInAfterTurns
                state.checkInsSinceReferral += 1
            } else if carried && heldOnly && !settlingTurn && level == .crisis {
                // Nothing new in their words, risk remembered: one service named in a line, no
                // question and no feelings assumed; the responder answers. (Every turn at crisis
                // still names a way to reach help.)
                let services = Array(briefOffers(referral, level: level, userText: userText).prefix(1))
                let text = distinct(&state, seed: seed) { attempt in
                    framer.acknowledgeStep(steps: [], services: services, seed: attempt)
                }
                message = SafeguardMessage(
                    kind: .brief, text: text, serviceIDs: services.map(\.serviceID), referral: referral)
                reasons.append(
                    "risk remembered, nothing new in this turn's words: one service named, no question")
            } else if carried {
                if let checkIn = dueCheckIn(&state, seed: seed) {
                    message = checkIn
                    reasons.append("risk remembered from earlier turns: a check-in, not the card again")
                } else {
                    reasons.append("risk remembered from earlier turns: nothing new to say this turn")
                }
            } else if full {
                let text = distinctFullReferral(
                    referral, assessment: assessment, userText: userText, offers: offers, asks: asks,
                    thoughtsTold: toldBefore, boundary: boundary, seed: seed,
                    state: &state)
                message = SafeguardMessage(
                    kind: .fullReferral, text: text, serviceIDs: referral.serviceIDs, referral: referral)
                reasons.append(
                    "full referral: first step \(referral.firstStep.serviceID)"
                        + (referral.firstStep.isOpenNow == true ? " (open now)" : ""))
                recordReferral(&state, referral: referral, assessment: assessment)
                state.lastFullReferralTurn = state.turn
                if asks { state.lastSafetyQuestionTurn = state.turn }
            } else if level == .boundary, !wanted, let checkIn = dueCheckIn(&state, seed: seed) {
                message = checkIn
                reasons.append("check-in instead of repeating the card")
            } else {
                let brief = briefOffers(referral, level: level, userText: userText)
                let fullQuestion = asks && questionDue
                let text = distinct(&state, seed: seed) { attempt in
                    framer.brief(
                        services: brief, level: level, asksSafetyQuestion: asks, fullQuestion: fullQuestion,
                        thoughtsTold: toldBefore, helping: helping, boundary: boundary, seed: attempt)
                }
                message = SafeguardMessage(
                    kind: .brief, text: text, serviceIDs: brief.map(\.serviceID), referral: referral)
                reasons.append(
                    "brief acknowledgement: the card was shown at turn \(state.lastReferralTurn ?? 0)")
                state.lastRiskMessageTurn = state.turn
                state.checkInTurn = state.turn + 1
                state.checkInsSinceReferral = 0
                if fullQuestion { state.lastSafetyQuestionTurn = state.turn }
            }
            if asks { reasons.append("asks about safety") }
            state.messagesComposed += 1
        case .distress:
            if let checkIn = dueCheckIn(&state, seed: seed) {
                message = checkIn
                reasons.append("check-in after an earlier referral")
            } else if reminderDue(state) {
                let services = matcher.reminder(settings: settings, now: now)
                if !services.isEmpty {
                    message = SafeguardMessage(
                        kind: .quietReminder, text: framer.reminder(services: services, seed: seed),
                        serviceIDs: services.map(\.serviceID))
                    state.lastReminderTurn = state.turn
                    state.messagesComposed += 1
                    reasons.append("quiet reminder of where help is")
                }
            }
        case .none:
            if let checkIn = dueCheckIn(&state, seed: seed) {
                message = checkIn
                reasons.append("check-in after an earlier referral")
            }
        }
        // Never a check-in twice in a row: straight after one, a calmer turn is the responder's
        // to answer (a second support message reads like talking to a wall; help stays on screen).
        if message?.kind == .checkIn {
            if state.lastCheckInTurn == state.turn - 1 {
                message = nil
                reasons.append("no check-in twice in a row: the responder answers")
            } else {
                state.lastCheckInTurn = state.turn
            }
        }
        if afterEmergency || level == .emergency,
            assessment.stepsTaken.contains(where: { [.reachedHelp, .company, .foundSafe].contains($0) })
        {
            state.helpOnTheWay = true
        }
        // One question per turn: when the support message asks one, the reply does not.
        if message?.text.contains("?") == true, guidance.mode != .withheld {
            let extra = framing.variants("guidance.questionAsked")
            guidance.instructions += extra.filter { !guidance.instructions.contains($0) }
        }
        if let text = message?.text, !state.hasShown(text) { state.recordShown(text) }
        if let boundary, noteMethodBoundary(boundary, in: message, state: &state) {
            guidance = methodGuidance(guidance)
            reasons.append(
                "a \(boundary.kind.rawValue) method request: the boundary named"
                    + (boundary.again ? " again" : ""))
        }
        reasons.insert("level \(level) → \(guidance.mode.rawValue) guidance", at: 0)
        let plan = TurnPlan(
            level: level, guidance: guidance, message: message, asksSafetyQuestion: asks, reasons: reasons)
        return (plan, state)
    }

    /// The person's settings after a message that may say their age or where they live
    /// ("i'm 14", "back home in Cardiff"), and a note for the inspector when they changed.
    public func settings(after text: String, current: PersonSettings) -> (
        settings: PersonSettings, note: String?
    ) {
        let said = PersonMentions.read(text, places: places)
        var updated = current
        var changes: [String] = []
        if let nation = said.nation, nation != current.nation {
            updated.nation = nation
            changes.append("nation \(nation.rawValue) (“\(said.place ?? nation.displayName)”)")
        }
        if let band = said.ageBand, band != current.ageBand {
            updated.ageBand = band
            changes.append("age band \(band.rawValue) (said \(said.age ?? 0))")
        }
        guard !changes.isEmpty else { return (current, nil) }
        return (updated, "routing now: " + changes.joined(separator: ", ") + ", said in the conversation")
    }

    /// The guidance for the responder for a turn.
    public func guidance(for assessment: Assessment) -> ResponderGuidance {
        let mode: ResponderGuidance.Mode =
            switch assessment.level {
            case .none: .normal
            case .distress: .supportive
            case .boundary: .guided
            case .crisis: .strict
            case .emergency: .withheld
            }
        var instructions = framing.variants("guidance.\(assessment.level.rawValue)")
        if assessment.level >= .distress {
            for category in assessment.categories {
                instructions += framing.variants("guidance.category.\(category.rawValue)")
            }
            if assessment.subject == .other {
                instructions += framing.variants("guidance.subject.other")
            }
        }
        var seen: Set<String> = []
        instructions = instructions.filter { seen.insert($0).inserted }
        return ResponderGuidance(
            mode: mode, level: assessment.level, categories: assessment.categories, instructions: instructions
        )
    }

    /// Guidance for a turn after an emergency: the responder answers, guided as at crisis, with
    /// what fits the moment (a step taken, an act still untreated).
    func followOnGuidance(for assessment: Assessment, emergency: Bool) -> ResponderGuidance {
        var basis = assessment
        basis.level = .crisis
        var guidance = self.guidance(for: basis)
        guidance.level = assessment.level
        var extra = framing.variants(emergency ? "guidance.emergencyFollowUp" : "guidance.afterEmergency")
        if !assessment.stepsTaken.isEmpty { extra += framing.variants("guidance.stepTaken") }
        guidance.instructions = extra + guidance.instructions.filter { !extra.contains($0) }
        return guidance
    }

    /// A configured output guard for a turn's plan: a refusal in the reply is replaced by the
    /// plan's referral (or, with none, by a short invitation and where help is).
    public func outputGuard(rules: GuardRules, for plan: TurnPlan, settings: PersonSettings, now: Date)
        -> OutputGuard
    {
        let reminder = matcher.reminder(settings: settings, now: now)
        let ukHelp = framer.ukHelp(services: reminder)
        let referralText: String
        if let message = plan.message, message.kind == .fullReferral || message.kind == .brief {
            // The card is already shown beside the reply; keep the replacement short.
            referralText = framer.brief(
                services: Array((message.referral?.offers ?? reminder).prefix(2)),
                level: max(plan.level, .boundary),
                asksSafetyQuestion: false, seed: 0)
        } else {
            referralText = framer.brief(
                services: reminder, level: .boundary, asksSafetyQuestion: false, seed: 1)
        }
        return OutputGuard(
            rules: rules, directory: directory, refusalReplacement: referralText, ukHelp: ukHelp)
    }

    // MARK: - Memory

    func needsFullReferral(_ assessment: Assessment, state: FollowUpState) -> Bool {
        guard let last = state.lastReferralTurn, let lastLevel = state.lastReferralLevel else { return true }
        if state.turn - last >= Self.refreshAfterTurns { return true }
        if assessment.level > lastLevel, lastLevel < .crisis { return true }
        // A new topic (beyond suicide and self-harm) gets its own service.
        let topics = assessment.categories.filter { ![.suicide, .selfHarm].contains($0) }
        return topics.contains { !state.referredCategories.contains($0) }
    }

    /// The one service to name beside 999 after an emergency: the topic's own (a domestic abuse
    /// helpline after danger from a partner) when the referral has one, else its first step.
    func topicFirst(_ referral: Referral, for assessment: Assessment, settings: PersonSettings, now: Date)
        -> [ServiceOffer]
    {
        let fromOthers: [RiskCategory] = [.childSafeguarding, .sexualViolence, .abuse]
        guard let topic = fromOthers.first(where: assessment.categories.contains) else {
            return [referral.firstStep]
        }
        let topical = Assessment(level: .boundary, categories: [topic], subject: .speaker)
        return [matcher.referral(for: topical, settings: settings, now: now)?.firstStep ?? referral.firstStep]
    }

    /// A statistical layer's evidence (the n-gram model's, the encoder's): a reading of the whole
    /// message, which for the encoder includes the two turns before it.
    static func isLayerRule(_ rule: String) -> Bool {
        rule.hasPrefix("model.") || rule.hasPrefix("encoder.")
    }

    /// Whether the last risk message (card, brief or emergency) was on the previous turn.
    func justAfterRisk(_ state: FollowUpState) -> Bool {
        state.lastRiskMessageTurn.map { state.turn - $0 <= 1 } ?? false
    }

    /// A topic the full card has not covered yet (beyond suicide and self-harm).
    func newTopic(_ assessment: Assessment, state: FollowUpState) -> Bool {
        let topics = assessment.categories.filter { ![.suicide, .selfHarm].contains($0) }
        return topics.contains { !state.referredCategories.contains($0) }
    }

    /// Up to two services for a short reminder; a service the person asks about by name or
    /// number ("is that 111 thing free from a mobile?") first; at crisis a text option always
    /// stands beside the phone ones (many people cannot call).
    func briefOffers(_ referral: Referral, level: RiskLevel, userText: String = "") -> [ServiceOffer] {
        var brief = Array(referral.offers.prefix(2))
        let words = PersonMentions.words(of: userText)
        if !words.isEmpty, let asked = referral.offers.first(where: { $0.isNamed(in: words) }),
            !brief.contains(asked)
        {
            brief = [asked] + brief.prefix(1)
        }
        let texts = { (offer: ServiceOffer) in offer.channels.contains { $0.kind == .text } }
        if level >= .crisis, !brief.contains(where: texts),
            let textOffer = referral.offers.first(where: texts)
        {
            brief = Array(brief.prefix(1)) + [textOffer]
        }
        return brief
    }

    /// The first of the wordings on the next seeds (up to 32) that has not been shown in this
    /// conversation.
    func distinct(_ state: inout FollowUpState, seed: Int, compose: (Int) -> String) -> String {
        var text = compose(seed)
        for attempt in 1..<32 where state.hasShown(text) {
            text = compose(seed &+ attempt)
        }
        return text
    }

    func distinctFullReferral(
        _ referral: Referral, assessment: Assessment, userText: String, offers: SupportOffers, asks: Bool,
        thoughtsTold: Bool = false, boundary: MethodBoundary? = nil, seed: Int, state: inout FollowUpState
    ) -> String {
        var text = ""
        for attempt in 0..<6 {
            text = framer.fullReferral(
                referral, assessment: assessment, userText: userText, offers: offers,
                asksSafetyQuestion: asks, thoughtsTold: thoughtsTold, boundary: boundary,
                seed: seed &+ attempt)
            if Framer.fingerprint(text) != state.lastReferralFingerprint && !state.hasShown(text) { break }
        }
        state.lastReferralFingerprint = Framer.fingerprint(text)
        return text
    }

    func recordReferral(_ state: inout FollowUpState, referral: Referral, assessment: Assessment) {
        state.lastReferralTurn = state.turn
        state.lastReferralLevel = assessment.level
        state.lastReferralSubject = assessment.subject
        state.lastRiskMessageTurn = state.turn
        state.referredServiceIDs = referral.serviceIDs
        for category in assessment.categories where !state.referredCategories.contains(category) {
            state.referredCategories.append(category)
        }
        // After a question about medicines alone, the card said where to ask: no "how are you
        // feeling now?" follows (it would read as if they had told of a crisis).
        let medicines = Assessment.isMedicineQuestionOnly(
            level: assessment.level, categories: assessment.categories)
        state.checkInTurn = medicines ? nil : state.turn + 1
        state.checkInsSinceReferral = 0
    }

    /// A check-in on the first calmer turn after a risk message, and once more a few turns later.
    func dueCheckIn(_ state: inout FollowUpState, seed: Int) -> SafeguardMessage? {
        guard let due = state.checkInTurn, state.turn >= due else { return nil }
        let soon = state.lastRiskMessageTurn.map { state.turn - $0 <= 1 } ?? false
        state.checkInsSinceReferral += 1
        state.checkInTurn =
            state.checkInsSinceReferral < Self.maxCheckIns ? state.turn + Self.checkInAfterTurns : nil
        state.messagesComposed += 1
        let text = distinct(&state, seed: seed) { framer.checkIn(soon: soon, seed: $0) }
        return SafeguardMessage(kind: .checkIn, text: text, serviceIDs: [])
    }

    func reminderDue(_ state: FollowUpState) -> Bool {
        // Signposting at plain distress is rare and light (constant signposting put people off
        // in the interviews behind this product): not before distress has been heard on a few
        // turns; the help strip and F2 always show where help is.
        guard (state.distressTurns ?? 0) >= Self.reminderAfterDistressTurns else { return false }
        if let last = state.lastReferralTurn, state.turn - last < Self.reminderEveryTurns { return false }
        guard let lastReminder = state.lastReminderTurn else { return true }
        return state.turn - lastReminder >= Self.reminderEveryTurns
    }
}
