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
    /// Turns before the full safety question is asked again (a shorter check is used between).
    public static let safetyQuestionEveryTurns = 4

    public init(directory: ServiceDirectory, framing: FramingTexts) {
        self.directory = directory
        self.framing = framing
        self.matcher = ReferralMatcher(directory: directory)
        self.framer = Framer(texts: framing)
    }

    /// Plan one turn. Call it for every user turn, in order (check-ins count turns).
    public func plan(
        for assessment: Assessment, userText: String, settings: PersonSettings, followUp: FollowUpState,
        now: Date, offers: SupportOffers = .none
    ) -> (plan: TurnPlan, followUp: FollowUpState) {
        var state = followUp
        state.turn += 1
        state.highestLevel = max(state.highestLevel, assessment.level)
        let level = assessment.level
        // A calmer turn or a change of subject with nothing risky in it: the level is the
        // conversation's memory of earlier risk, and the responder goes with the person (guided as
        // for distress).
        let settlingTurn = assessment.settling && !assessment.signals.contains { $0.level >= .boundary }
        var guidanceBasis = assessment
        if settlingTurn && level == .crisis { guidanceBasis.level = .distress }
        let guidance = self.guidance(for: guidanceBasis)
        var reasons = ["level \(level) → \(guidance.mode.rawValue) guidance"]
        var message: SafeguardMessage?
        var asks = false
        let seed = state.messagesComposed &+ Int(Framer.fingerprint(userText) % 7919)

        switch level {
        case .emergency:
            if let referral = matcher.referral(for: assessment, settings: settings, now: now) {
                let text = framer.emergency(referral, assessment: assessment, seed: seed)
                message = SafeguardMessage(
                    kind: .emergency, text: text, serviceIDs: referral.serviceIDs, referral: referral)
                reasons.append("emergency: 999 first; the responder is not used this turn")
                recordReferral(&state, referral: referral, assessment: assessment)
                state.messagesComposed += 1
            }
        case .crisis, .boundary:
            guard let referral = matcher.referral(for: assessment, settings: settings, now: now) else {
                break
            }
            let wanted = needsFullReferral(assessment, state: state)
            let full = wanted && state.lastFullReferralTurn != state.turn - 1
            if wanted && !full { reasons.append("full card held back: one was shown last turn") }
            let helping = assessment.subject == .other
            let questionDue =
                state.lastSafetyQuestionTurn.map { state.turn - $0 >= Self.safetyQuestionEveryTurns } ?? true
            // Crisis means suicidal thoughts, self-harm or method seeking whatever the topic, so the
            // person is asked directly (someone else at risk gets a question about them instead).
            // After a card, a settling turn gets a check-in when one is due, not the card again.
            let carried = settlingTurn && state.lastReferralTurn != nil
            asks = level == .crisis && !helping && !carried
            if carried {
                if let checkIn = dueCheckIn(&state, seed: seed) {
                    message = checkIn
                    reasons.append("risk remembered from earlier turns: a check-in, not the card again")
                } else {
                    reasons.append("risk remembered from earlier turns: nothing new to say this turn")
                }
            } else if full {
                let text = distinctFullReferral(
                    referral, assessment: assessment, userText: userText, offers: offers, asks: asks,
                    seed: seed,
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
                var brief = Array(referral.offers.prefix(2))
                // At crisis a text option always stands beside the phone ones: many people
                // cannot call.
                let texts = { (offer: ServiceOffer) in offer.channels.contains { $0.kind == .text } }
                if level >= .crisis, !brief.contains(where: texts),
                    let textOffer = referral.offers.first(where: texts)
                {
                    brief = Array(brief.prefix(1)) + [textOffer]
                }
                let fullQuestion = asks && questionDue
                let text = framer.brief(
                    services: brief, level: level, asksSafetyQuestion: asks, fullQuestion: fullQuestion,
                    helping: helping, seed: seed)
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
        let plan = TurnPlan(
            level: level, guidance: guidance, message: message, asksSafetyQuestion: asks, reasons: reasons)
        return (plan, state)
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

    func distinctFullReferral(
        _ referral: Referral, assessment: Assessment, userText: String, offers: SupportOffers, asks: Bool,
        seed: Int, state: inout FollowUpState
    ) -> String {
        var text = ""
        for attempt in 0..<6 {
            text = framer.fullReferral(
                referral, assessment: assessment, userText: userText, offers: offers,
                asksSafetyQuestion: asks,
                seed: seed &+ attempt)
            if Framer.fingerprint(text) != state.lastReferralFingerprint { break }
        }
        state.lastReferralFingerprint = Framer.fingerprint(text)
        return text
    }

    func recordReferral(_ state: inout FollowUpState, referral: Referral, assessment: Assessment) {
        state.lastReferralTurn = state.turn
        state.lastReferralLevel = assessment.level
        state.lastRiskMessageTurn = state.turn
        state.referredServiceIDs = referral.serviceIDs
        for category in assessment.categories where !state.referredCategories.contains(category) {
            state.referredCategories.append(category)
        }
        state.checkInTurn = state.turn + 1
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
        return SafeguardMessage(kind: .checkIn, text: framer.checkIn(soon: soon, seed: seed), serviceIDs: [])
    }

    func reminderDue(_ state: FollowUpState) -> Bool {
        if let last = state.lastReferralTurn, state.turn - last < Self.reminderEveryTurns { return false }
        guard let lastReminder = state.lastReminderTurn else { return true }
        return state.turn - lastReminder >= Self.reminderEveryTurns
    }
}
