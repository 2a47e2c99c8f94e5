import ChatCore
import Foundation
import Testing

@testable import OpenAIResponder

/// Against a real local LLM server, only when `WAYMARK_REAL_LLM_URL` (and optionally
/// `WAYMARK_REAL_LLM_MODEL`) are set — `Scripts/real-llm-check.sh` sets them.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["WAYMARK_REAL_LLM_URL"] != nil))
struct RealServerSmokeTests {
    @Test(.timeLimit(.minutes(2))) func realServerStreamsAReplyInPieces() async throws {
        let environment = ProcessInfo.processInfo.environment
        let url = try #require(URL(string: environment["WAYMARK_REAL_LLM_URL"] ?? ""))
        let prompt = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("resources/prompts/system.md"),
            encoding: .utf8)
        let responder = OpenAIResponder(
            configuration: .init(
                baseURL: url, model: environment["WAYMARK_REAL_LLM_MODEL"] ?? "local-model", maxTokens: 60),
            systemPrompt: prompt)
        let request = ChatRequest(messages: [
            ChatMessage(role: .user, content: "I had a long, tiring day at work.")
        ])
        let start = ContinuousClock.now
        var firstDelta: Duration?
        var deltas = 0
        var text = ""
        var done = false
        for try await event in responder.respond(to: request) {
            switch event {
            case .delta(let piece):
                if firstDelta == nil { firstDelta = ContinuousClock.now - start }
                deltas += 1
                text += piece
            case .done:
                done = true
            }
        }
        let total = ContinuousClock.now - start
        print("real-llm: \(deltas) deltas, first after \(firstDelta ?? .zero), total \(total): \(text)")
        #expect(done)
        #expect(deltas > 3)
        #expect(!text.isEmpty)
    }
}
