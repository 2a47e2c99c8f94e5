import Testing

@testable import Safeguard

/// Kinds the conversation-policy suite showed missing (issue 12), written in our own words: a
/// proposal planned for tonight is not a plan to die; an assault told partly; being alone at
/// school; feeling like a failure.
@Suite struct NinthSessionKindsTests {
    /// "Tonight's the night" with a ring and a table booked is a proposal: none, with every layer
    /// (the n-gram model and the encoder read the whole message, so the idiom must stop them).
    @Test(arguments: [
        "tonight's the night. got the ring, the table's booked, it's all planned",
        "tomorrow's the day, picked up the ring this morning and i'm going to propose at dinner",
    ])
    func aProposalPlannedForTonightIsNotAPlanToDie(text: String) throws {
        let assessment = try #require(TestEngine.shipped).assess(text)
        #expect(assessment.level == .none)
    }

    /// The same night chosen with goodbyes said is still the emergency it was.
    @Test func theNightChosenWithGoodbyesIsStillAnEmergency() throws {
        let assessment = try #require(TestEngine.shipped).assess(
            "tonight's the night, everything's planned, i've said my goodbyes")
        #expect(assessment.level == .emergency)
    }

    /// An assault told partly: he did not stop when they said no.
    @Test(arguments: [
        "something happened at a party. he didn't stop when i said no",
        "i said no and he just kept going",
    ])
    func notStoppingAtNoIsSexualViolence(text: String) throws {
        let assessment = try #require(TestEngine.engine).assess(text)
        #expect(assessment.level == .boundary)
        #expect(assessment.categories.contains(.sexualViolence))
    }

    /// Being alone and feeling a failure are distress, and stay below boundary.
    @Test(arguments: [
        "i don't have anyone to sit with at lunch",
        "moved back home after uni and i feel like such a failure",
    ])
    func lonelinessAndFailureAreDistress(text: String) throws {
        #expect(try #require(TestEngine.engine).assess(text).level == .distress)
    }

    /// Someone else who cannot be reached is the one at risk, alone and in a conversation that
    /// began with the writer "asking for a friend".
    @Test func someoneElseUnreachableIsTheOneAtRisk() throws {
        let engine = try #require(TestEngine.shipped)
        let alone = engine.assess("she's at hers, i'm not with her. she's not answering")
        #expect(alone.level == .emergency)
        #expect(alone.subject == .other)
        var state = ConversationState()
        var subjects: [Subject] = []
        for text in [
            "asking for a friend, how much paracetamol is too much",
            "lol it's not me. she said she wants to take them all",
            "she's at her flat and i'm not there. she's not answering",
        ] {
            let result = engine.assess(text, state: state)
            subjects.append(result.assessment.subject)
            state = result.state
        }
        #expect(subjects.last == .other)
    }
}
