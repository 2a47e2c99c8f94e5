import ChatCore
import Foundation
import Safeguard
import WaymarkReview

/// A scenario ready to play: its session on the real pipeline, and, for compare mode, the
/// same responder on its own (no safeguard, no output guard).
struct DemoSetup: Sendable {
    let scenario: Scenario
    let session: ChatSession
    /// The responder the session uses, with its own reply counter for compare mode.
    let aloneResponder: any Responder
    let responderName: String
    let person: PersonSettings

    /// The scenario's own script is used when the backend is the default built-in listener;
    /// any other configured backend (an LLM, a program) answers instead.
    static func make(
        scenario: Scenario, environment: PipelineEnvironment, wordDelay: Duration
    ) -> DemoSetup {
        let person = ScenarioRun.person(for: scenario)
        let usesScript =
            environment.settings.backend == .listening && environment.responderProblem == nil
            && scenario.responderScript != nil
        let sessionResponder: any Responder
        let aloneResponder: any Responder
        if usesScript, let script = scenario.responderScript {
            sessionResponder = ScriptedResponder(
                replies: script, wordDelay: wordDelay, displayName: "the scenario's scripted LLM")
            aloneResponder = ScriptedResponder(replies: script, displayName: "the scenario's scripted LLM")
        } else {
            sessionResponder = environment.responder
            aloneResponder = environment.responder
        }
        let session = environment.makeSession(responder: sessionResponder, person: person)
        return DemoSetup(
            scenario: scenario, session: session, aloneResponder: aloneResponder,
            responderName: sessionResponder.displayName, person: person)
    }

    /// What the responder alone says after `turns` (the person's messages so far, the last
    /// one new) and its own earlier `replies`, with no guidance beyond `.normal`.
    static func aloneReply(
        responder: any Responder, turns: [String], replies: [String]
    ) async -> String {
        var messages: [ChatMessage] = []
        for (index, text) in turns.enumerated() {
            messages.append(ChatMessage(role: .user, content: text))
            if index < replies.count {
                messages.append(ChatMessage(role: .assistant, content: replies[index]))
            }
        }
        var reply = ""
        do {
            for try await event in responder.respond(
                to: ChatRequest(messages: messages, guidance: .normal))
            {
                guard case .delta(let piece) = event else { break }
                reply += piece
            }
        } catch let failure as ResponderFailure {
            return "(the responder failed: \(failure.message))"
        } catch {
            return "(the responder failed)"
        }
        return reply
    }
}
