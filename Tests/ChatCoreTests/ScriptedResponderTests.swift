import Foundation
import Testing

@testable import ChatCore

@Suite struct ScriptedResponderTests {
    private func reply(_ responder: ScriptedResponder) async throws -> (pieces: [String], done: Bool) {
        var pieces: [String] = []
        var done = false
        for try await event in responder.respond(to: ChatRequest(messages: [])) {
            switch event {
            case .delta(let piece): pieces.append(piece)
            case .done: done = true
            }
        }
        return (pieces, done)
    }

    @Test func repliesComeInOrderWordByWordAndThenCycle() async throws {
        let responder = ScriptedResponder(replies: ["Hello there, friend.", "Second reply"])
        let first = try await reply(responder)
        #expect(first.pieces == ["Hello", " there,", " friend."])
        #expect(first.done)
        #expect(try await reply(responder).pieces.joined() == "Second reply")
        #expect(try await reply(responder).pieces.joined() == "Hello there, friend.")
    }

    @Test func scriptFileAcceptsPlainJSONStringAndObjectLines() throws {
        let text = """
            # a comment
            Plain reply one

            "A JSON string"
            {"reply": "Line one\\nLine two"}
            {"text": "From text"}
            {not json at all
            """
        #expect(
            ScriptedResponder.parse(text) == [
                "Plain reply one", "A JSON string", "Line one\nLine two", "From text", "{not json at all",
            ])
    }

    @Test func loadsFromAFile() async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "waymark-script-\(UUID()).txt")
        try Data("first\nsecond\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let responder = try ScriptedResponder(contentsOf: url, repeats: false)
        #expect(try await reply(responder).pieces.joined() == "first")
        #expect(try await reply(responder).pieces.joined() == "second")
        #expect(try await reply(responder).pieces.joined() == "I'm here and listening.")
        #expect(responder.displayName.contains(url.lastPathComponent))
    }

    @Test func piecesJoinBackToTheExactText() {
        let text = "  Two  spaces,\nnew line\tand tab "
        #expect(ScriptedResponder.pieces(of: text).joined() == text)
    }

    @Test func cancellingStopsTheStream() async throws {
        let responder = ScriptedResponder(
            replies: [String(repeating: "word ", count: 200)], wordDelay: .milliseconds(20))
        let consumer = Task {
            var count = 0
            do {
                for try await _ in responder.respond(to: ChatRequest(messages: [])) { count += 1 }
            } catch {}
            return count
        }
        try await Task.sleep(for: .milliseconds(100))
        consumer.cancel()
        #expect(await consumer.value < 200)
    }
}
