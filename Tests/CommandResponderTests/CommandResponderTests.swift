import ChatCore
import Foundation
import Safeguard
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@testable import CommandResponder

@Suite(.timeLimit(.minutes(3))) struct CommandResponderTests {
    private static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    private let request = ChatRequest(
        messages: [ChatMessage(role: .user, content: "I had a rough day")],
        guidance: ResponderGuidance(mode: .supportive, level: .distress, instructions: ["Be warm."]))

    /// Generous default limits: on a loaded 2-core CI machine a Python program can take more than
    /// 10 s to start or to exit. Tests about the limits pass their own short values.
    private func fixture(_ name: String, firstOutput: Double = 60, idle: Double = 60) -> CommandResponder {
        CommandResponder(
            configuration: .init(
                argv: ["python3", Self.fixtures.appendingPathComponent(name).path],
                firstOutputTimeout: firstOutput,
                idleTimeout: idle))
    }

    private func collect(
        _ responder: CommandResponder
    ) async -> (text: String, deltas: Int, done: Bool, failure: ResponderFailure?) {
        var text = ""
        var deltas = 0
        var done = false
        do {
            for try await event in responder.respond(to: request) {
                switch event {
                case .delta(let piece):
                    text += piece
                    deltas += 1
                case .done:
                    done = true
                }
            }
            return (text, deltas, done, nil)
        } catch let failure as ResponderFailure {
            return (text, deltas, done, failure)
        } catch {
            return (text, deltas, done, ResponderFailure(.badResponse, "unexpected \(error)"))
        }
    }

    @Test func exampleScriptStreamsAReplyWordByWord() async {
        let script = Self.repositoryRoot.appendingPathComponent("Scripts/examples/echo-responder.py").path
        let responder = CommandResponder(configuration: .init(argv: ["python3", script]))
        let reply = await collect(responder)
        #expect(reply.failure == nil)
        #expect(reply.done)
        #expect(reply.text.contains("\u{201C}I had a rough day\u{201D}"))
        #expect(reply.deltas > 5)
        #expect(responder.displayName == "python3")
    }

    @Test func requestLineCarriesMessagesGuidanceAndSystemPrompt() async throws {
        var responder = fixture("record.py")
        responder = CommandResponder(configuration: responder.configuration, systemPrompt: "Be kind.")
        let reply = await collect(responder)
        #expect(reply.failure == nil)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(reply.text.utf8)) as? [String: Any])
        let messages = try #require(object["messages"] as? [[String: String]])
        #expect(messages == [["role": "user", "content": "I had a rough day"]])
        let guidance = try #require(object["guidance"] as? [String: Any])
        #expect(guidance["mode"] as? String == "supportive")
        #expect(guidance["instructions"] as? [String] == ["Be warm."])
        #expect(object["system"] as? String == "Be kind.")
    }

    @Test func programExitingEarlyIsReportedWithItsStatusAndLastWords() async {
        let reply = await collect(fixture("exit_early.py"))
        #expect(reply.text == "Hello")
        #expect(reply.failure?.kind == .programFailed)
        #expect(reply.failure?.message.contains("exited with status 3") == true)
        #expect(reply.failure?.message.contains("model file missing") == true)
        #expect(!reply.done)
    }

    @Test func programExitingWithoutReadingIsReported() async {
        let reply = await collect(fixture("no_stdin.py"))
        #expect(reply.failure?.kind == .programFailed)
        #expect(reply.failure?.message.contains("exited before finishing its reply") == true)
    }

    @Test func garbageOutputIsReportedAndTheProgramStopped() async {
        let start = ContinuousClock.now
        let reply = await collect(fixture("garbage.py"))
        #expect(reply.failure?.kind == .programFailed)
        #expect(reply.failure?.message.contains("not Waymark's JSON-lines reply format") == true)
        #expect(ContinuousClock.now - start < .seconds(150))  // loose; the program sleeps 300 s
    }

    @Test func errorLineIsReported() async {
        let reply = await collect(fixture("error.py"))
        #expect(reply.failure?.kind == .programFailed)
        #expect(reply.failure?.message.contains("the model is still loading") == true)
    }

    @Test func hangingProgramTimesOutAndIsKilled() async {
        let start = ContinuousClock.now
        let reply = await collect(fixture("hang.py", firstOutput: 0.5))
        #expect(reply.failure?.kind == .timedOut)
        #expect(reply.failure?.message.contains("did not start replying within 0.5 seconds") == true)
        #expect(ContinuousClock.now - start < .seconds(150))  // loose; the program sleeps 300 s
    }

    @Test func programFallingSilentMidReplyTimesOut() async {
        let reply = await collect(fixture("stall.py", idle: 0.5))
        #expect(reply.text == "I hear")
        #expect(reply.failure?.kind == .timedOut)
        #expect(reply.failure?.message.contains("stopped replying") == true)
    }

    @Test func lingeringProgramDoesNotDelayTheReply() async {
        let start = ContinuousClock.now
        let reply = await collect(fixture("linger.py"))
        #expect(reply.failure == nil)
        #expect(reply.done)
        #expect(ContinuousClock.now - start < .seconds(150))  // loose; the program sleeps 300 s
    }

    @Test func missingProgramIsMisconfigured() async {
        let responder = CommandResponder(configuration: .init(argv: ["waymark-no-such-program-xyz"]))
        let reply = await collect(responder)
        #expect(reply.failure?.kind == .misconfigured)
        #expect(reply.failure?.message.contains("could not be found") == true)
    }

    @Test func emptyArgvIsMisconfigured() async {
        let reply = await collect(CommandResponder(configuration: .init(argv: [])))
        #expect(reply.failure?.kind == .misconfigured)
    }

    @Test func cancellingTheConsumerKillsTheProgram() async throws {
        let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "waymark-hang-\(UUID()).pid")
        defer { try? FileManager.default.removeItem(at: pidFile) }
        let responder = CommandResponder(
            configuration: .init(
                argv: ["python3", Self.fixtures.appendingPathComponent("hang.py").path, pidFile.path],
                firstOutputTimeout: 20))
        let start = ContinuousClock.now
        let consumer = Task {
            do {
                for try await _ in responder.respond(to: request) {}
            } catch {}
        }
        var pid: Int32?
        for _ in 0..<100 where pid == nil {
            try await Task.sleep(for: .milliseconds(50))
            pid = (try? String(contentsOf: pidFile, encoding: .utf8)).flatMap { Int32($0) }
        }
        let childPID = try #require(pid)
        #expect(kill(childPID, 0) == 0)
        consumer.cancel()
        await consumer.value
        var alive = true
        for _ in 0..<100 where alive {
            try await Task.sleep(for: .milliseconds(50))
            alive = kill(childPID, 0) == 0
        }
        #expect(!alive)
        #expect(ContinuousClock.now - start < .seconds(150))  // loose; the program sleeps 300 s
    }
}
