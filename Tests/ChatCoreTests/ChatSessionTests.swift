import ChatCore
import Foundation
import Safeguard
import Testing
import WaymarkTesting

/// The turn pipeline with the real safeguard data and stub responders.
@Suite struct ChatSessionTests {
    static let safeguards: ChatSession.Safeguards? = try? ChatSession.Safeguards.load(
        from: RepositoryPaths.locator)

    /// A weekday afternoon in winter (UK time = UTC).
    static let afternoon = Date(timeIntervalSince1970: 1_794_582_000)  // 2026-11-12 15:00 UTC

    func session(
        _ responder: any Responder, nation: Nation = .england, builtInListener: (any Responder)? = nil
    ) throws -> ChatSession {
        let safeguards = try #require(Self.safeguards)
        return ChatSession(
            safeguards: safeguards, responder: responder,
            settings: PersonSettings(nation: nation, ageBand: nil), builtInListener: builtInListener,
            clock: { Self.afternoon })
    }

    func events(_ session: ChatSession, _ text: String) async -> [SessionEvent] {
        var events: [SessionEvent] = []
        for await event in session.send(text) { events.append(event) }
        return events
    }

    @Test func ordinaryTurnGetsTheRespondersReplyAndNoSafeguardMessage() async throws {
        let stub = StubResponder(.reply("That sounds like a long day. What happened?"))
        let chat = try session(stub)
        _ = await events(chat, "work was long and my manager was grumpy")
        let entries = await chat.transcript
        #expect(entries.map(\.role) == [.user, .assistant])
        #expect(entries[1].text == "That sounds like a long day. What happened?")
        #expect(entries[1].status == .complete)
        #expect(try #require(entries[0].assessment).level < .boundary)
        #expect(stub.requests.count == 1)
    }

    @Test func crisisShowsTheSafeguardMessageBeforeTheReplyAndGuidesTheResponder() async throws {
        let stub = StubResponder(.reply("I'm here with you."))
        let chat = try session(stub)
        let seen = await events(chat, "honestly i just want to kill myself")
        let entries = await chat.transcript
        #expect(entries.map(\.role) == [.user, .safeguard, .assistant])
        #expect(entries[0].assessment?.level == .crisis)
        #expect(entries[1].services.contains("samaritans") || entries[1].services.contains("shout"))
        #expect(entries[1].text.contains("116 123") || entries[1].text.contains("85258"))
        #expect(stub.requests.first?.guidance.mode == .strict)
        // The safeguard's message was reported before anything from the responder.
        let firstSafeguard = seen.firstIndex {
            if case .entryAdded(let entry) = $0 { return entry.role == .safeguard }
            return false
        }
        let firstReply = seen.firstIndex {
            if case .entryAdded(let entry) = $0 { return entry.role == .assistant }
            return false
        }
        #expect(try #require(firstSafeguard) < (try #require(firstReply)))
    }

    @Test func emergencyDoesNotAskTheResponderAndLeadsWith999() async throws {
        let stub = StubResponder(.reply("should never be shown"))
        let chat = try session(stub)
        _ = await events(chat, "i've already swallowed all my tablets about half an hour ago")
        let entries = await chat.transcript
        #expect(entries.map(\.role) == [.user, .safeguard])
        #expect(entries[0].assessment?.level == .emergency)
        #expect(entries[1].services.first == "emergency_999_112")
        #expect(entries[1].text.contains("999"))
        #expect(stub.requests.isEmpty)
    }

    @Test func anAbruptRefusalIsReplacedAndTheOriginalKeptForClinicians() async throws {
        let stub = StubResponder(.reply("I'm sorry, but I can't assist with that."))
        let chat = try session(stub)
        _ = await events(chat, "i don't want to be alive anymore")
        let reply = try #require(await chat.transcript.last)
        #expect(reply.role == .assistant)
        #expect(!reply.text.localizedCaseInsensitiveContains("can't assist"))
        #expect(reply.originalText == "I'm sorry, but I can't assist with that.")
        #expect(!reply.guardNotes.isEmpty)
    }

    @Test func aNonUKNumberAndAnEscapeSequenceNeverReachTheTranscript() async throws {
        let stub = StubResponder(.reply("Please call 988 right away. \u{1B}[2J You matter."))
        let chat = try session(stub)
        _ = await events(chat, "i feel like ending it all")
        let reply = try #require(await chat.transcript.last)
        #expect(!reply.text.contains("988"))
        #expect(!reply.text.contains("\u{1B}"))
    }

    @Test func aFailingResponderLeavesTheMessageAndTheSafeguardIntact() async throws {
        let failure = ResponderFailure(.unreachable, "The language model server isn't answering.")
        let chat = try session(
            StubResponder(.failAfter(["Half a ", "sentence"], failure)),
            builtInListener: StubResponder(.reply("I'm still here."), displayName: "built-in listener"))
        let seen = await events(chat, "i want to die")
        let entries = await chat.transcript
        #expect(entries.map(\.role) == [.user, .safeguard, .assistant, .notice])
        #expect(entries[0].text == "i want to die")
        #expect(entries[2].status == .failed)
        #expect(entries[3].text.contains("isn't answering"))
        #expect(seen.contains(.responderFailed(failure)))
        #expect(seen.last == .turnFinished(turn: 1))

        // Switching to the built-in listener and retrying answers the same turn.
        #expect(await chat.useBuiltInListener().hasPrefix("Switched to"))
        for await _ in chat.retry() {}
        let retried = try #require(await chat.transcript.last)
        #expect(retried.role == .assistant && retried.text == "I'm still here." && retried.turn == 1)
    }

    @Test func cancellingAReplyMarksItCancelledAndFinishesTheTurn() async throws {
        let chat = try session(StubResponder(.hang))
        let stream = chat.send("had a weird day")
        var seen: [SessionEvent] = []
        for await event in stream {
            seen.append(event)
            if case .entryAdded(let entry) = event, entry.role == .assistant {
                await chat.cancelReply()
            }
        }
        let reply = try #require(await chat.transcript.last)
        #expect(reply.role == .assistant && reply.status == .cancelled)
        #expect(seen.last == .turnFinished(turn: 1))
    }

    @Test func riskIsRememberedAcrossTurns() async throws {
        let chat = try session(StubResponder(.reply("I hear you.")))
        _ = await events(chat, "i've been thinking about ending it")
        _ = await events(chat, "tonight")
        let user = try #require(await chat.transcript.last { $0.role == .user })
        #expect(user.text == "tonight")
        #expect((user.assessment?.level ?? .none) >= .crisis)
    }

    /// A plan saved mid-session is offered from the next crisis message on.
    @Test func theSafetyPlanOfferFollowsTheOffers() async throws {
        let chat = try session(StubResponder(.reply("I'm here.")))
        for await _ in chat.send("i want to end my life, i really do") {}
        let before = await chat.transcript.first { $0.role == .safeguard }?.text ?? ""
        #expect(!before.lowercased().contains("safety plan"))
        let withPlan = try session(StubResponder(.reply("I'm here.")))
        await withPlan.setSupportOffers([.grounding, .safetyPlan])
        for await _ in withPlan.send("i want to end my life, i really do") {}
        let after = await withPlan.transcript.first { $0.role == .safeguard }?.text ?? ""
        #expect(after.lowercased().contains("safety plan"))
    }

    /// Issue 12: "I'm 15" said in the chat routes services for a young person from then on,
    /// and the inspector's plan says so; `/nation` sets the nation explicitly.
    @Test func anAgeSaidInTheChatRoutesServicesForTheRestOfIt() async throws {
        let chat = try session(StubResponder(.reply("I'm here.")))
        _ = await events(chat, "i'm 15 and i've been cutting myself again")
        let entries = await chat.transcript
        let card = try #require(entries.first { $0.role == .safeguard })
        #expect(card.services.contains("childline"), "\(card.services)")
        #expect(entries.first?.plan?.reasons.contains { $0.contains("under-19") } == true)
        #expect(await chat.person.ageBand == .under19)
        let said = await chat.setPerson(nation: .wales, ageBand: nil)
        #expect(said.contains("Wales"))
        #expect(await chat.person == PersonSettings(nation: .wales, ageBand: .under19))
    }
}
