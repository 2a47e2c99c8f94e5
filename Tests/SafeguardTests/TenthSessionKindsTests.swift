import Testing

@testable import Safeguard

/// Kinds a blind conversation showed missing (issue 12), written in our own words: treatment said
/// without the words the lexicon knew (told to go in, driven there, bloods back, let home, seen by
/// the crisis team), and another attempt said as doing it better next time.
@Suite struct TenthSessionKindsTests {
    static let overdose = "i took a whole box of paracetamol an hour ago"

    /// After an overdose, treatment in other words ends the untreated act: the turn is no longer
    /// held at emergency (the conversation stays at crisis).
    @Test(arguments: [
        "111 told me to go in, my sister's driving me",
        "the bloods came back fine",
        "they're discharging me home later",
        "the crisis team are coming to see me before they let me out",
    ])
    func treatmentInOtherWordsEndsTheUntreatedAct(text: String) throws {
        let engine = try #require(TestEngine.shipped)
        let first = engine.assess(Self.overdose, state: ConversationState())
        #expect(first.assessment.level == .emergency)
        #expect(first.state.untreatedAct)
        let next = engine.assess(text, state: first.state)
        #expect(!next.state.untreatedAct, "\(text)")
        #expect(next.assessment.level == .crisis, "\(text)")
    }

    /// Without an act in the conversation those words change nothing ("driving me" is mostly mad).
    @Test func treatmentWordsAloneAreNothing() throws {
        let engine = try #require(TestEngine.shipped)
        for text in ["my mum's driving me mad", "the bloods came back fine, just low iron"] {
            #expect(engine.assess(text).level < .boundary, "\(text)")
        }
    }

    /// Doing it better next time is intent in a conversation about ending one's life, and nothing
    /// in an exam.
    @Test func doingItBetterNextTimeIsIntentOnlyAfterRisk() throws {
        let engine = try #require(TestEngine.engine)
        #expect(engine.assess("i'll get it right next time, the exam was so close").level == .none)
        let first = engine.assess("i tried to kill myself last month", state: ConversationState())
        let next = engine.assess("won't get the amount wrong next time", state: first.state).assessment
        #expect(next.signals.contains { $0.rule == "kinds.next_attempt" })
        #expect(next.level >= .crisis)
    }
}
