import Foundation
import Testing

@testable import Safeguard

/// One conversation through the real lexicon and the real policy, as `ChatSession` runs it.
struct PolicyConversation {
    let policy: SafeguardPolicy
    var settings = PersonSettings(nation: .england)
    var now = TestResources.uk(2026, 11, 24, 21, 30)
    var state = ConversationState()
    var followUp = FollowUpState.start
    private(set) var assessments: [Assessment] = []
    private(set) var plans: [TurnPlan] = []

    /// The engine used: the lexicon alone, or (`withModel`) with the statistical model as
    /// every command runs it.
    let engine: SafeguardEngine?

    init(withModel: Bool = false) throws {
        policy = try TestResources.policy()
        engine = withModel ? TestEngine.engineWithModel : TestEngine.engine
    }

    /// Sends each turn in order; returns the plans for these turns.
    @discardableResult
    mutating func send(_ turns: String...) -> [TurnPlan] {
        guard let engine else { return [] }
        var sent: [TurnPlan] = []
        for text in turns {
            let (read, newState) = engine.assess(text, state: state)
            state = newState
            let assessment = read.remembering(newState)
            let (plan, newFollowUp) = policy.plan(
                for: assessment, userText: text, settings: settings, followUp: followUp, now: now)
            followUp = newFollowUp
            if plan.asksSafetyQuestion { state.recordSafeguardAskedSafetyQuestion() }
            assessments.append(assessment)
            plans.append(plan)
            sent.append(plan)
        }
        return sent
    }

    var levels: [RiskLevel] { assessments.map(\.level) }
    var messages: [String] { plans.compactMap { $0.message?.text } }
}

/// Issue 12: an emergency is a moment, not a state.
@Suite struct EmergencyMomentTests {
    @Test func afterAnEmergencyCalmerTurnsAreCrisisAndTheResponderAnswers() throws {
        var chat = try PolicyConversation()
        chat.send(
            "i've got the tablets out on the table and i'm doing it tonight",
            "i've put them away in the car, i'm scared",
            "can we just talk",
            "i rang my daughter, she's coming over",
            "i feel a bit calmer now")
        #expect(chat.levels == [.emergency, .crisis, .crisis, .crisis, .crisis])
        #expect(chat.plans[0].guidance.mode == .withheld)
        for plan in chat.plans.dropFirst() {
            #expect(plan.guidance.mode == .strict, "\(plan.reasons)")
            #expect(plan.message?.kind != .emergency)
        }
        // No message is shown twice, and the 999 lead is not repeated after the emergency.
        #expect(Set(chat.messages).count == chat.messages.count)
        let lead = try #require(chat.plans[0].message?.text.components(separatedBy: ".").first)
        for later in chat.messages.dropFirst() { #expect(!later.contains(lead)) }
    }

    @Test func stepsTakenAreAcknowledged() throws {
        var chat = try PolicyConversation()
        chat.send("pills are lined up and i'm going to take them tonight", "ok i've put them away in the car")
        let framing = try TestResources.framing()
        let second = try #require(chat.plans[1].message)
        #expect(chat.assessments[1].stepsTaken == [.meansAway])
        #expect(framing.variants("afterEmergency.step.means_away").contains { second.text.contains($0) })
        #expect(chat.plans[1].guidance.instructions.contains { $0.contains("step towards safety") })
        var other = try PolicyConversation()
        other.send(
            "pills are lined up and i'm going to take them tonight", "i rang my sister and she's on her way")
        #expect(other.assessments[1].stepsTaken.contains(.reachedHelp))
        #expect(other.levels == [.emergency, .crisis])
        // With the model as the app runs it: a step taken is heard even where the model reads
        // the words as crisis.
        var full = try PolicyConversation(withModel: true)
        full.send("the tablets are out and tonight is the night", "I rang my daughter, she's coming")
        #expect(full.plans[1].message?.kind == .checkIn, "\(full.plans[1].reasons)")
        #expect(full.assessments[1].stepsTaken.contains(.reachedHelp))
    }

    @Test func repeatedEmergencyWordsGet999AgainInOtherWords() throws {
        var chat = try PolicyConversation()
        chat.send(
            "pills are lined up and i'm going to take them tonight",
            "no i mean it, i'm taking them all tonight")
        #expect(chat.levels == [.emergency, .emergency])
        let first = try #require(chat.plans[0].message)
        let second = try #require(chat.plans[1].message)
        #expect(second.kind == .emergency)
        #expect(second.text.contains("999"))
        #expect(second.text != first.text)
        // Two silent turns in a row would leave them talking to a wall.
        #expect(chat.plans[1].guidance.mode == .strict)
    }

    @Test func anUntreatedActStaysEmergencyButIsNotRepeatedWordForWord() throws {
        var chat = try PolicyConversation()
        chat.send(
            "took a load of tablets about an hour ago",
            "i don't want an ambulance",
            "please just talk to me")
        #expect(chat.levels == [.emergency, .emergency, .emergency])
        #expect(chat.plans.map { $0.message?.kind } == [.emergency, .emergency, .emergency])
        #expect(Set(chat.messages).count == 3)
        #expect(chat.messages.allSatisfy { $0.contains("999") })
        #expect(chat.plans[1].guidance.mode == .strict && chat.plans[2].guidance.mode == .strict)
        // Help on its way: what to do while waiting, and 999 is still the first number named.
        chat.send("ok the ambulance is on its way")
        let waiting = try #require(chat.plans.last?.message)
        #expect(waiting.kind == .emergency)
        #expect(waiting.text.firstRange(of: /\d{3}/).map { String(waiting.text[$0]) } == "999")
        chat.send("i'm in a&e now, they're doing bloods")
        #expect(chat.levels.last == .crisis)
    }

    @Test func nowInACalmerTurnIsNotATimeToAct() {
        let levels = converse([
            "i'm going to do it tonight, i've got the pills here",
            "i feel a bit calmer now",
            "my mum is here now",
        ]).map(\.level)
        #expect(levels == [.emergency, .crisis, .crisis])
    }

    /// Danger from someone else: after the emergency the floor is crisis until safety is
    /// sustained (two calmer turns), then it settles.
    @Test func dangerFromSomeoneElseSettlesOnlyWhenSafetyIsSustained() {
        let levels = converse([
            "he's banging on the door and screaming he's going to kill me",
            "i'm at my sister's now",
            "still here, i'm safe honestly",
            "she made me a cup of tea",
        ]).map(\.level)
        #expect(levels[0] == .emergency)
        #expect(levels[1] == .crisis)
        #expect(levels[2] < .crisis)
    }
}

/// Danger in progress stays an emergency until it is resolved; ordinary words stay ordinary.
@Suite struct OngoingDangerAndLookAlikeTests {
    static let ordinaryWords: [String] = [
        "picked up a new climbing rope, off to the wall tonight",
        "spent all evening hanging pictures in the hallway",
        "sorting my will out before we move house next month",
        "about to unalive my to-do list tonight",
        "the comedian was so funny i nearly died",
        "the rope is ready for the camping trip",
        "stuck on the bridge now, the traffic is unreal",
        "gonna do it tonight, finally asking him out",
        "going to kill it tonight at the open mic",
        "hanging the curtains now, then bed",
    ]

    @Test func someoneCollapsedStaysAnEmergencyUntilTreated() {
        let levels = converse([
            "my flatmate has collapsed and is not breathing properly",
            "the ambulance is on its way",
            "they are taking her to hospital now",
        ]).map(\.level)
        #expect(levels == [.emergency, .emergency, .crisis])
    }

    @Test func dangerAtTheDoorEndsWhenTheyAreSomewhereSafe() {
        let results = converse([
            "he is kicking the bedroom door and screaming he will kill me",
            "can we just talk",
            "we are at my sister's house now",
        ])
        #expect(results.map(\.level) == [.emergency, .emergency, .crisis])
        #expect(results.allSatisfy { $0.subject == .speaker })
    }

    /// The writer barricaded against a partner is the one in danger (issue 12).
    @Test func theWriterInDangerFromSomeoneElseIsSelf() {
        let result = converse([
            "i've shut myself in the bathroom, my boyfriend is outside and says he's going to hurt me"
        ])[0]
        #expect(result.level == .emergency)
        #expect(result.subject == .speaker)
    }

    /// "won't wake up" is someone else collapsed only when it is about someone else.
    @Test func aWishNotToWakeIsTheWritersOwn() {
        let result = converse(["most nights i pray i just won't wake up"])[0]
        #expect(result.level == .crisis)
        #expect(result.subject == .speaker)
        #expect(converse(["my nan won't wake up and she's cold"])[0].subject == .other)
    }

    @Test(arguments: ordinaryWords)
    func ordinaryWordsStayOrdinary(text: String) {
        let level = converse([text])[0].level
        #expect(level < .crisis, "\(text): \(level)")
    }
}

/// Issue 12: a turn more serious than anything before gets the full help.
@Suite struct EscalationTests {
    @Test func suicidalWordsRightAfterAnAbuseCardGetTheFullCard() throws {
        var chat = try PolicyConversation()
        chat.send(
            "my partner checks my phone every night and hits me if i've texted anyone",
            "i can't take it any more, i want to kill myself")
        #expect(chat.levels == [.boundary, .crisis])
        let second = try #require(chat.plans[1].message)
        #expect(second.kind == .fullReferral)
        #expect(second.serviceIDs.contains("samaritans"))
        // "i want to kill myself" has answered "are you thinking about ending your life?".
        #expect(!chat.plans[1].asksSafetyQuestion)
        #expect(!second.text.contains("are you thinking about ending your life"))
    }

    @Test func theSafetyQuestionIsAskedWhenNotAlreadyAnswered() throws {
        var chat = try PolicyConversation()
        chat.send("some nights i hope i just don't wake up")
        #expect(chat.plans[0].asksSafetyQuestion)
        // One question per message: the invitation after the safety question is not another.
        let card = try #require(chat.plans[0].message?.text)
        #expect(card.filter { $0 == "?" }.count == 1, "\(card)")
    }

    @Test func messagesAfterAnEmergencyAskNothingOfTheirOwn() throws {
        var chat = try PolicyConversation()
        chat.send(
            "pills are lined up and i'm going to take them tonight", "ok i've put them away in the car",
            "can we just talk", "i feel a bit calmer now")
        for message in chat.messages.dropFirst() { #expect(!message.contains("?"), "\(message)") }
    }
}

/// Issue 12: framing wording.
@Suite struct FramingWordingTests {
    @Test func halfPhrasesAreNeverQuoted() throws {
        let framer = Framer(texts: try TestResources.framing())
        #expect(!framer.isSafeToQuote("put cameras in my"))
        #expect(!framer.isSafeToQuote("and i want"))
        #expect(framer.isSafeToQuote("don't want to be here anymore"))
    }

    @Test func validationAssumesNoFeeling() throws {
        let framing = try TestResources.framing()
        for part in ["validate.crisis", "validate.boundary", "validate.other"] {
            for text in framing.variants(part) {
                #expect(!text.lowercased().contains("makes sense that you"), "\(part): \(text)")
                #expect(!text.lowercased().contains("exhausted"), "\(part): \(text)")
            }
        }
    }
}
