import ChatCore
import Foundation
import Safeguard
import Testing
import WaymarkTesting

#if canImport(Glibc)
    import Glibc
#endif

@testable import CommandResponder

/// Issue 13: a hostile responder program (`Fixtures/hostile_program.py`) never reaches the
/// terminal, never runs without bound, never outlives its reply and never sees secrets. Each
/// test fails on the code before the fix; none depends on how fast this machine is.
@Suite(.timeLimit(.minutes(2))) struct HostileProgramTests {
    private static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/hostile_program.py").path

    private let request = ChatRequest(messages: [ChatMessage(role: .user, content: "Hello.")])

    private func responder(
        _ arguments: [String], program: String = "python3", firstOutput: Double = 60, idle: Double = 60,
        total: Double = 300, maxLineBytes: Int = 1_048_576, maxReplyBytes: Int = 262_144,
        passEnvironment: [String] = [], environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> CommandResponder {
        CommandResponder(
            configuration: .init(
                argv: [program, Self.script] + arguments, firstOutputTimeout: firstOutput, idleTimeout: idle,
                totalTimeout: total, maxLineBytes: maxLineBytes, maxReplyBytes: maxReplyBytes,
                passEnvironment: passEnvironment),
            environment: environment)
    }

    private func collect(_ responder: CommandResponder) async -> (text: String, failure: ResponderFailure?) {
        await collectReply(responder, to: request)
    }

    // MARK: 3. Program text is filtered

    @Test(arguments: ["escape_error", "escape_stderr"])
    func programErrorTextIsFilteredBeforeItIsShown(mode: String) async throws {
        let reply = await collect(responder([mode]))
        let failure = try #require(reply.failure)
        #expect(isInertText(failure.message))
        #expect(failure.message.contains("gnirts desrever"))
    }

    // MARK: 5. Bounded output

    @Test func aFloodingProgramStopsAtTheReplyLimit() async throws {
        let reply = await collect(responder(["flood"], maxReplyBytes: 64 * 1024))
        let failure = try #require(reply.failure)
        #expect(failure.message.contains("max_reply_kb"))
        #expect(reply.text.utf8.count <= 64 * 1024)
    }

    @Test func blankLinesDoNotKeepTheIdleTimerAlive() async throws {
        // "{}" every 0.1 s for 30 s but no words after the first: the 3 s idle limit must pass.
        let reply = await collect(responder(["blank_flood"], idle: 3))
        let failure = try #require(reply.failure)
        #expect(failure.kind == .timedOut)
        #expect(failure.message.contains("stopped replying"))
    }

    @Test func aHugeLineStopsAtTheLineLimit() async throws {
        let reply = await collect(responder(["huge_line"], maxLineBytes: 256 * 1024))
        let failure = try #require(reply.failure)
        #expect(failure.message.contains("max_line_kb"))
    }

    @Test func aReplyThatNeverEndsStopsAtTheTotalLimit() async throws {
        let reply = await collect(responder(["trickle"], idle: 20, total: 3))
        let failure = try #require(reply.failure)
        #expect(failure.kind == .timedOut)
        #expect(failure.message.contains("command.timeouts.total"))
    }

    @Test func doneWithoutTextIsAFailureLikeTheOpenAIPath() async throws {
        let reply = await collect(responder(["empty_done"]))
        let failure = try #require(reply.failure)
        #expect(failure.message.contains("without sending any text"))
    }

    // MARK: 7. A program given by path

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")))
    func aProgramGivenByPathIsNotLookedUpOnPATH() async {
        let reply = await collect(responder(["environment"], program: "/usr/bin/python3"))
        #expect(reply.failure == nil)
        #expect(!reply.text.isEmpty)
    }

    // MARK: 8. The program's children end with it

    @Test func childrenOfTheProgramDoNotOutliveIt() async throws {
        let pidFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("waymark-hostile-\(UUID().uuidString).pid")
        defer { try? FileManager.default.removeItem(at: pidFile) }
        let reply = await collect(responder(["children", pidFile.path]))
        #expect(reply.failure == nil)
        let text = try String(contentsOf: pidFile, encoding: .utf8)
        let child = try #require(pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)))
        // Wait (within the time limit) for the child to be gone; before the fix it slept 300 s.
        while Self.isAlive(child) {
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(!Self.isAlive(child))
    }

    /// Whether `pid` runs (a zombie waiting to be reaped counts as gone).
    private static func isAlive(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).prefix(1)
        return state != "Z" && state != "X"
    }

    // MARK: 9. A cleaned environment

    @Test func theProgramGetsACleanedEnvironmentPlusNamedVariables() async throws {
        var environment = ProcessInfo.processInfo.environment
        environment["WAYMARK_PASSPHRASE"] = "correct horse"
        environment["OPENAI_API_KEY"] = "sk-secret"
        environment["WAYMARK_TEST_PASSED_ON_PURPOSE"] = "yes"
        let reply = await collect(
            responder(
                ["environment"], passEnvironment: ["WAYMARK_TEST_PASSED_ON_PURPOSE", "WAYMARK_PASSPHRASE"],
                environment: environment))
        #expect(reply.failure == nil)
        let names = try #require(try JSONSerialization.jsonObject(with: Data(reply.text.utf8)) as? [String])
        #expect(!names.contains("WAYMARK_PASSPHRASE"))
        #expect(!names.contains("OPENAI_API_KEY"))
        #expect(names.contains("WAYMARK_TEST_PASSED_ON_PURPOSE"))
        #expect(names.contains("PATH"))
    }
}
