import ChatCore
import Foundation
import Testing
import WaymarkTestTraits
import WaymarkTesting

@testable import OpenAIResponder

/// Issue 17: `http://` servers are read over a POSIX socket (``HTTPStreamClient``). A hostile
/// server on 127.0.0.1 (`Fixtures/fake_openai_server.py`, raw modes) breaks HTTP's framing in
/// every way it can; each ends in one sentence, bounded in time and memory. The captured
/// stream also still goes through `URLSession` (kept for `https://`), so that path stays tested.
@Suite(.ownThread, .timeLimit(.minutes(2))) struct SocketTransportTests {
    private let request = ChatRequest(messages: [ChatMessage(role: .user, content: "Hello.")])

    private func responder(_ mode: String, firstToken: Double = 20, idle: Double = 20) throws
        -> OpenAIResponder
    {
        let server = try FixtureServer.hostile.get()
        return OpenAIResponder(
            configuration: .init(
                baseURL: server.baseURL(mode), model: "hostile", connectTimeout: 5,
                firstTokenTimeout: firstToken,
                idleTimeout: idle),
            systemPrompt: "Be kind.", environment: [:])
    }

    private func collect(_ responder: OpenAIResponder) async -> (text: String, failure: ResponderFailure?) {
        await collectReply(responder, to: request)
    }

    @Test(arguments: [
        ("bad_chunk", "an invalid chunk size"),
        ("chunk_overrun", "a chunk longer than its size"),
        ("huge_chunk_size", "a chunk size too large"),
        ("bad_status", "an invalid status line"),
    ])
    func brokenFramingEndsTheReplyInOneSentence(mode: String, detail: String) async throws {
        let reply = await collect(try responder(mode))
        let failure = try #require(reply.failure)
        #expect(failure.kind == .badResponse)
        #expect(failure.message.contains("not valid HTTP (\(detail))"), "\(failure.message)")
        #expect(!reply.text.contains("smuggled"))
    }

    @Test(arguments: ["huge_headers", "many_headers"])
    func oversizedHeadersAreRefused(mode: String) async throws {
        let reply = await collect(try responder(mode))
        let failure = try #require(reply.failure)
        #expect(failure.kind == .badResponse)
        #expect(failure.message.contains("headers longer than 64 KB"), "\(failure.message)")
        #expect(reply.text.isEmpty)
    }

    @Test func aHeadThatNeverEndsMeetsTheFirstTokenLimit() async throws {
        // One header byte every 0.1 s for 300 s: the 2 s first-token limit must pass. (It was 30 s:
        // when heavy tests held the shared pool for longer than that, the client's timer ran after
        // the server had given up, and the test failed with nothing wrong.)
        let reply = await collect(try responder("endless_header", firstToken: 2))
        let failure = try #require(reply.failure)
        #expect(failure.kind == .timedOut)
        #expect(failure.message.contains("did not start replying within 2 seconds"))
    }

    @Test func aResetMidStreamIsACutOffReply() async throws {
        let reply = await collect(try responder("reset"))
        let failure = try #require(reply.failure)
        #expect(failure.kind == .interrupted)
        #expect(failure.message.contains("dropped in the middle"))
        #expect(reply.text == "Hello. ")
    }

    @Test(arguments: [
        ("error_chunked", "context too long for this model"), ("error_cut", "HTTP 400"),
    ])
    func anErrorStatusWithABodyIsTheAnswer(mode: String, phrase: String) async throws {
        let reply = await collect(try responder(mode))
        let failure = try #require(reply.failure)
        #expect(failure.message.contains("HTTP 400"), "\(failure.message)")
        #expect(failure.message.contains(phrase), "\(failure.message)")
    }

    @Test(arguments: ["length_stream", "close_stream", "early_hints"])
    func everyLegalFramingCarriesTheReply(mode: String) async throws {
        // Timed from when the server is up (the shared fake starts on first use).
        let backend = try responder(mode)
        let start = ContinuousClock.now
        let reply = await collect(backend)
        #expect(reply.failure == nil)
        #expect(reply.text == "Hello there.")
        // length_stream sends no [DONE] and holds the connection 90 s after its body: only the
        // length can end the reply before that (the margin covers a loaded 2-core machine).
        #expect(ContinuousClock.now - start < .seconds(60))
    }

    @Test(arguments: ["stream", "bytewise", "crlf"])
    func theURLSessionPathStillStreams(mode: String) async throws {
        let server = try FixtureServer.shared.get()
        var responder = OpenAIResponder(
            configuration: .init(baseURL: server.baseURL(mode), model: "m", connectTimeout: 2),
            systemPrompt: "", environment: [:])
        responder.usesURLSessionForHTTP = true
        var text = ""
        for try await event in responder.respond(to: request) {
            if case .delta(let piece) = event { text += piece }
        }
        #expect(text == "Alejandro, a wise and just soul.")
    }

    @Test func theURLSessionPathStillRefusesRedirects() async throws {
        var responder = try responder("redirect307")
        responder.usesURLSessionForHTTP = true
        let reply = await collect(responder)
        #expect(reply.failure?.message.contains("redirect") == true)
    }

    @Test func anAPIKeyWithALineBreakIsNotSent() async throws {
        let server = try FixtureServer.hostile.get()
        let responder = OpenAIResponder(
            configuration: .init(
                baseURL: server.baseURL("length_stream"), model: "m", apiKeyEnvironmentVariable: "K"),
            systemPrompt: "", environment: ["K": "sk-1\r\nX-Injected: yes"])
        let reply = await collect(responder)
        #expect(reply.failure?.kind == .misconfigured)
        #expect(reply.failure?.message.contains("sk-1") == false)
    }

    @Test func theRequestHeadNamesTheHostAndCarriesTheBodyLength() throws {
        let url = try #require(URL(string: "http://user:pa%20ss@[::1]:8080/v1/chat/completions?x=1"))
        let target = try HTTPRequestHead.target(for: url)
        #expect(target.host == "::1")
        #expect(target.port == 8080)
        #expect(target.authority == "[::1]:8080")
        #expect(target.path == "/v1/chat/completions?x=1")
        let head = String(
            decoding: try HTTPRequestHead.make(target: target, bodyLength: 42, apiKey: nil, keyVariable: nil),
            as: UTF8.self)
        #expect(head.hasPrefix("POST /v1/chat/completions?x=1 HTTP/1.1\r\nHost: [::1]:8080\r\n"))
        #expect(head.contains("\r\nContent-Length: 42\r\n"))
        #expect(head.contains("\r\nConnection: close\r\n"))
        #expect(head.contains("Authorization: Basic \(Data("user:pa ss".utf8).base64EncodedString())\r\n"))
        #expect(head.hasSuffix("\r\n\r\n"))
    }

    /// The CPU a silent in-flight request costs, measured in another process (the debug
    /// `waymark-bench idle-cpu`, 10 s against a silent server) so the tests running beside it
    /// do not count. URLSession cost 0.66–0.92 CPU s/s; the socket client ~0.005. The bound,
    /// 0.1, has room for a debug build on a loaded machine and still fails the old transport.
    /// The bench is waited for on the test's own thread (the suite is `.ownThread`): waited for
    /// on Swift concurrency's shared pool, it held one of its two threads on CI for 10 s.
    @Test(.timeLimit(.minutes(1))) func aSilentRequestCostsAlmostNoCPU() throws {
        let bench = RepositoryPaths.root.appendingPathComponent(".build/debug/waymark-bench")
        try #require(FileManager.default.isExecutableFile(atPath: bench.path), "build waymark-bench first")
        let process = Process()
        process.executableURL = bench
        process.arguments = ["idle-cpu", "openai (http), silent"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let output = String(decoding: data.prefix(65_536), as: UTF8.self)
        let line = try #require(output.split(separator: "\n").first { $0.hasPrefix("openai (http), silent") })
        let figure = try #require(
            line.split(separator: " ").firstIndex(of: "CPU").map { line.split(separator: " ")[$0 - 1] })
        let perWall = try #require(Double(figure))
        #expect(perWall < 0.1, "\(output)")
        #expect(!output.contains("reply failed"), "\(output)")
    }
}
