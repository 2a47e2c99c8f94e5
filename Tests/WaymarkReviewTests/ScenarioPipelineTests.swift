import ChatCore
import Foundation
import Safeguard
import Testing
import WaymarkReview
import WaymarkTesting

/// Every demo scenario, played through a real ``ChatSession`` (real safeguard, policy and
/// output guard), meets its own expected behaviour at every turn.
@Suite struct ScenarioPipelineTests {
    /// A fixed moment (a Tuesday, 14:00 in the UK, GMT) so "open now" is deterministic.
    static let tuesdayAfternoon = Date(timeIntervalSince1970: 1_795_528_800)

    static func library() throws -> ScenarioLibrary {
        try ScenarioLibrary.load(from: RepositoryPaths.locator)
    }

    /// 03:00 the same night, when daytime specialist lines are closed.
    static let tuesdayNight = Date(timeIntervalSince1970: 1_795_489_200)

    static func run(
        _ scenario: Scenario, safeguards: ChatSession.Safeguards, at clock: Date = tuesdayAfternoon
    ) async throws -> ScenarioRun {
        let responder: any Responder =
            if let script = scenario.responderScript {
                ScriptedResponder(replies: script)
            } else {
                try ListeningResponder.load(from: RepositoryPaths.locator, pace: .zero)
            }
        let session = ChatSession(
            safeguards: safeguards, responder: responder, settings: ScenarioRun.person(for: scenario),
            offers: [.grounding], clock: { clock })
        return await ScenarioRun.play(scenario, in: session)
    }

    @Test(arguments: try library().scenarios.map(\.id))
    func scenarioMeetsItsExpectations(id: String) async throws {
        let scenario = try #require(try Self.library().scenario(id))
        let safeguards = try ChatSession.Safeguards.load(from: RepositoryPaths.locator)
        let run = try await Self.run(scenario, safeguards: safeguards)
        #expect(run.records.count == scenario.turns.count)
        for record in run.records {
            // Policy: a service that is closed at the time is never offered as the first step.
            #expect(record.firstStepOpenNow != false, "\(id) turn \(record.turn): first step closed")
            let earlier = Array(run.records.prefix(record.turn - 1))
            let problems = scenario.shortfalls(
                of: record, earlier: earlier, checks: try Self.library().checks)
            let message = "\(id) turn \(record.turn) “\(record.text)”: \(problems)"
            #expect(problems.isEmpty, Comment(rawValue: message))
        }
    }

    /// Issue 12: in no scenario does Waymark show the same message twice, and after an
    /// emergency the responder answers every later turn.
    @Test(arguments: try library().scenarios.map(\.id))
    func noMessageIsRepeatedAndTheResponderAnswersAfterAnEmergency(id: String) async throws {
        let scenario = try #require(try Self.library().scenario(id))
        let safeguards = try ChatSession.Safeguards.load(from: RepositoryPaths.locator)
        let run = try await Self.run(scenario, safeguards: safeguards)
        let texts = run.records.compactMap(\.safeguardText)
        #expect(Set(texts).count == texts.count, "\(id): a message was shown twice")
        guard let first = run.records.firstIndex(where: { $0.safeguardKind == "emergency" }) else { return }
        for record in run.records[(first + 1)...] {
            #expect(!(record.replyText ?? "").isEmpty, "\(id) turn \(record.turn): no reply")
        }
    }

    @Test func theLibraryCheckPassesEveryTurn() async throws {
        let library = try Self.library()
        let safeguards = try ChatSession.Safeguards.load(from: RepositoryPaths.locator)
        var records: [TurnRecord] = []
        for scenario in library.scenarios {
            records += try await Self.run(scenario, safeguards: safeguards).records
        }
        let check = library.expectationCheck(records)
        #expect(check.failures.isEmpty, "\(check.failures)")
        #expect(check.passed + check.failed == library.scenarios.reduce(0) { $0 + $1.turns.count })
    }

    @Test func atNightAClosedServiceIsNeverTheFirstStep() async throws {
        let safeguards = try ChatSession.Safeguards.load(from: RepositoryPaths.locator)
        for scenario in try Self.library().scenarios {
            let run = try await Self.run(scenario, safeguards: safeguards, at: Self.tuesdayNight)
            for record in run.records where !record.services.isEmpty {
                #expect(
                    record.firstStepOpenNow != false, "\(scenario.id) turn \(record.turn): \(record.services)"
                )
            }
        }
    }

    @Test func theRefusingLLMIsRewrittenAndItsOriginalKept() async throws {
        let scenario = try #require(try Self.library().scenario("llm-abrupt-refusal"))
        let safeguards = try ChatSession.Safeguards.load(from: RepositoryPaths.locator)
        let run = try await Self.run(scenario, safeguards: safeguards)
        let replies = run.entries.filter { $0.role == .assistant }
        let shown = replies.map(\.text).joined(separator: "\n")
        #expect(!shown.contains("can't assist"))
        #expect(!shown.contains("988"))
        #expect(replies.contains { $0.originalText?.contains("can't assist") == true })
    }
}
