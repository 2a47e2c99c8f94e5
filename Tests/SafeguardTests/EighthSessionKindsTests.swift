import Testing

@testable import Safeguard

/// Who is at risk, by kind (issue 12), in our own words: danger from someone in the home is the
/// writer's own even when the sentence is about what he or she is doing, and a message quoted
/// from someone else's DM or WhatsApp is about them. Lexicon only.
@Suite struct EighthSessionKindsTests {
    /// "He's banging on the door": he is the agent, the writer is the one in danger.
    @Test(arguments: [
        "i'm in the bathroom on my phone. he's banging on the door",
        "she's hammering on the front door and screaming, i'm upstairs with the baby",
        "he's outside right now with a knife",
    ])
    func dangerFromSomeoneAtHomeIsTheWritersOwn(text: String) throws {
        let assessment = try #require(TestEngine.engine).assess(text)
        #expect(assessment.level == .emergency)
        #expect(assessment.subject == .speaker)
        #expect(assessment.categories.contains(.abuse))
    }

    /// Someone else shut in and threatened is still about them.
    @Test func someoneElseLockedInIsAboutThem() throws {
        let assessment = try #require(TestEngine.engine).assess(
            "he's locked her in the bedroom and he's screaming at her")
        #expect(assessment.level == .emergency)
        #expect(assessment.subject == .other)
    }

    /// Reported speech by DM, WhatsApp or a reply: the words after it are the sender's.
    @Test(arguments: [
        "she just dm'd me 'i want to die, i can't do this anymore'",
        "my cousin whatsapped me saying he wants to kill himself",
        "he replied 'i don't want to be alive anymore'",
    ])
    func wordsSentByDMAreTheSenders(text: String) throws {
        let assessment = try #require(TestEngine.engine).assess(text)
        #expect(assessment.level >= .crisis)
        #expect(assessment.subject == .other)
    }

    /// A voice's command reported as what she or it says counts in a conversation about the
    /// voice; the same words from a boss about redundancies do not.
    @Test func aVoicesCommandReportedAsWhatItSaysIsCrisis() throws {
        let heard = levels([
            "the telly has been sending me messages for weeks",
            "she says the only way out is to get rid of me",
        ])
        #expect(heard.last == .crisis)
        #expect(level("my boss says he wants to get rid of me, redundancies next month") == .none)
    }

    /// Someone at home saying he is going to kill her, now: danger to her.
    @Test func aThreatToKillHerSaidNowIsDangerToHer() throws {
        let assessment = try #require(TestEngine.engine).assess(
            "he is screaming downstairs, saying hes gonna kill her")
        #expect(assessment.level == .emergency)
        #expect(assessment.subject == .other)
    }

    /// A boundary topic with nobody named in its own sentence is about the person the message
    /// named just before; a crisis is not moved that way (asking the writer is the safe mistake).
    @Test func aBoundaryTopicTakesThePersonFromTheSentenceBefore() throws {
        let engine = try #require(TestEngine.engine)
        let topic = engine.assess(
            "my boyfriend's been off for weeks. drinking every night, not going to work")
        #expect(topic.level == .boundary)
        #expect(topic.subject == .other)
        let crisis = engine.assess("my ex moved on with someone new. no point in living anymore")
        #expect(crisis.level >= .crisis)
        #expect(crisis.subject == .speaker)
    }
}
