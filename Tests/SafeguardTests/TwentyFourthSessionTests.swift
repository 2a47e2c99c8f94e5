import Foundation
import Testing
import WaymarkTestTraits

@testable import Safeguard

/// The twenty-fourth session (issue 12): after danger at a place, coming away from it and getting
/// home are steps towards safety, and a short question with a time in it is not a time to act.
/// Our own wording, lexicon only (the rules), then the engine that ships.
@Suite(.ownThread) struct TwentyFourthSessionComingAwayTests {
    @Test func comingAwayAndGettingHomeLowerTheEmergencyAndAQuestionDoesNotRaiseIt() {
        let read = levels([
            "i'm on the bridge and i'm going to jump",
            "ok i've stepped back and i'm walking home",
            "home now. made a tea",
            "what should i watch tonight",
        ])
        #expect(read.first == .emergency)
        #expect(read.dropFirst().allSatisfy { $0 < .emergency }, "\(read)")
        // The risk is remembered: the floor stays at crisis until safety is sustained.
        #expect(read.dropFirst().allSatisfy { $0 >= .crisis }, "\(read)")
    }

    @Test(arguments: [
        "i've climbed down",
        "i'm on my way home now",
        "back inside now",
        "i'm home",
    ])
    func aStepAwayIsHeard(step: String) {
        let read = levels(["i'm on the bridge and i'm going to jump", step])
        #expect(read == [.emergency, .crisis], "\(step): \(read)")
    }

    @Test func aStepWithItsOwnRiskKeepsIt() {
        let read = levels([
            "i'm on the bridge and i'm going to jump", "walking home now, i've already taken all my tablets",
        ])
        #expect(read.last == .emergency, "\(read)")
    }

    @Test func aTimeGivenIsStillATimeAndAQuestionIsNot() {
        let saved = "i've been saving up my sleeping tablets for a bit"
        #expect(levels([saved, "tonight"]).last == .emergency)
        #expect(levels([saved, "tonight probably. mums on a late"]).last == .emergency)
        #expect(levels([saved, "what about tonight"]).last == .emergency)
        #expect(levels([saved, "what's on telly tonight"]).last == .crisis)
        #expect(levels([saved, "can we talk about something else now"]).last == .crisis)
    }

    @Test func theQuestionWordIsTheFirstWord() throws {
        let engine = try #require(TestEngine.engine)
        func opens(_ text: String) -> Bool {
            let lexicon = engine.lexicon
            return engine.opensWithQuestion(lexicon.masks(for: lexicon.normaliser.normalise(text).tokens))
        }
        #expect(opens("What should I watch tonight?"))
        #expect(opens("what\u{2019}s on telly tonight"))
        #expect(!opens("how about tonight"))
        #expect(!opens("tonight, what else"))
        #expect(!opens("whatever, tonight"))
    }

    @Test func theShippedEngineHearsTheWayHome() throws {
        let shipped = try #require(TestEngine.shipped)
        var state = ConversationState()
        var read: [RiskLevel] = []
        for turn in [
            "i'm on the bridge", "ok i've stepped back and i'm walking home", "home now. made a tea",
        ] {
            let result = shipped.assess(turn, state: state)
            state = result.state
            read.append(result.assessment.remembering(result.state).level)
        }
        #expect(read == [.emergency, .crisis, .crisis], "\(read)")
    }
}

/// The twenty-fourth session (issue 12): someone else's risk said in their words, or seen on
/// them, is theirs, not the writer's. Our own wording of the kinds the read sets showed.
@Suite(.ownThread) struct TwentyFourthSessionSomeoneElsesRiskTests {
    @Test(arguments: [
        "my grandad gave me his medals. said he won't be needing them",
        "he's given his brother his bike and keeps saying he won't need it",
    ])
    func notNeedingTheirThingsIsTheirs(text: String) throws {
        let engine = try #require(TestEngine.engine)
        let read = engine.assess(text)
        #expect(read.level == .crisis, "\(text): \(read.level)")
        #expect(read.subject == .other, "\(text): \(read.subject)")
    }

    @Test func aGoodbyeReportedAfterTheMessageIsTheSenders() throws {
        let engine = try #require(TestEngine.shipped)
        let read = engine.assess("my sister sent me a long message last night saying thanks for everything")
        #expect(
            read.signals.contains { $0.rule == "farewell.signoff" && $0.modifiers.contains(.otherPerson) })
        // The writer's own message is theirs.
        let own = engine.assess("i sent her a message saying thanks for everything, she was a great teacher")
        #expect(!own.signals.contains { $0.modifiers.contains(.otherPerson) })
    }

    @Test func cutsSeenOnSomeoneElseInARiskyConversationAreTheirs() {
        let read = assessments([
            "i'm really worried about my girlfriend, she keeps saying she wants to kill herself",
            "last night she showed me cuts on her thigh",
        ])
        #expect(read.last?.level == .crisis)
        #expect(read.last?.subject == .other, "\(read.map(\.subject))")
        #expect(read.last?.categories.contains(.selfHarm) == true)
        // Alone, with nothing risky around it, the same words are not read (contextual).
        #expect(level("noticed cuts on his legs after rugby") == .none)
    }
}

/// The twenty-fourth session (issue 11, conversation emergencies): once the writer has told of
/// abuse, the person who hurts them arriving, threatening what happens when they get in, or
/// turning violent to the house now is danger now. In any other conversation the same words are
/// set aside. Lexicon only; our own wording.
@Suite(.ownThread) struct TwentyFourthSessionAbuserArrivingTests {
    @Test(arguments: [
        "he's back early. he's drunk. slamming doors",
        "oh god his car's just pulled up",
        "he's just got in and he's been drinking",
        "he just texted, he'll be back in ten minutes and he knows",
        "he's sent 'you'll regret this when i get home'",
        "he's just kicked the bedroom door",
    ])
    func afterAbuseIsToldItIsDangerNow(turn: String) {
        let read = assessments(["my boyfriend hits me when he's been drinking", turn])
        #expect(read.first?.level == .boundary)
        #expect(read.last?.level == .emergency, "\(turn): \(read.map(\.level))")
        #expect(read.last?.subject == .speaker)
        #expect(read.last?.signals.contains { $0.rule == SafeguardEngine.abuserArrivingRule } == true)
    }

    @Test func inAnyOtherConversationTheWordsAreSetAside() {
        for opener in ["my brother just bought a new car", "my mate's been really down lately"] {
            let read = assessments([opener, "his car's just pulled up, going out for a spin"])
            #expect(!(read.last?.signals.contains { $0.rule == SafeguardEngine.abuserArrivingRule } ?? true))
        }
        // Someone else's abuser: the writer's friend is the one at risk, not read by this rule.
        let friend = assessments(["my friend's boyfriend hits her", "he's back early"])
        #expect(!(friend.last?.signals.contains { $0.rule == SafeguardEngine.abuserArrivingRule } ?? true))
    }
}
