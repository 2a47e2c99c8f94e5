import ChatCore
import CommandResponder
import Foundation
import OpenAIResponder
import Testing

@testable import WaymarkConfig
import WaymarkTestTraits

@Suite(.ownThread) struct ResponderFactoryTests {
    private static let resources = ResourceLocator(
        root: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("resources"))

    private struct Listener: Responder {
        var displayName: String { "built-in listener" }
        func respond(to request: ChatRequest) -> AsyncThrowingStream<ResponseEvent, any Error> {
            AsyncThrowingStream { $0.finish() }
        }
    }

    private func make(_ settings: WaymarkSettings, resources: ResourceLocator? = resources) -> Result<
        any Responder, ResponderFailure
    > {
        makeResponder(settings: settings, resources: resources, environment: ["K": "secret"]) { Listener() }
    }

    @Test func listeningUsesTheGivenFactory() throws {
        let responder = try make(WaymarkSettings()).get()
        #expect(responder.displayName == "built-in listener")
    }

    @Test func openAIGetsTheSystemPromptAndSettings() throws {
        var settings = WaymarkSettings(backend: .openai)
        settings.openAI.model = "m1"
        settings.openAI.apiKeyEnvironmentVariable = "K"
        settings.openAI.idleTimeout = 9
        let responder = try #require(try make(settings).get() as? OpenAIResponder)
        #expect(responder.configuration.model == "m1")
        #expect(responder.configuration.idleTimeout == 9)
        #expect(responder.hasAPIKey)
        #expect(responder.systemPrompt.contains("You are an AI"))
        #expect(responder.systemPrompt.contains("UK"))
    }

    @Test func openAIWithoutResourcesIsMisconfigured() {
        guard case .failure(let failure) = make(WaymarkSettings(backend: .openai), resources: nil) else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.kind == .misconfigured)
    }

    @Test func commandNeedsArgv() throws {
        guard case .failure(let failure) = make(WaymarkSettings(backend: .command)) else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.message.contains("--command"))
        var settings = WaymarkSettings(backend: .command)
        settings.command.argv = ["python3", "bot.py"]
        let responder = try #require(try make(settings).get() as? CommandResponder)
        #expect(responder.configuration.argv == ["python3", "bot.py"])
    }

    @Test func scriptedNeedsAReadableFile() throws {
        var settings = WaymarkSettings(backend: .scripted)
        guard case .failure = make(settings) else {
            Issue.record("expected a failure")
            return
        }
        settings.scripted.file = "/nonexistent/replies.txt"
        guard case .failure(let failure) = make(settings) else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.message.contains("/nonexistent/replies.txt"))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "waymark-replies-\(UUID()).txt")
        try Data("Hello.\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        settings.scripted.file = url.path
        #expect(try make(settings).get() is ScriptedResponder)
    }
}
