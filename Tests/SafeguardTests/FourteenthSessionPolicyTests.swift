import Foundation
import Testing

@testable import Safeguard

/// Issue 12, fourteenth session: what was said in an earlier turn is heard in later ones — the
/// safety question they answered is not asked again, and a service they ask about is named.
@Suite struct FourteenthSessionPolicyTests {
    let policy: SafeguardPolicy
    let framing: FramingTexts
    let night = TestResources.uk(2026, 12, 6, 23, 40)

    init() throws {
        policy = try TestResources.policy()
        framing = try TestResources.framing()
    }

    /// "i keep thinking about killing myself" as the engine reads it (a rule that answers the
    /// safety question), and a later turn at crisis whose own words hold nothing.
    func told() -> Assessment {
        let text = "thinking about killing myself"
        return Assessment(
            level: .crisis, categories: [.suicide], subject: .speaker,
            signals: [
                Signal(
                    rule: "explicit.kill_myself", text: text, start: 0, end: text.unicodeScalars.count,
                    category: .suicide, baseLevel: .crisis)
            ])
    }

    let remembered = Assessment(level: .crisis, categories: [.suicide], subject: .speaker)

    @Test func aSafetyQuestionAnsweredInAnEarlierTurnIsNotAskedAgain() throws {
        let settings = PersonSettings(nation: .england)
        let (first, afterTold) = policy.plan(
            for: told(), userText: "i keep thinking about killing myself, every day now", settings: settings,
            followUp: .start, now: night)
        #expect(!first.asksSafetyQuestion)
        #expect(afterTold.thoughtsTold == true)
        let direct = framing.variants("safety.question") + framing.variants("safety.brief")
        let instead = framing.variants("safety.told")
        #expect(instead.count >= 3)
        var state = afterTold
        var asked = 0
        for text in ["what do i even say to them", "i don't know", "it's just a lot"] {
            let (plan, next) = policy.plan(
                for: remembered, userText: text, settings: settings, followUp: state, now: night)
            state = next
            guard let message = plan.message?.text else { continue }
            #expect(!direct.contains { message.contains($0) }, "\(message)")
            if plan.asksSafetyQuestion {
                asked += 1
                #expect(instead.contains { message.contains($0) }, "\(message)")
            }
        }
        #expect(asked >= 1)
        // Without the earlier turn the same brief asks the direct question.
        let (fresh, _) = policy.plan(
            for: remembered, userText: "i don't know", settings: settings,
            followUp: {
                var s = FollowUpState.start; s.turn = 1; s.lastReferralTurn = 1; return s
            }(),
            now: night)
        #expect(fresh.asksSafetyQuestion)
        let freshText = try #require(fresh.message?.text)
        #expect(direct.contains { freshText.contains($0) }, "\(freshText)")
        #expect(!instead.contains { freshText.contains($0) }, "\(freshText)")
    }

    @Test func aServiceTheyAskAboutByNumberOrNameIsNamed() throws {
        let wales = PersonSettings(nation: .wales)
        let (_, afterCard) = policy.plan(
            for: told(), userText: "i keep thinking about killing myself, every day now", settings: wales,
            followUp: .start, now: night)
        let (asked, _) = policy.plan(
            for: remembered, userText: "is that 111 thing free from a mobile?", settings: wales,
            followUp: afterCard, now: night)
        let ids = try #require(asked.message?.serviceIDs)
        #expect(ids.first == "nhs111_wales_press2")
        // At crisis a text option still stands beside it.
        #expect(ids.contains("shout"))
        let (plain, _) = policy.plan(
            for: remembered, userText: "i don't really know what to do", settings: wales,
            followUp: afterCard, now: night)
        #expect(plain.message?.serviceIDs.contains("nhs111_wales_press2") != true)
    }

    @Test func namesAndNumbersThatNameAService() throws {
        let directory = try TestResources.directory()
        let offers = directory.services.map { service in
            ServiceOffer(
                serviceID: service.id, name: service.name, channels: service.displayedChannels, isFree: nil,
                hoursText: "", isOpenNow: nil, checked: "")
        }
        func named(_ text: String) -> [String] {
            offers.filter { $0.isNamed(in: PersonMentions.words(of: text)) }.map(\.serviceID)
        }
        #expect(named("should i ring samaritans?").contains("samaritans"))
        #expect(named("can i call 116 123 from a payphone").contains("samaritans"))
        #expect(named("is childline just for kids").contains("childline"))
        #expect(named("does breathing space do texts").contains("breathing_space"))
        for everyday in [
            "i don't mind, whatever helps", "the national lottery again", "i have anxiety and can't breathe",
            "i need to rethink everything", "stay calm, beat it", "breathing is hard",
        ] {
            #expect(named(everyday).isEmpty, "\(everyday)")
        }
        let eleven = named("is 111 free")
        #expect(eleven.contains("nhs111_england") && eleven.contains("nhs111_wales_press2"))
        #expect(named("i owe them 111 quid") == eleven)  // a number is a number, whatever it is about
    }
}

/// Who is at risk when a story's character turns out to be the writer.
@Suite struct FourteenthSessionKindsTests {
    @Test func aCharacterBasedOnTheWriterMakesTheRiskTheirs() {
        let turns = assessments([
            "for my story, how many of her antidepressants would my character need to take to die",
            "it's fiction i promise",
            "ok the character's partly based on me tbh",
            "no plan, just thoughts",
        ])
        #expect(turns.count == 4)
        guard turns.count == 4 else { return }
        #expect(turns[0].level >= .crisis)
        #expect(turns[2].subject == .speaker)
        #expect(turns[3].subject == .speaker)
        #expect(turns[3].level >= .crisis)
    }

    /// Cutting as what they do when something else is not possible ("when i can't do that i cut
    /// instead"), not a cut instead of something ("i cut it instead of tearing it").
    @Test func cuttingInsteadIsSelfHarm() {
        #expect(
            rules("and when i can't do that i cut instead. did it again an hour ago").contains(
                "self_harm.cutting"))
        #expect(level("i cut instead of tearing the wrapping") == .none)
    }

    /// Self-harm and the thought of going further: suicidal thoughts beside it, so the help and
    /// the question are for both.
    @Test func goingFurtherAfterSelfHarmIsSuicidal() throws {
        let engine = try #require(TestEngine.engine)
        let read = engine.assess("i cut myself tonight and i keep thinking about going further")
        #expect(read.categories.contains(.suicide) && read.categories.contains(.selfHarm))
        for text in [
            "we're thinking about going further afield for the holiday this year",
            "tempted to go further with the renovations, knock the wall through",
        ] {
            #expect(level(text) == .none, "\(text)")
        }
    }

    /// A goodbye someone sent the writer is theirs; a goodbye the writer sent someone is the
    /// writer's ("him" is who it went to, not who is leaving).
    @Test func whoseGoodbyeItIs() throws {
        let engine = try #require(TestEngine.shipped)
        for text in [
            "my cousin sent me this long text thanking me for everything and saying goodbye, now his phone's off",
            "she messaged me to say goodbye and now she won't answer",
            "she sent me a photo from the top of the cliffs with sorry on it and turned her location off",
        ] {
            let read = engine.assess(text)
            #expect(read.level >= .crisis && read.subject == .other, "\(text)")
        }
        for text in [
            "i sent him a message saying goodbye and now i'm going to take them all",
            "i've written letters to them saying goodbye",
        ] {
            let read = engine.assess(text)
            #expect(read.level >= .crisis && read.subject == .speaker, "\(text)")
        }
        #expect(
            engine.assess("my nan sent me a lovely letter saying goodbye before she moved to spain").level
                == .none)
    }

    @Test(arguments: ["my character is based on my nan", "the main character is me, a wizard, obviously"])
    func aCharacterBasedOnSomeoneWithNoRiskToldIsNothing(text: String) {
        #expect(level(text) == .none, "\(text)")
    }
}

/// A young person talking about themselves is not routed as an adult worried about a child.
@Suite struct FourteenthSessionRoutingTests {
    @Test func aYoungPersonsOwnTopicLeadsNotChildSafeguarding() throws {
        let matcher = ReferralMatcher(directory: try TestResources.directory())
        let young = PersonSettings(nation: .england, ageBand: .under19)
        let now = TestResources.uk(2026, 12, 6, 20)
        let own = Assessment(
            level: .boundary, categories: [.eatingDisorder, .childSafeguarding], subject: .speaker)
        let ids = try #require(matcher.referral(for: own, settings: young, now: now)).serviceIDs
        #expect(ids.contains("beat"))
        #expect(!ids.contains("nspcc_helpline"))
        // Someone worried about a child still gets the NSPCC's line.
        let worried = Assessment(
            level: .boundary, categories: [.eatingDisorder, .childSafeguarding], subject: .other)
        let helperIDs = try #require(
            matcher.referral(for: worried, settings: PersonSettings(nation: .england), now: now)
        ).serviceIDs
        #expect(helperIDs.contains("nspcc_helpline"))
        // Child safeguarding alone (a child in danger, told by the child) keeps its own route.
        let alone = Assessment(level: .boundary, categories: [.childSafeguarding], subject: .speaker)
        #expect(
            try #require(matcher.referral(for: alone, settings: young, now: now)).serviceIDs.first
                == "childline")
    }
}

/// Danger from other people out in public gets the street's practical step, not the home's.
@Suite struct FourteenthSessionEmergencyTests {
    func emergencyText(_ text: String) throws -> String {
        let engine = try #require(TestEngine.engine)
        let assessment = engine.assess(text)
        #expect(assessment.level == .emergency, "\(text)")
        let (plan, _) = try TestResources.policy().plan(
            for: assessment, userText: text, settings: PersonSettings(nation: .england), followUp: .start,
            now: TestResources.uk(2026, 12, 6, 23, 30))
        return try #require(plan.message?.text)
    }

    @Test(arguments: [
        "these lads chased us out of the pub shouting, one's smashed a bottle and they're still behind us",
        "a man followed me off the night bus and he's walking behind me now, it's dead quiet",
    ])
    func followedInPublic(text: String) throws {
        let framing = try TestResources.framing()
        let message = try emergencyText(text)
        #expect(message.contains("999"))
        #expect(
            framing.variants("emergency.safePlace.public").contains { message.contains($0) }, "\(message)")
        #expect(!framing.variants("emergency.safePlace").contains { message.contains($0) }, "\(message)")
        #expect(!message.contains("kitchen") && !message.contains("neighbour"), "\(message)")
        #expect(!message.contains("Domestic Abuse"), "\(message)")
    }

    @Test func dangerAtHomeKeepsTheHomeStep() throws {
        let framing = try TestResources.framing()
        let message = try emergencyText("he's kicking the bathroom door in and screaming he'll kill me")
        #expect(framing.variants("emergency.safePlace").contains { message.contains($0) }, "\(message)")
    }
}
