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
    /// invitation to keep talking (always last).
    public func fullReferral(
        _ referral: Referral, assessment: Assessment, userText: String, offers: SupportOffers,
        asksSafetyQuestion: Bool, seed: Int
    ) -> String {
        let crisis = assessment.level >= .crisis
        let helping = assessment.subject == .other
        // Paragraphs: what was heard; what Waymark is; where to go now; the question and offers.
        var heard: [String] = [acknowledgement(assessment: assessment, userText: userText, seed: seed)]
        heard.append(
            pick(helping ? "validate.other" : (crisis ? "validate.crisis" : "validate.boundary"), seed))
        let honesty = pick(helping ? "honesty.other" : (crisis ? "honesty.crisis" : "honesty.boundary"), seed)
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
            closing.append(pick("safety.question", seed))
        }
        closing += offerSentences(offers, seed: seed)
        closing.append(pick("continue", seed))
        return paragraphs([heard, [honesty], services, closing])
    }

    /// The short message at `emergency`: what to do now (999 first), whether anyone is with
    /// them, then "I'm still here".
    public func emergency(_ referral: Referral, assessment: Assessment, seed: Int) -> String {
        let helping = assessment.subject == .other
        var now: [String] = [pick(helping ? "emergency.lead.other" : "emergency.lead", seed)]
        if let silent = referral.firstStep.channels.first(where: { $0.kind == .silentCall }) {
            now.append(silent.action + ".")
        }
        if !helping, Self.mayHaveTakenSomething(assessment) {
            now.append(pick("emergency.taken", seed))
        }
        var meanwhile = [pick(helping ? "emergency.notAlone.other" : "emergency.notAlone", seed)]
        meanwhile.append(pick(helping ? "emergency.boundary.other" : "emergency.boundary", seed))
        let others = referral.alternatives.filter { $0.serviceID != "a_and_e" }
        if let next = others.first {
            meanwhile.append(fill(pick("emergency.also", seed), ["service": next.summary]))
        }
        let stay = pick(helping ? "emergency.stay.other" : "emergency.stay", seed)
        return paragraphs([now, meanwhile, [stay]])
    }

    /// A short acknowledgement for a risky turn after a referral was already shown. At
    /// `crisis` it can carry a safety check: the full question, or a shorter one (both worded
    /// so that "yes" means risk), or, when someone else is at risk, a question about them.
    public func brief(
        services: [ServiceOffer], level: RiskLevel, asksSafetyQuestion: Bool, fullQuestion: Bool = true,
        helping: Bool = false, seed: Int
    ) -> String {
        var sentences = [
            fill(
                pick(level >= .crisis ? "brief.crisis" : "brief.boundary", seed),
                ["services": shortList(services)])
        ]
        if helping, level >= .crisis {
            sentences.append(pick("safety.other", seed))
        } else if asksSafetyQuestion {
            sentences.append(pick(fullQuestion ? "safety.question" : "safety.brief", seed))
        }
        sentences.append(pick("continue", seed))
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
        let tokens = Set(lower.split(whereSeparator: { !$0.isLetter && $0 != "'" }).map(String.init))
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

    static func mayHaveTakenSomething(_ assessment: Assessment) -> Bool {
        if assessment.categories.contains(.substance) || assessment.categories.contains(.medication) {
            return true
        }
        return assessment.signals.contains { signal in
            let rule = signal.rule.lowercased()
            return rule.contains("overdose") || rule.contains("taken") || rule.hasPrefix("act")
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

    func pick(_ part: String, _ seed: Int) -> String {
        let variants = texts.variants(part)
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
