import ChatCore
import Foundation
import Safeguard
import Testing
import WaymarkTesting

/// Grounding answers are read on their own; crisis language leaves the exercise.
@Suite struct GroundingAnswerCheckTests {
    static let safeguards = try? ChatSession.Safeguards.load(from: RepositoryPaths.locator)

    func session(offers: SupportOffers = [.grounding]) throws -> ChatSession {
        ChatSession(
            safeguards: try #require(Self.safeguards), responder: StubResponder(.reply("I'm here.")),
            settings: PersonSettings(), offers: offers)
    }

    @Test func ordinaryAnswersStayInTheExerciseEvenAfterACrisisTurn() async throws {
        let chat = try session()
        for await _ in chat.send("i want to end my life, i really do") {}
        for answer in ["a lamp, my phone, the window", "my heart racing, the chair", "birds and traffic"] {
            #expect(!GroundingAnswerCheck.needsSafeguard(await chat.screen(answer)), "\(answer)")
        }
        // Screening records no turn.
        #expect(await chat.transcript.filter { $0.role == .user }.count == 1)
    }

    @Test func crisisLanguageLeavesTheExercise() async throws {
        let chat = try session()
        #expect(GroundingAnswerCheck.needsSafeguard(await chat.screen("I just want to kill myself")))
        #expect(!GroundingAnswerCheck.needsSafeguard(nil))
    }
}
