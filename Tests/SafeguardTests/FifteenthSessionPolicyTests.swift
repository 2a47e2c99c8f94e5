import Foundation
import Testing

@testable import Safeguard

/// Issue 12, fifteenth session: a turn the conversation alone holds at crisis is the responder's
/// to answer, with one service named in a line, not another brief with its question; a
/// question about medicines alone leaves no risk behind it.
@Suite struct FifteenthSessionPolicyTests {
    let policy: SafeguardPolicy
    let night = TestResources.uk(2026, 12, 6, 23, 40)

    init() throws {
        policy = try TestResources.policy()
    }

    let told = Assessment(level: .crisis, categories: [.suicide], subject: .speaker)
    /// A turn whose own words hold nothing, held at crisis by the conversation.
    let held = Assessment(
        level: .crisis, categories: [.suicide], subject: .speaker, turnLevel: RiskLevel.none)

    @Test func aHeldTurnWithNothingNewGetsOneLineNotABrief() throws {
        let settings = PersonSettings(nation: .england)
        let (card, afterCard) = policy.plan(
            for: told, userText: "i don't want to be here any more", settings: settings, followUp: .start,
            now: night)
        #expect(card.message?.kind == .fullReferral)
        // Their answer to the card's question, in words of its own risk: a brief.
        let (answer, afterAnswer) = policy.plan(
            for: told, userText: "yeah i think about it most nights", settings: settings, followUp: afterCard,
            now: night)
        #expect(answer.message?.kind == .brief)
        var state = afterAnswer
        for text in [
            "my pal's round, we're watching a film", "going to bed after this", "cheers for listening",
        ] {
            let (plan, next) = policy.plan(
                for: held, userText: text, settings: settings, followUp: state, now: night)
            state = next
            // Every turn at crisis names a way to reach help, in one line: no second card, no
            // question, no "that sounds really hard" for ordinary words.
            let message = try #require(plan.message, "\(text)")
            #expect(message.kind != .fullReferral)
            #expect(message.serviceIDs.count == 1, "\(text): \(message.serviceIDs)")
            #expect(!message.text.contains("?"), "\(message.text)")
            #expect(!message.text.contains("sounds really hard"), "\(message.text)")
            #expect(!plan.asksSafetyQuestion)
        }
    }

    /// A question (about a service, about how to help) is not a turn with nothing new: it
    /// still gets a brief.
    @Test(arguments: [
        ("is that 111 thing free from a mobile?", Subject.speaker),
        ("how do i even bring it up with her", Subject.other),
    ])
    func aQuestionOrAHelperStillGetsABrief(text: String, subject: Subject) throws {
        let settings = PersonSettings(nation: .england)
        var first = told
        first.subject = subject
        var (_, state) = policy.plan(
            for: first, userText: "i don't want to be here any more", settings: settings, followUp: .start,
            now: night)
        var asked = held
        asked.subject = subject
        (_, state) = policy.plan(
            for: asked, userText: "watched a film", settings: settings, followUp: state, now: night)
        let (plan, _) = policy.plan(
            for: asked, userText: text, settings: settings, followUp: state, now: night)
        #expect(plan.message?.kind == .brief, "\(text): \(String(describing: plan.message?.kind))")
    }

    @Test func aMedicineQuestionLeavesNoFloorAndNoCheckIn() throws {
        let read = assessments([
            "what's the most ibuprofen i can take in a day? my back is agony",
            "cheers, i'll ask the pharmacist when i pick up my prescription",
        ])
        #expect(read.map(\.level) == [.boundary, .none])
        let settings = PersonSettings(nation: .england)
        let (card, state) = policy.plan(
            for: read[0], userText: "what's the most ibuprofen i can take in a day?", settings: settings,
            followUp: .start, now: night)
        #expect(card.message?.kind == .fullReferral)
        #expect(state.checkInTurn == nil)
    }
}
