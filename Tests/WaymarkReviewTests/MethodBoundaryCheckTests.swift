import Safeguard
import Testing

@testable import WaymarkReview

/// Issue 18: the scorecard's framing phase checks that a method request's support message
/// names the boundary, keyed on the request the assessment shows, not on Waymark's text; the
/// scenario expectations check it is named once, a reply is invited and no detail is shown.
@Suite struct MethodBoundaryCheckTests {
    private let methodRequest = Assessment(
        level: .crisis, categories: [.suicide], subject: .speaker,
        signals: [
            Signal(
                rule: "method.lethal_amount", text: "how many would it take", start: 0, end: 22,
                category: .suicide, baseLevel: .crisis, role: .method)
        ])
    private let passive = Assessment(
        level: .crisis, categories: [.suicide], subject: .speaker,
        signals: [
            Signal(
                rule: "passive.not_wake_up", text: "not wake up", start: 0, end: 11, category: .suicide,
                baseLevel: .crisis, role: .ideation)
        ])
    private let named =
        "You've asked me for details of how someone could end their life, and that's something I won't give you. Samaritans are there. Are you thinking about ending your life?"
    private let silent =
        "Thank you for telling me. Samaritans are there. Are you thinking about ending your life?"

    private func namesBoundary(_ records: [TurnRecord]) throws -> ReviewCheck {
        let checks = FramingChecks.run(records, phrases: try ReviewTestSupport.reference().phrases)
        return try #require(checks.first { $0.id == "framing.names_boundary" })
    }

    @Test func aMethodRequestWithoutTheBoundaryNamedFails() throws {
        let check = try namesBoundary([
            TurnRecord(itemID: "named", turn: 1, text: "…", assessment: methodRequest, safeguardText: named),
            TurnRecord(
                itemID: "silent", turn: 1, text: "…", assessment: methodRequest, safeguardText: silent),
            TurnRecord(itemID: "nothing", turn: 1, text: "…", assessment: methodRequest),
        ])
        #expect(check.passed == 1)
        #expect(check.failures.map(\.itemID) == ["silent", "nothing"])
    }

    @Test func theCheckKeysOnTheAssessmentNotOnTheText() throws {
        // The same words in the text, but no method request in the assessment: not checked.
        let check = try namesBoundary([
            TurnRecord(
                itemID: "p", turn: 1, text: "how many pills would it take", assessment: passive,
                safeguardText: silent)
        ])
        #expect(check.checked == 0)
        // A boundary said in the reply only does not count: Waymark's own message must say it.
        let replyOnly = try namesBoundary([
            TurnRecord(
                itemID: "r", turn: 1, text: "…", assessment: methodRequest, safeguardText: silent,
                replyText: "I won't give you that.")
        ])
        #expect(replyOnly.failed == 1)
    }

    @Test func scenarioExpectationsCountTheBoundaryInvitationAndDetails() throws {
        let checks = try ScenarioChecks.load(from: ReviewTestSupport.resources)
        let expect = Scenario.Expectation(
            level: .crisis, categories: [.suicide], subject: .speaker, safeguardMessage: .full,
            boundaryNamedOnce: true, invitesReply: true, noMethodDetail: true)
        let scenario = Scenario(
            id: "s", title: "", demonstrates: "", nation: "england",
            turns: [Scenario.Turn(text: "…", expect: expect)])
        func problems(_ message: String, reply: String? = nil) -> [String] {
            let record = TurnRecord(
                itemID: "s", turn: 1, text: "…", assessment: methodRequest, safeguardKind: "fullReferral",
                safeguardText: message, replyText: reply)
            return scenario.shortfalls(of: record, checks: checks)
        }
        #expect(problems(named) == [])
        #expect(
            problems(named, reply: "I won't give amounts either.").contains { $0.contains("2 sentences") })
        #expect(problems(silent).contains { $0.contains("0 sentences") })
        #expect(
            problems(named.replacingOccurrences(of: "?", with: ".")).contains("nothing shown invites a reply")
        )
        #expect(problems(named, reply: "The lethal dose is high.").contains { $0.contains("method detail") })
        // Without the reviewed lists, the expectations fail rather than pass unchecked.
        let record = TurnRecord(
            itemID: "s", turn: 1, text: "…", assessment: methodRequest, safeguardKind: "fullReferral",
            safeguardText: named)
        #expect(scenario.shortfalls(of: record).contains { $0.contains("cannot check") })
    }
}
