import Foundation
import Testing

@testable import Safeguard

/// Runs turns through one conversation and returns every assessment (the lexicon's engine
/// unless another is given, e.g. ``TestEngine/shipped``).
func converse(
    _ turns: [String], askedAfter: Set<Int> = [], engine: SafeguardEngine? = TestEngine.engine
) -> [Assessment] {
    guard let engine else {
        Issue.record("the safeguard engine did not load")
        return []
    }
    var state = ConversationState()
    var results: [Assessment] = []
    for (index, turn) in turns.enumerated() {
        let outcome = engine.assess(turn, state: state)
        state = outcome.state
        if askedAfter.contains(index) { state.recordSafeguardAskedSafetyQuestion() }
        results.append(outcome.assessment)
    }
    return results
}

@Suite struct ConversationStateTests {
    @Test func riskBuildsToAnEmergencyWithShortReplies() {
        let levels = converse([
            "i'm so done, been thinking about ending things",
            "i know how i'd do it",
            "got them with me",
            "tonight",
        ]).map(\.level)
        #expect(levels == [.crisis, .crisis, .crisis, .emergency])
    }

    @Test func shortRepliesAloneAreNothing() {
        #expect(converse(["tonight"]).map(\.level) == [.none])
        #expect(converse(["got them with me"]).map(\.level) == [.none])
        #expect(converse(["yeah"]).map(\.level) == [.none])
    }

    @Test func aYesToTheSafetyQuestionIsCrisis() {
        let results = converse(["everything's just so heavy lately", "yeah"], askedAfter: [0])
        #expect(results.map(\.level) == [.distress, .crisis])
        #expect(results[1].categories == [.suicide])
        #expect(results[1].signals.contains { $0.modifiers.contains(.contextual) })
    }

    @Test func retractionDoesNotForget() {
        let levels = converse(["been thinking about topping myself", "only joking", "i'm fine honestly"]).map(
            \.level)
        #expect(levels == [.crisis, .crisis, .crisis])
    }

    /// Both labelled sets we have keep a conversation at crisis after suicidal risk was disclosed,
    /// however calm the later turns: de-escalation is acknowledged, the risk is not forgotten.
    @Test func deEscalationAfterSuicidalRiskKeepsCrisis() {
        let results = converse([
            "i want to kill myself",
            "ok i feel a bit better now, i'll call samaritans",
            "what should i have for tea",
        ])
        #expect(results.map(\.level) == [.crisis, .crisis, .crisis])
        #expect(results[2].categories.contains(.suicide))
    }

    /// Other topics settle back to distress once the person is calmer.
    @Test func deEscalationAfterABoundaryTopicLowersToDistress() {
        let results = converse([
            "i've started bingeing and making myself sick after",
            "ok i feel a bit better now, talking helped",
        ])
        #expect(results.map(\.level) == [.boundary, .distress])
        #expect(results[1].categories.contains(.eatingDisorder))
    }

    @Test func anOverdoseStaysAnEmergencyUntilTreated() {
        let levels = converse([
            "took a load of tablets about an hour ago",
            "feel a bit better actually",
            "paramedics are on the way",
            "in a&e now, they've put me on a drip",
        ]).map(\.level)
        #expect(levels == [.emergency, .emergency, .emergency, .crisis])
    }

    @Test func stockpilingThenADateIsAnEmergency() {
        let levels = converse(["nobody would miss me", "been saving up my tablets", "sunday"]).map(\.level)
        #expect(levels == [.crisis, .crisis, .emergency])
    }

    @Test func anOrdinaryDateLaterOnIsNotAPlan() {
        let levels = converse([
            "been saving my tablets, everyone would be better off",
            "anyway my driving test is tomorrow and i'm nervous about the roundabouts",
        ]).map(\.level)
        #expect(levels == [.crisis, .crisis])
    }

    @Test func subjectAndCategoriesAreRemembered() {
        let results = converse(["my son is 15 and wrote that he wants to die", "he's at football now"])
        #expect(results[1].level == .crisis)
        #expect(results[1].subject == .other)
        #expect(results[1].categories.contains(.childSafeguarding))
    }

    @Test func idiomsAcrossTurnsStayNone() {
        let levels = converse(["kill me now, this meeting", "the boss killed the project", "dead on my feet"])
            .map(\.level)
        #expect(levels == [.none, .none, .none])
    }

    @Test func stateRoundTripsThroughCodable() throws {
        let engine = try #require(TestEngine.engine)
        let state = engine.assess("i want to die", state: ConversationState()).state
        let data = try JSONEncoder().encode(state)
        #expect(try JSONDecoder().decode(ConversationState.self, from: data) == state)
    }
}
