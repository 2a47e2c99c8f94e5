import ChatCore
import Foundation
import Safeguard
import TerminalUI
import WaymarkReview

/// Plays a scenario as appended, clearly labelled lines (for a projector or a pipe): each turn
/// is typed, then what Waymark shows, what the safeguard decided and what the scenario
/// expected. With `compare`, each turn pairs "Responder alone:" with "Waymark shows:".
struct DemoPlainPlayer {
    let setup: DemoSetup
    let pacing: DemoPacing
    let compare: Bool
    /// For the method-boundary expectations (issue 18).
    var checks = ScenarioChecks()

    /// Play every turn; returns the transcript.
    func play() -> [TranscriptEntry] {
        let scenario = setup.scenario
        let strip = HelpStrip(nation: setup.person.nation)
        emit("Waymark demo: \(scenario.title)")
        emit("What it shows: \(scenario.demonstrates)")
        emit(
            "Person: \(setup.person.nation.rawValue)\(setup.person.ageBand.map { ", age \($0.rawValue)" } ?? "") · responder: \(setup.responderName)"
        )
        emit(strip.fullText)
        var aloneReplies: [String] = []
        var entries: [TranscriptEntry] = []
        for (index, turn) in scenario.turns.enumerated() {
            let number = index + 1
            if index > 0 { sleep(pacing.betweenTurns) }
            emit("")
            emit("── Turn \(number) of \(scenario.turns.count) ──")
            emit("Person types: ", newline: false)
            for character in turn.text {
                emit(String(character), newline: false)
                sleep(pacing.perCharacter)
            }
            emit("")
            sleep(pacing.beforeSending)
            if compare {
                let responder = setup.aloneResponder
                let turns = scenario.turns.prefix(number).map(\.text)
                let previous = aloneReplies
                let alone = Blocking.run {
                    await DemoSetup.aloneReply(responder: responder, turns: turns, replies: previous)
                }
                aloneReplies.append(alone)
                emit("Responder alone:")
                emit(indented(alone))
                emit("Waymark shows:")
            }
            let session = setup.session
            let text = turn.text
            let turnEntries = Blocking.run { () -> [TranscriptEntry] in
                for await _ in session.send(text) {}
                return await session.transcript.filter { $0.turn == number }
            }
            entries += turnEntries
            show(turnEntries, indent: compare)
            let record = ScenarioRun.record(
                itemID: scenario.id, turn: number, text: turn.text, gold: turn.expect.gold,
                entries: turnEntries, person: setup.person)
            emit(Self.decided(record))
            let problems = scenario.shortfalls(of: record, checks: checks)
            emit(
                "Expected: \(Self.expected(turn.expect))"
                    + (problems.isEmpty ? " — met" : " — differs: " + problems.joined(separator: "; ")))
            if !compare {
                for reply in turnEntries where reply.role == .assistant && reply.originalText != nil {
                    let notes =
                        reply.guardNotes.isEmpty ? "" : ": " + reply.guardNotes.joined(separator: "; ")
                    emit("Original reply (changed by the output guard\(notes)) — shown to clinicians only:")
                    emit(indented(reply.originalText ?? ""))
                }
            }
        }
        emit("")
        emit("End of the demo. \(strip.fullText)")
        return entries
    }

    private func show(_ entries: [TranscriptEntry], indent: Bool) {
        let prefix = indent ? "  " : ""
        for entry in entries {
            switch entry.role {
            case .user: break
            case .safeguard:
                emit(
                    prefix + "Waymark (support): "
                        + entry.text.replacingOccurrences(of: "\n", with: "\n" + prefix))
            case .assistant:
                let status = entry.status == .complete ? "" : " (\(entry.status.rawValue))"
                emit(
                    prefix + "Waymark\(status): "
                        + entry.text.replacingOccurrences(of: "\n", with: "\n" + prefix))
            case .notice:
                emit(prefix + "Note: " + entry.text)
            }
        }
    }

    private func indented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(
            separator: "\n")
    }

    /// What the safeguard decided, in one line.
    static func decided(_ record: TurnRecord) -> String {
        let assessment = record.assessment
        let categories = assessment.categories.map(\.rawValue).joined(separator: ", ")
        var parts = ["\(assessment.level)"]
        if !categories.isEmpty { parts.append(categories) }
        parts.append("subject \(assessment.subject.rawValue)")
        parts.append("message \(record.safeguardKind ?? "none")")
        if !record.services.isEmpty { parts.append("services " + record.services.joined(separator: ", ")) }
        return "Safeguard: " + parts.joined(separator: " · ")
    }

    /// What the scenario expects, in one line.
    static func expected(_ expect: Scenario.Expectation) -> String {
        var parts = ["\(expect.level)"]
        if !expect.categories.isEmpty {
            parts.append(expect.categories.map(\.rawValue).joined(separator: ", "))
        }
        parts.append("subject \(expect.subject.rawValue)")
        parts.append("message \(expect.safeguardMessage.rawValue)")
        if !expect.servicesInclude.isEmpty {
            parts.append("services include " + expect.servicesInclude.joined(separator: ", "))
        }
        return parts.joined(separator: " · ")
    }

    private func sleep(_ duration: Duration) {
        guard duration > .zero else { return }
        let (seconds, attoseconds) = duration.components
        var request = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
        _ = nanosleep(&request, nil)
    }
}
