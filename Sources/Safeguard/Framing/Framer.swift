import Foundation

/// Composes Waymark's own messages (referrals, emergency steps, check-ins) from reviewed texts.
///
/// Choice among variants is deterministic: it depends on a `seed` the caller advances, so the
/// same conversation always reads the same, yet consecutive messages differ.
public struct Framer: Sendable {
    public let texts: FramingTexts

    public init(texts: FramingTexts) {
        self.texts = texts
    }

    /// The full card for `crisis` or `boundary`: acknowledge, validate, be honest about what
    /// Waymark is, the first step, the alternatives, the safety question, offers, and an
    /// invitation to keep talking (always last). With a method `boundary`, the boundary named
    /// (what was asked, that Waymark won't give it, and why) takes the place of the
    /// acknowledgement, validation and honesty paragraphs.
    public func fullReferral(
        _ referral: Referral, assessment: Assessment, userText: String, offers: SupportOffers,
        asksSafetyQuestion: Bool, thoughtsTold: Bool = false, boundary: MethodBoundary? = nil, seed: Int
    ) -> String {
        let crisis = assessment.level >= .crisis
        let helping = assessment.subject == .other
        // Paragraphs: what was heard; what Waymark is; where to go now; the question and offers.
        var heard: [String] = [acknowledgement(assessment: assessment, userText: userText, seed: seed)]
        heard.append(
            pick(helping ? "validate.other" : (crisis ? "validate.crisis" : "validate.boundary"), seed))
        var honesty = pick(helping ? "honesty.other" : (crisis ? "honesty.crisis" : "honesty.boundary"), seed)
        if let boundary {
            heard = [boundary.text]
            honesty = ""
        }
        let specialist = referral.firstStep.topics.contains { assessment.categories.contains($0) }
        let firstPart =
            helping
            ? "firstStep.other"
            : (crisis
                ? "firstStep.crisis" : (specialist ? "firstStep.boundary" : "firstStep.boundaryGeneral"))
        var services = [fill(pick(firstPart, seed), offerValues(referral.firstStep))]
        if !referral.alternatives.isEmpty {
            services.append(
                fill(pick("alternatives", seed), ["alternatives": listText(referral.alternatives)]))
        }
        var closing: [String] = []
        if helping, crisis {
            closing.append(pick("safety.other", seed))
        }
        if asksSafetyQuestion {
            closing.append(
                boundary.map { methodSafetyQuestion($0, full: true, seed: seed) }
                    ?? pick(thoughtsTold ? "safety.told" : "safety.question", seed))
        }
        if let boundary, boundary.kind == .pretext || boundary.kind == .thirdPerson {
            // What Waymark can do instead, rather than offers that assume how they feel.
            closing.append(methodOffer(boundary, seed: seed))
        } else {
            closing += offerSentences(offers, seed: seed)
        }
        // One question per message: after a safety question the invitation is not another one.
        closing.append(pick("continue", seed, statementOnly: asksSafetyQuestion || (helping && crisis)))
        return paragraphs([heard, [honesty], services, closing])
    }

    /// What an emergency is about, for the practical step that fits.
    public enum EmergencySituation: String, Sendable, Equatable {
        /// Someone else is at risk: the person is helping them.
        case helping
        /// The person is in danger from someone else.
        case danger
        /// The same out in public (followed, chased): somewhere busy and staffed, not a room
        /// that locks.
        case dangerInPublic
        /// Something has been taken or done (an overdose, an injury).
        case taken
        /// About to act, nothing done yet: the means can still be put out of reach.
        case aboutToAct
    }

    /// The situation an emergency assessment describes; `actTold` when an earlier turn said
    /// something was taken or done (a later "the ambulance is on its way" is still after an act).
    public func situation(of assessment: Assessment, actTold: Bool = false) -> EmergencySituation {
        if assessment.subject == .other { return .helping }
        if mayHaveTakenSomething(assessment) { return .taken }
        let fromOthers: [RiskCategory] = [.abuse, .sexualViolence, .childSafeguarding]
        // This turn's own emergency words decide (suicide may be remembered from someone else).
        let urgent = assessment.signals.filter { $0.level >= .emergency && $0.subject != .other }
        if urgent.contains(where: { $0.category.map(fromOthers.contains) == true }) {
            let outside = urgent.contains { texts.rule($0.rule, isIn: "inPublic") }
            return outside ? .dangerInPublic : .danger
        }
        let suicidal = assessment.categories.contains(.suicide) || assessment.categories.contains(.selfHarm)
        if !suicidal, assessment.categories.contains(where: fromOthers.contains) { return .danger }
        return actTold ? .taken : .aboutToAct
    }

    /// The short message at `emergency`: what to do now (999 first), the practical step that
    /// fits the situation, whether anyone is with them, then "I'm still here". `again` when an
    /// emergency message was shown earlier in the conversation (the lead is worded afresh).
    public func emergency(_ referral: Referral, assessment: Assessment, again: Bool = false, seed: Int)
        -> String
    {
        let situation = situation(of: assessment)
        let suffix = Self.partSuffix(situation)
        var lead = again ? pick("emergency.again.lead\(suffix)", seed) : ""
        if lead.isEmpty { lead = pick("emergency.lead\(suffix)", seed) }
        var now: [String] = [lead]
        if let silent = referral.firstStep.channels.first(where: { $0.kind == .silentCall }) {
            now.append(silent.action + ".")
        }
        switch situation {
        case .taken: now.append(pick("emergency.taken", seed))
        case .aboutToAct: now.append(pick("emergency.meansAway", seed))
        case .danger: now.append(pick("emergency.safePlace", seed))
        case .dangerInPublic: now.append(pick("emergency.safePlace.public", seed))
        case .helping: break
        }
        var meanwhile = [pick(emergencyPart("emergency.notAlone", situation), seed)]
        meanwhile.append(pick("emergency.boundary\(suffix)", seed))
        let others = referral.alternatives.filter { $0.serviceID != "a_and_e" }
        // Out in public the danger is usually strangers: the abuse topic's next service (a
        // helpline for abuse by a partner or family) does not fit, and 999 is the whole step.
        if situation != .dangerInPublic, let next = others.first {
            meanwhile.append(fill(pick("emergency.also", seed), ["service": next.summary]))
        }
        let stay = pick("emergency.stay\(suffix)", seed)
        return paragraphs([now, meanwhile, [stay]])
    }

    /// A later turn while an act is still untreated: 999 urged again, in other words, with any
    /// step they took acknowledged first.
    /// `helpComing` once they have said help is on the way: what to do while waiting instead.
    public func emergencyFollowUp(
        _ referral: Referral, assessment: Assessment, steps: [StepTaken], helpComing: Bool = false,
        actTold: Bool = false, seed: Int
    ) -> String {
        let situation = situation(of: assessment, actTold: actTold)
        let suffix = Self.partSuffix(situation)
        var sentences: [String] = []
        if let step = steps.first(where: \.isAction) ?? steps.first {
            sentences.append(pick("afterEmergency.step.\(step.rawValue)", seed))
        }
        let part = emergencyPart(helpComing ? "emergency.waiting" : "emergency.followUp", situation)
        sentences.append(pick(part, seed))
        if situation == .danger || situation == .dangerInPublic, !helpComing,
            let silent = referral.firstStep.channels.first(where: { $0.kind == .silentCall })
        {
            sentences.append(silent.action + ".")
        }
        // With pools of three, successive seeds give nine different messages instead of three in
        // lockstep, so a long emergency (four or more follow-ups) never repeats one word for word.
        sentences.append(pick("emergency.stay" + suffix, nextDigit(seed, after: part)))
        return join(sentences)
    }

    /// The message on a turn after an emergency with nothing new of its own: what they did
    /// acknowledged (a step, feeling calmer), and when `remind`, that 999 and one service are
    /// still there. Carries no question: the responder's reply asks, if anything.
    public func afterEmergency(steps: [StepTaken], services: [ServiceOffer], remind: Bool, seed: Int)
        -> String
    {
        var sentences: [String] = []
        if let step = steps.first(where: \.isAction) ?? steps.first {
            sentences.append(pick("afterEmergency.step.\(step.rawValue)", seed))
        } else {
            sentences.append(pick("afterEmergency.still", seed))
        }
        if remind || steps.contains(where: \.isAction) {
            let service = services.first.map { "\($0.name) (\($0.howToReach))" } ?? ""
            let part = service.isEmpty ? "afterEmergency.remind999" : "afterEmergency.remind"
            sentences.append(fill(pick(part, seed), ["service": service]))
        }
        sentences.append(pick("afterEmergency.stay", seed))
        return join(sentences)
    }

    /// A step towards safety acknowledged on a calmer turn after a referral (no emergency):
    /// what they did, then that one service is still there. Carries no question.
    public func acknowledgeStep(steps: [StepTaken], services: [ServiceOffer], seed: Int) -> String {
        var sentences: [String] = []
        if let step = steps.first(where: \.isAction) ?? steps.first {
            sentences.append(pick("afterEmergency.step.\(step.rawValue)", seed))
        }
        if let service = services.first {
            sentences.append(
                fill(pick("afterCalm.remind", seed), ["service": "\(service.name) (\(service.howToReach))"]))
        }
        // Nine one-line messages, not three in lockstep: a long run of held turns does not repeat.
        sentences.append(pick("afterEmergency.stay", nextDigit(seed, after: "afterCalm.remind")))
        return join(sentences)
    }

    /// Whether the person's own words already answer "are you thinking about ending your life?"
    /// (said plainly, about themselves, not lowered by context).
    public func answersSafetyQuestion(_ assessment: Assessment) -> Bool {
        assessment.signals.contains { signal in
            signal.subject != .other && signal.level >= .crisis && signal.modifiers.isEmpty
                && texts.rule(signal.rule, isIn: "answersSafetyQuestion")
        }
    }

    /// A line of the emergency message for the situation: out in public its `.public` wording
    /// where the framing has one, else the danger wording (`partSuffix`).
    func emergencyPart(_ line: String, _ situation: EmergencySituation) -> String {
        if situation == .dangerInPublic, !texts.variants(line + ".public").isEmpty { return line + ".public" }
        // Waiting for help before anything is taken: no "show them what you took".
        if situation == .aboutToAct, line == "emergency.waiting" { return line + ".beforeActing" }
        return line + Self.partSuffix(situation)
    }

    static func partSuffix(_ situation: EmergencySituation) -> String {
        switch situation {
        case .helping: ".other"
        case .danger, .dangerInPublic: ".danger"
        case .taken, .aboutToAct: ""
        }
    }

    /// A short acknowledgement for a risky turn after a referral was already shown. At
    /// `crisis` it can carry a safety check: the full question, or a shorter one (both worded
    /// so that "yes" means risk), or, when someone else is at risk, a question about them.
    /// With a method `boundary`, the boundary named opens it and the services follow.
    public func brief(
        services: [ServiceOffer], level: RiskLevel, asksSafetyQuestion: Bool, fullQuestion: Bool = true,
        thoughtsTold: Bool = false, helping: Bool = false, boundary: MethodBoundary? = nil, seed: Int
    ) -> String {
        let lead = level >= .crisis ? "brief.crisis" : "brief.boundary"
        var sentences = [fill(pick(lead, seed), ["services": shortList(services)])]
        if let boundary {
            sentences = [
                boundary.text,
                fill(pick("boundary.method.services", seed), ["services": shortList(services)]),
            ]
        }
        // Each later part on the seed's next digit: a long run of briefs does not come round to
        // one already shown.
        var digit = nextDigit(seed, after: lead)
        var asked = false
        if helping, level >= .crisis {
            sentences.append(pick("safety.other", digit))
            digit = nextDigit(digit, after: "safety.other")
            asked = true
        } else if asksSafetyQuestion {
            sentences.append(
                boundary.map { methodSafetyQuestion($0, full: fullQuestion, seed: seed) }
                    ?? pick(
                        thoughtsTold ? "safety.told" : (fullQuestion ? "safety.question" : "safety.brief"),
                        seed))
            asked = true
        }
        sentences.append(pick("continue", digit, statementOnly: asked))
        return join(sentences)
    }

    /// A gentle check-in after a referral; `soon` when it directly follows it.
    public func checkIn(soon: Bool = false, seed: Int) -> String {
        let part = soon && !texts.variants("checkIn.soon").isEmpty ? "checkIn.soon" : "checkIn"
        return pick(part, seed)
    }

    /// A quiet line on where help is, for `distress`.
    public func reminder(services: [ServiceOffer], seed: Int) -> String {
        fill(pick("reminder", seed), ["services": shortList(services)])
    }

    /// A sentence naming UK services, to replace a non-UK number in a reply.
    public func ukHelp(services: [ServiceOffer]) -> String {
        fill(pick("ukHelp", 0), ["services": shortList(services)])
    }

    // MARK: - Parts

    func acknowledgement(assessment: Assessment, userText: String, seed: Int) -> String {
        if let quote = quotablePhrase(assessment: assessment, userText: userText),
            !texts.variants("acknowledge.quote").isEmpty
        {
            return fill(pick("acknowledge.quote", seed), ["quote": quote])
        }
        if assessment.subject == .other, !texts.variants("acknowledge.other").isEmpty {
            return pick("acknowledge.other", seed)
        }
        for category in ReferralMatcher.topicPriority where assessment.categories.contains(category) {
            let part = "acknowledge.\(category.rawValue)"
            if !texts.variants(part).isEmpty { return pick(part, seed) }
        }
        return pick("acknowledge.general", seed)
    }

    /// A short phrase of the person's own that is safe to quote back, if there is one.
    public func quotablePhrase(assessment: Assessment, userText: String) -> String? {
        let candidates =
            assessment.signals
            .filter { $0.subject != .other && $0.level >= .distress }
            .filter { signal in
                let rule = signal.rule.lowercased()
                return !texts.quoteAvoidRulePrefixes.contains { rule.hasPrefix($0.lowercased()) }
            }
            .sorted { $0.level > $1.level }
            .map(\.text)
        for candidate in candidates where isSafeToQuote(candidate) {
            return candidate.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return nil
    }

    func isSafeToQuote(_ phrase: String) -> Bool {
        let trimmed = phrase.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count >= 3, trimmed.count <= 60 else { return false }
        let words = trimmed.split(whereSeparator: { $0 == " " })
        guard words.count <= 8 else { return false }
        for scalar in trimmed.unicodeScalars {
            if CharacterSet.decimalDigits.contains(scalar) { return false }
            if CharacterSet.controlCharacters.contains(scalar) { return false }
            if scalar == "\"" || scalar == "“" || scalar == "”" || scalar == "{" || scalar == "}" {
                return false
            }
        }
        let lower = trimmed.lowercased()
        let sequence = lower.split(whereSeparator: { !$0.isLetter && $0 != "'" }).map(String.init)
        // Whole phrases only: "put cameras in my" is a fragment.
        let edges = Set(texts.quoteAvoidEdgeWords.map { $0.lowercased() })
        if let first = sequence.first, let last = sequence.last, edges.contains(first) || edges.contains(last)
        {
            return false
        }
        let tokens = Set(sequence)
        for word in texts.quoteAvoidWords {
            let w = word.lowercased()
            if w.contains(" ") {
                if lower.contains(w) { return false }
            } else if tokens.contains(w) {
                return false
            }
        }
        return true
    }

    func offerSentences(_ offers: SupportOffers, seed: Int) -> [String] {
        var sentences: [String] = []
        if offers.contains(.safetyPlan) { sentences.append(pick("offer.safetyPlan", seed)) }
        if offers.contains(.grounding) { sentences.append(pick("offer.grounding", seed)) }
        return sentences
    }

    /// Whether a signal says something has been taken or done (rule group `taken`).
    func mayHaveTakenSomething(_ assessment: Assessment) -> Bool {
        assessment.signals.contains { signal in
            signal.subject != .other && signal.level >= .crisis && texts.rule(signal.rule, isIn: "taken")
        }
    }

    // MARK: - Rendering

    func offerValues(_ offer: ServiceOffer) -> [String: String] {
        ["name": offer.name, "how": offer.howToReach, "facts": facts(offer)]
    }

    func facts(_ offer: ServiceOffer) -> String {
        var facts: [String] = []
        if offer.isFree == true { facts.append("free") }
        if offer.isOpenNow == false {
            facts.append("closed right now; hours: \(offer.hoursText)")
        } else {
            facts.append(offer.hoursText)
        }
        return facts.joined(separator: ", ")
    }

    func listText(_ offers: [ServiceOffer]) -> String {
        let items = offers.map { "\($0.name) (\($0.howToReach); \(facts($0)))" }
        return items.joined(separator: ", or ")
    }

    func shortList(_ offers: [ServiceOffer]) -> String {
        let items = offers.map { offer -> String in
            "\(offer.name) (\(offer.channels.first?.action.lowercasedFirstWord ?? offer.howToReach))"
        }
        switch items.count {
        case 0: return "the services I mentioned"
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
        }
    }

    /// The seed's next "digit" after `part` was picked with it: later parts picked with it go,
    /// over successive seeds, through every combination of the parts instead of the few their
    /// pools make in lockstep.
    func nextDigit(_ seed: Int, after part: String) -> Int { seed / max(1, texts.variants(part).count) }

    /// A variant of a part chosen by `seed`; with `statementOnly`, only variants that ask no
    /// question (when there are any).
    func pick(_ part: String, _ seed: Int, statementOnly: Bool = false) -> String {
        var variants = texts.variants(part)
        if statementOnly {
            let statements = variants.filter { !$0.contains("?") }
            if !statements.isEmpty { variants = statements }
        }
        guard !variants.isEmpty else { return "" }
        let salt = Int(Self.fingerprint(part) % 997)
        let index = (seed &+ salt) % variants.count
        return variants[(index + variants.count) % variants.count]
    }

    func fill(_ template: String, _ values: [String: String]) -> String {
        var out = template
        for (key, value) in values {
            out = out.replacingOccurrences(of: "{\(key)}", with: value)
        }
        return out
    }

    func join(_ sentences: [String]) -> String {
        sentences.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(
            separator: " ")
    }

    /// Sentences joined into paragraphs separated by a blank line (empty paragraphs dropped).
    func paragraphs(_ groups: [[String]]) -> String {
        groups.map(join).filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    /// A stable FNV-1a fingerprint (Swift's `hashValue` is seeded per process).
    public static func fingerprint(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}

extension String {
    /// The text with its first word lower-cased unless it looks like a name or acronym.
    fileprivate var lowercasedFirstWord: String {
        guard let first = first, first.isUppercase else { return self }
        let rest = dropFirst()
        if let second = rest.first, second.isUppercase { return self }
        return first.lowercased() + rest
    }
}
