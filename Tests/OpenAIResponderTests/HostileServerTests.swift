import ChatCore
import Foundation
import Safeguard
import Testing
import WaymarkTestTraits
import WaymarkTesting

@testable import OpenAIResponder

/// Issue 13: a hostile server never crashes Waymark, never gets the key sent elsewhere, never
/// reaches the terminal, and never makes it work without bound. Each test fails on the code
/// before the fix; none depends on how fast this machine is (limits are generous, and the
/// server's own misbehaviour lasts far longer than any limit under test).
@Suite(.ownThread, .timeLimit(.minutes(2))) struct HostileServerTests {
    private let request = ChatRequest(messages: [ChatMessage(role: .user, content: "Hello.")])

    private func responder(
        _ mode: String, firstToken: Double = 60, idle: Double = 60, total: Double = 300,
        maxLineBytes: Int = 1_048_576, maxReplyBytes: Int = 262_144, keyVariable: String? = nil,
        environment: [String: String] = [:]
    ) throws -> OpenAIResponder {
        let server = try FixtureServer.hostile.get()
        return OpenAIResponder(
            configuration: .init(
                baseURL: server.baseURL(mode), model: "hostile", apiKeyEnvironmentVariable: keyVariable,
                connectTimeout: 5, firstTokenTimeout: firstToken, idleTimeout: idle, totalTimeout: total,
                maxLineBytes: maxLineBytes, maxReplyBytes: maxReplyBytes),
            systemPrompt: "Be kind.", environment: environment)
    }

    private func collect(_ responder: OpenAIResponder) async -> (text: String, failure: ResponderFailure?) {
        await collectReply(responder, to: request)
    }

    // MARK: 1. Retry-After never traps

    @Test(arguments: ["retry_inf", "retry_huge", "retry_far"])
    func retryAfterFromAHostileServerIsCappedNotATrap(mode: String) async throws {
        let reply = await collect(try responder(mode))
        let failure = try #require(reply.failure)
        #expect(failure.kind == .rateLimited)
        #expect((failure.retryAfter ?? 0) <= ResponderFailure.longestRetryAfter)
        #expect(!failure.message.contains("2299"))
    }

    @Test func retryAfterParsingIsDefensive() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let cap = ResponderFailure.longestRetryAfter
        #expect(ResponderFailure.retryAfterSeconds("inf", now: now) == cap)
        #expect(ResponderFailure.retryAfterSeconds("1e308", now: now) == cap)
        #expect(ResponderFailure.retryAfterSeconds("nan", now: now) == nil)
        #expect(ResponderFailure.retryAfterSeconds("-5", now: now) == nil)
        #expect(ResponderFailure.retryAfterSeconds("Thu, 01 Jan 2099 00:00:00 GMT", now: now) == cap)
        // Formatting any of these never traps.
        for value in [Double.infinity, 1e308, -Double.infinity, .nan, 1e300] {
            #expect(!ResponderFailure.rateLimited(retryAfter: value).message.isEmpty)
        }
    }

    // MARK: 2. Redirects are refused; the key goes nowhere else

    @Test(arguments: ["redirect307", "redirect302"])
    func redirectsAreRefusedAndTheKeyIsNeverForwarded(mode: String) async throws {
        let server = try FixtureServer.hostile.get()
        let before = try await server.stats()
        let reply = await collect(
            try responder(mode, keyVariable: "HOSTILE_KEY", environment: ["HOSTILE_KEY": "sk-secret"]))
        let failure = try #require(reply.failure)
        #expect(failure.message.contains("redirect"))
        #expect(!reply.text.contains("another host"))
        let after = try await server.stats()
        #expect(after["other_hits"] == before["other_hits"])
        #expect(after["other_with_key"] == before["other_with_key"])
    }

    // MARK: 3. Server text never reaches the terminal raw

    @Test(arguments: ["escape_body", "escape_stream"])
    func serverErrorTextIsFilteredBeforeItIsShown(mode: String) async throws {
        let reply = await collect(try responder(mode))
        let failure = try #require(reply.failure)
        #expect(isInertText(failure.message))
        #expect(failure.message.contains("gnirts desrever"))
    }

    // MARK: 5. Bounded streams

    @Test func aNeverEndingStreamStopsAtTheReplyLimit() async throws {
        let reply = await collect(try responder("flood", maxReplyBytes: 64 * 1024))
        let failure = try #require(reply.failure)
        #expect(failure.message.contains("max_reply_kb"))
        #expect(reply.text.utf8.count <= 64 * 1024)
    }

    @Test func aFloodOfCommentsStopsAtTheBodyLimit() async throws {
        let reply = await collect(try responder("comment_flood", maxLineBytes: 65_536, maxReplyBytes: 4096))
        let failure = try #require(reply.failure)
        #expect(failure.kind == .badResponse)
        #expect(failure.message.contains("more than"))
    }

    @Test func aHugeLineStopsAtTheLineLimit() async throws {
        let reply = await collect(try responder("huge_line", maxLineBytes: 256 * 1024))
        let failure = try #require(reply.failure)
        #expect(failure.message.contains("max_line_kb"))
    }

    @Test func aOneByteDripDoesNotKeepTheIdleTimerAlive() async throws {
        // Bytes arrive every 0.1 s for 30 s, but no words after the first: the 3 s idle limit
        // must pass (before the fix every byte restarted it and the drip ran to its end).
        let reply = await collect(try responder("drip", idle: 3))
        let failure = try #require(reply.failure)
        #expect(failure.kind == .timedOut)
        #expect(failure.message.contains("silent"))
    }

    @Test func aReplyThatNeverEndsStopsAtTheTotalLimit() async throws {
        // Words every 0.3 s for 40 s, so the idle limit never passes; the 3 s total one must.
        let reply = await collect(try responder("trickle", idle: 20, total: 3))
        let failure = try #require(reply.failure)
        #expect(failure.kind == .timedOut)
        #expect(failure.message.contains("openai.timeouts.total"))
    }

    @Test func cancellingAFloodingReplyClosesTheConnection() async throws {
        let server = try FixtureServer.hostile.get()
        let responder = try responder("flood", maxReplyBytes: 1 << 30)
        let stream = responder.respond(to: request)
        var pieces = 0
        for try await event in stream {
            if case .delta = event { pieces += 1 }
            if pieces >= 50 { break }  // like /quit or Esc: the consumer goes away
        }
        // The server notices the closed connection; wait for that (bounded by the time limit).
        while try await server.stats()["flood_open"] ?? 0 > 0 {
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(pieces == 50)
    }

    // MARK: 11. Credentials in the base URL are masked

    @Test func credentialsInTheBaseURLAreMasked() throws {
        #expect(URLMasking.masked("http://user:pa55@host:8080/v1") == "http://***@host:8080/v1")
        #expect(URLMasking.masked("https://token@host/v1?x=@y") == "https://***@host/v1?x=@y")
        #expect(URLMasking.masked("http://host/v1") == "http://host/v1")
        let url = try #require(URL(string: "ftp://user:pa55@host/v1"))
        let responder = OpenAIResponder(
            configuration: .init(baseURL: url, model: "m"), systemPrompt: "", environment: [:])
        #expect(!responder.configuration.maskedBaseURL.contains("pa55"))
    }
}
