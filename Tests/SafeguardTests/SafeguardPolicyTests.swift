import Foundation
import Testing

@testable import Safeguard

@Suite struct SafeguardPolicyTests {
    let policy: SafeguardPolicy
    let framing: FramingTexts
    let settings = PersonSettings(nation: .england)
    let night = TestResources.uk(2026, 11, 24, 2, 15)

    init() throws {
        policy = try TestResources.policy()
        framing = try TestResources.framing()
    }

    func signal(_ text: String, level: RiskLevel, category: RiskCategory = .suicide) -> Signal {
        Signal(
            rule: "test.\(category.rawValue)", text: text, start: 0, end: text.unicodeScalars.count,
            category: category, baseLevel: level)
    }

    func crisis(_ phrase: String = "don't want to be here anymore", subject: Subject = .speaker) -> Assessment
    {
        Assessment(
            level: .crisis, categories: [.suicide], subject: subject,
            signals: [signal(phrase, level: .crisis)])
    }

    @Test func levelsMapToGuidanceModes() {
        let expected: [RiskLevel: ResponderGuidance.Mode] = [
            .none: .normal, .distress: .supportive, .boundary: .guided, .crisis: .strict,
            .emergency: .withheld,
        ]
        for (level, mode) in expected {
            let guidance = policy.guidance(
                for: Assessment(level: level, categories: level == .none ? [] : [.suicide]))
            #expect(guidance.mode == mode)
            #expect(guidance.level == level)
            if level >= .distress { #expect(!guidance.instructions.isEmpty) }
        }
        let crisisGuidance = policy.guidance(for: crisis())
        #expect(crisisGuidance.instructions.contains("Do not give any method, dose or location details."))
        #expect(crisisGuidance.instructions.contains("Acknowledge what they said and stay with them."))
        #expect(crisisGuidance.instructions.contains("Do not diagnose."))
    }

    @Test func crisisGetsAFramedReferralWithTheSafetyQuestionAndAnInvitation() throws {
        let (plan, state) = policy.plan(
            for: crisis(), userText: "I honestly don't want to be here anymore", settings: settings,
            followUp: .start, now: night)
        let message = try #require(plan.message)
        #expect(message.kind == .fullReferral)
        #expect(plan.asksSafetyQuestion)
        #expect(message.text.contains("thinking about ending your life"))
        #expect(message.text.contains("116 123"))
        #expect(message.text.contains("85258"))
        #expect(message.text.contains("\"don't want to be here anymore\""))
        #expect(message.serviceIDs.first == "samaritans")
        let last = try #require(lastSentence(of: message.text, endingWith: framing.variants("continue")))
        #expect(!last.isEmpty)
        #expect(state.lastReferralTurn == 1 && state.checkInTurn == 2)
    }

    func lastSentence(of text: String, endingWith variants: [String]) -> String? {
        variants.first { text.hasSuffix($0) }
    }

    @Test func emergencyLeadsWith999AndStays() throws {
        let assessment = Assessment(
            level: .emergency, categories: [.suicide, .medication], subject: .speaker,
            signals: [
                Signal(
                    rule: "act.overdose_taken", text: "taken them all", start: 4, end: 18, category: .suicide,
                    baseLevel: .emergency)
            ])
        let (plan, _) = policy.plan(
            for: assessment, userText: "I've taken them all", settings: settings, followUp: .start, now: night
        )
        let message = try #require(plan.message)
        #expect(message.kind == .emergency)
        #expect(plan.guidance.mode == .withheld)
        let firstSentence = message.text.prefix { $0 != "." }
        #expect(firstSentence.contains("999"))
        #expect(message.text.contains("what you took") || message.text.contains("what it was"))
        #expect(framing.variants("emergency.stay").contains { message.text.hasSuffix($0) })
        #expect(message.text.contains("?"))
        #expect(message.serviceIDs.first == "emergency_999_112")
        #expect(message.text.count < 700)
    }

    @Test func laterRiskyTurnsGetABriefAcknowledgementThenCheckIns() throws {
        var state = FollowUpState.start
        var kinds: [SafeguardMessage.Kind?] = []
        var texts: [String] = []
        let turns: [Assessment] = [
            crisis(), crisis(), .clear, .clear, .clear, .clear, .clear, .clear, .clear,
        ]
        for assessment in turns {
            let result = policy.plan(
                for: assessment, userText: "text", settings: settings, followUp: state, now: night)
            kinds.append(result.plan.message?.kind)
            texts.append(result.plan.message?.text ?? "")
            state = result.followUp
        }
        #expect(kinds[0] == .fullReferral)
        #expect(kinds[1] == .brief)
        #expect(texts[1].count < texts[0].count / 2)
        // The first calmer turn gets a check-in, and one more follows a few turns later.
        #expect(kinds[2] == .checkIn)
        #expect(kinds[3] == nil && kinds[4] == nil)
        #expect(kinds[2 + SafeguardPolicy.checkInAfterTurns] == .checkIn)
        #expect(kinds[6...].allSatisfy { $0 == nil })
    }

    @Test func aBriefAcknowledgementAtCrisisStillOffersATextOption() throws {
        let directory = try TestResources.directory()
        for nation in Nation.allCases {
            var state = FollowUpState.start
            let person = PersonSettings(nation: nation)
            for turn in 0..<4 {
                let result = policy.plan(
                    for: crisis(), userText: "text", settings: person, followUp: state,
                    now: night.addingTimeInterval(Double(turn) * 3600))
                state = result.followUp
                let ids = result.plan.message?.serviceIDs ?? []
                let texts = ids.compactMap { directory.service(id: $0) }.contains { service in
                    service.displayedChannels.contains { $0.kind == .text }
                }
                #expect(texts, "\(nation) turn \(turn): \(ids)")
            }
        }
    }

    @Test func fullCardsAreNotShownTwiceInARowUnlessTheTurnEscalates() throws {
        var state = FollowUpState.start
        let turns: [Assessment] = [
            Assessment(level: .boundary, categories: [.substance]),
            Assessment(level: .crisis, categories: [.suicide]),
            Assessment(level: .crisis, categories: [.suicide]),
            Assessment(level: .boundary, categories: [.bereavement]),
            Assessment(level: .boundary, categories: [.abuse]),
        ]
        var kinds: [SafeguardMessage.Kind?] = []
        var asked: [Bool] = []
        for assessment in turns {
            let result = policy.plan(
                for: assessment, userText: "words", settings: settings, followUp: state, now: night)
            kinds.append(result.plan.message?.kind)
            asked.append(result.plan.asksSafetyQuestion)
            state = result.followUp
        }
        // Crisis after a boundary card is an escalation: the full card at once (issue 12); a new
        // topic straight after a card waits a turn.
        #expect(kinds == [.fullReferral, .fullReferral, .brief, .fullReferral, .brief])
        #expect(asked == [false, true, true, false, false])
    }

    /// A calmer turn after a crisis card: the level stays crisis, the message is a check-in (not
    /// the card), and the responder is guided as for distress, with no safety question.
    @Test func aSettlingTurnAfterACardIsACheckInWithGentleGuidance() throws {
        var state = FollowUpState.start
        let first = policy.plan(
            for: Assessment(level: .crisis, categories: [.suicide]), userText: "words", settings: settings,
            followUp: state, now: night)
        state = first.followUp
        let calmer = policy.plan(
            for: Assessment(level: .crisis, categories: [.suicide], settling: true), userText: "calmer now",
            settings: settings, followUp: state, now: night)
        #expect(calmer.plan.level == .crisis)
        #expect(calmer.plan.message?.kind == .checkIn)
        #expect(calmer.plan.guidance.mode == .supportive)
        #expect(!calmer.plan.asksSafetyQuestion)
    }

    /// Never two check-ins in a row: after a crisis card and its brief, calmer turns get a check-in
    /// when one is due, and a calmer turn straight after a check-in is the responder's.
    @Test func neverTwoCheckInsInARow() throws {
        let calmer = Assessment(
            level: .crisis, categories: [.suicide], settling: true, turnLevel: RiskLevel.none)
        var state = FollowUpState.start
        var kinds: [SafeguardMessage.Kind?] = []
        for assessment in [crisis(), crisis(), calmer, calmer, calmer, calmer, calmer, calmer, crisis()] {
            let result = policy.plan(
                for: assessment, userText: "words", settings: settings, followUp: state, now: night)
            kinds.append(result.plan.message?.kind)
            state = result.followUp
        }
        #expect(kinds[0] == .fullReferral)
        #expect(kinds[1] == .brief)
        #expect(kinds[2] == .checkIn)
        #expect(kinds.contains(.checkIn))
        for index in 1..<kinds.count where kinds[index] == .checkIn {
            #expect(kinds[index - 1] != .checkIn, "two check-ins in a row at turns \(index) and \(index + 1)")
        }
        // Risk in the turn's own words again, some turns later: services again.
        let last = kinds[kinds.count - 1]
        #expect(last == .brief || last == .fullReferral)
    }

    /// After an emergency every calmer turn is acknowledged by the settling path, so this is where
    /// two check-ins in a row would come from: the second is the responder's alone.
    @Test func afterAnEmergencyCalmerTurnsDoNotGetACheckInEachTime() throws {
        let emergency = Assessment(level: .emergency, categories: [.suicide])
        let calmer = Assessment(
            level: .crisis, categories: [.suicide], settling: true, turnLevel: RiskLevel.none)
        var state = FollowUpState.start
        var kinds: [SafeguardMessage.Kind?] = []
        for assessment in [emergency, calmer, calmer, calmer] {
            let result = policy.plan(
                for: assessment, userText: "words", settings: settings, followUp: state, now: night)
            kinds.append(result.plan.message?.kind)
            state = result.followUp
        }
        #expect(kinds == [.emergency, .checkIn, nil, .checkIn])
    }

    /// Help framed for someone else, then the writer's own risk: the full card again, for them,
    /// with the direct question, even though a card was shown before.
    @Test func theWritersOwnRiskAfterAHelperCardGetsTheFullCardForThem() throws {
        var state = FollowUpState.start
        var plans: [TurnPlan] = []
        for assessment in [crisis(subject: .other), crisis(subject: .other), crisis()] {
            let result = policy.plan(
                for: assessment, userText: "words", settings: settings, followUp: state, now: night)
            plans.append(result.plan)
            state = result.followUp
        }
        #expect(plans.map { $0.message?.kind } == [.fullReferral, .brief, .fullReferral])
        #expect(!plans[0].asksSafetyQuestion)
        #expect(plans[2].asksSafetyQuestion)
    }

    /// Kinds of wording every message at crisis or emergency should carry (own lists, not the
    /// scorecard's).
    static let acknowledges = [
        "thank you for telling me", "glad you told me", "it sounds like", "that sounds", "it makes sense",
        "i hear you", "you're not alone", "i can hear", "thank you for trusting me", "i'm so sorry",
        "i'm really sorry", "it took courage", "that took courage", "i'm glad you",
    ]
    static let limits = [
        "i'm not a", "not a crisis service", "not an emergency service", "more than i can", "people trained",
        "beyond what i can", "a person who can", "i'm a peer",
    ]
    static let safety = [
        "are you thinking about ending your life", "are you in danger", "have you hurt yourself",
        "is anyone with you", "is someone with you", "are you somewhere safe", "are they safe",
    ]
    static let invitations = [
        "i'm still here", "i'm here", "keep talking", "carry on talking", "would you like to", "how are you",
    ]

    @Test func everyCrisisAndEmergencyMessageAcknowledgesExplainsAsksAndInvites() throws {
        var checked = 0
        for seedTurns in 0..<4 {
            for subject in [Subject.speaker, .other] {
                for level in [RiskLevel.crisis, .emergency] {
                    var state = FollowUpState.start
                    for _ in 0..<seedTurns {
                        state =
                            policy.plan(
                                for: .clear, userText: "hi", settings: settings, followUp: state, now: night
                            ).followUp
                    }
                    for _ in 0..<3 {
                        let assessment = Assessment(level: level, categories: [.suicide], subject: subject)
                        let result = policy.plan(
                            for: assessment, userText: "words \(seedTurns)", settings: settings,
                            followUp: state,
                            now: night)
                        state = result.followUp
                        let text = try #require(result.plan.message?.text).lowercased()
                            .replacingOccurrences(of: "’", with: "'")
                        let where_ =
                            "\(level) \(subject) \(result.plan.message?.kind.rawValue ?? ""): \(text)"
                        #expect(Self.acknowledges.contains { text.contains($0) }, "\(where_)")
                        #expect(Self.limits.contains { text.contains($0) }, "\(where_)")
                        #expect(Self.safety.contains { text.contains($0) }, "\(where_)")
                        #expect(Self.invitations.contains { text.contains($0) }, "\(where_)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked == 48)
    }

    @Test func noTwoConsecutiveReferralTextsAreIdentical() throws {
        var state = FollowUpState.start
        var referrals: [String] = []
        for turn in 0..<60 {
            let assessment = turn % 9 == 0 ? crisis() : Assessment.clear
            let result = policy.plan(
                for: assessment, userText: "same words", settings: settings, followUp: state, now: night)
            if let message = result.plan.message, message.kind == .fullReferral {
                referrals.append(message.text)
            }
            state = result.followUp
        }
        #expect(referrals.count >= 5)
        for (a, b) in zip(referrals, referrals.dropFirst()) { #expect(a != b) }
        #expect(Set(referrals).count >= 3)
    }

    @Test func boundaryTopicGetsHonestBoundaryAndTopicService() throws {
        let assessment = Assessment(level: .boundary, categories: [.eatingDisorder], subject: .speaker)
        let (plan, _) = policy.plan(
            for: assessment, userText: "I keep skipping meals", settings: settings, followUp: .start,
            now: TestResources.uk(2026, 11, 24, 16))
        let message = try #require(plan.message)
        #expect(message.kind == .fullReferral)
        #expect(!plan.asksSafetyQuestion)
        #expect(plan.guidance.mode == .guided)
        #expect(message.serviceIDs.first == "beat")
        #expect(message.text.contains("0808 801 0677"))
        #expect(plan.guidance.instructions.contains { $0.contains("weights") })
    }

    @Test func distressGetsAQuietReminderOnlyOccasionally() {
        var state = FollowUpState.start
        var reminderTurns: [Int] = []
        for turn in 1...16 {
            let result = policy.plan(
                for: Assessment(level: .distress), userText: "rough week", settings: settings,
                followUp: state,
                now: night)
            if result.plan.message?.kind == .quietReminder { reminderTurns.append(turn) }
            #expect(result.plan.guidance.mode == .supportive)
            state = result.followUp
        }
        // Not on the first distress turns ("hello, had a long day"): only once distress has
        // been heard for a while, then every eight turns.
        #expect(
            reminderTurns == [
                SafeguardPolicy.reminderAfterDistressTurns,
                SafeguardPolicy.reminderAfterDistressTurns + SafeguardPolicy.reminderEveryTurns,
            ])
    }

    @Test func helpingSomeoneElseIsNotAskedAboutTheirOwnLife() throws {
        let (plan, _) = policy.plan(
            for: crisis("wants to die", subject: .other), userText: "my brother says he wants to die",
            settings: settings, followUp: .start, now: night)
        let message = try #require(plan.message)
        #expect(!plan.asksSafetyQuestion)
        #expect(!message.text.contains("ending your life"))
        #expect(message.text.contains("999"))
        #expect(message.serviceIDs.first == "nhs111_england")
    }

    @Test func offersAppearWhenTheyExist() throws {
        let (plan, _) = policy.plan(
            for: crisis(), userText: "x", settings: settings, followUp: .start, now: night,
            offers: [.safetyPlan, .grounding])
        let text = try #require(plan.message?.text)
        #expect(framing.variants("offer.safetyPlan").contains { text.contains($0) })
        #expect(framing.variants("offer.grounding").contains { text.contains($0) })
    }

    @Test func unsafePhrasesAreNotQuotedBack() throws {
        let assessment = Assessment(
            level: .crisis, categories: [.suicide],
            signals: [signal("take 30 pills", level: .crisis), signal("jump off the bridge", level: .crisis)])
        let (plan, _) = policy.plan(
            for: assessment, userText: "x", settings: settings, followUp: .start, now: night)
        let text = try #require(plan.message?.text)
        #expect(!text.contains("pills") && !text.contains("bridge") && !text.contains("30"))
        let seeking = Assessment(
            level: .crisis, categories: [.suicide],
            signals: [
                Signal(
                    rule: "method.amount", text: "what would it take", start: 0, end: 18, category: .suicide,
                    baseLevel: .crisis)
            ])
        let (planB, _) = policy.plan(
            for: seeking, userText: "x", settings: settings, followUp: .start, now: night)
        #expect(!(planB.message?.text.contains("what would it take") ?? true))
    }

    @Test func framedTextsHaveNoRefusalsJargonOrBlame() throws {
        let rules = try TestResources.guardRules()
        let directory = try TestResources.directory()
        let reviewer = SentenceReviewer(rules: rules, allowedNumbers: directory.displayedNumberDigits)
        let banned = [
            "policy", "protocol", "escalat", "signpost", "risk assessment", "committed suicide",
            "commit suicide",
            "your fault for", "you should have", "attention seeking", "triage", "safeguarding concern",
            "i can't", "i cannot", "unable to", "not able to", "i'm sorry but",
        ]
        for (part, variants) in framing.parts where !part.hasPrefix("guidance.") {
            for text in variants {
                let lower = text.lowercased()
                for word in banned { #expect(!lower.contains(word), "\(part): \(text)") }
                // Condolences are right when the person spoke of a loss (the guard allows them then).
                let findings = reviewer.review(
                    text, strict: true, bereavementMentioned: part.contains("bereavement"))
                #expect(findings.isEmpty, "\(part): \(text) → \(findings)")
            }
        }
    }

    @Test func expectationTextsSayWhatWaymarkIsAndIsNot() throws {
        let intro = String(decoding: try TestResources.resource("framing/intro.md"), as: UTF8.self)
        for needle in [
            "peer-support companion", "not a therapist", "not an emergency service", "999", "116 123",
            "85258", "saved unless you turn history on",
        ] {
            #expect(intro.contains(needle), "intro lacks \(needle)")
        }
        let about = String(decoding: try TestResources.resource("framing/about.md"), as: UTF8.self)
        #expect(about.contains("999") && about.contains("116 123"))
    }
}
