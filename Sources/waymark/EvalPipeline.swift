import ChatCore
import Foundation
import Safeguard
import WaymarkReview

/// Runs every labelled item through the whole turn pipeline (a fresh ``ChatSession`` per
/// item) and returns one record per user turn, conversations' turns consecutive and in order.
///
/// An item with its own responder script (a demo scenario showing an LLM that refuses, say)
/// is answered by that script; everything else by the configured responder.
///
/// `replies` counts the turns on which the responder was asked for a reply, and how many of
/// those failed (a notice and no complete reply).
func runPipeline(items: [EvalItem], environment: PipelineEnvironment) async throws -> (
    records: [TurnRecord], replies: (asked: Int, failed: Int)
) {
    var records: [TurnRecord] = []
    var asked = 0
    var failed = 0
    for item in items {
        let nation = item.nation.flatMap(Nation.init(rawValue:)) ?? environment.settings.person.nation
        let ageBand = item.ageBand.flatMap(AgeBand.init(rawValue:)) ?? environment.settings.ageBand
        let responder: (any Responder)? = item.responderScript.map { ScriptedResponder(replies: $0) }
        let session = environment.makeSession(
            responder: responder, person: PersonSettings(nation: nation, ageBand: ageBand))
        for (index, turn) in item.turns.enumerated() {
            for await _ in session.send(turn.text) {}
            let entries = await session.transcript.filter { $0.turn == index + 1 }
            let user = entries.first { $0.role == .user }
            let safeguard = entries.first { $0.role == .safeguard }
            let reply = entries.last { $0.role == .assistant && $0.status == .complete }
            let noticed = entries.contains { $0.role == .notice }
            if noticed || entries.contains(where: { $0.role == .assistant }) {
                asked += 1
                if noticed && reply == nil { failed += 1 }
            }
            let message = user?.plan?.message
            records.append(
                TurnRecord(
                    itemID: item.id, turn: index + 1, text: turn.text, gold: turn.gold,
                    assessment: user?.assessment ?? Assessment(),
                    safeguardKind: message?.kind.rawValue, safeguardText: safeguard?.text,
                    replyText: reply?.text, services: safeguard?.services ?? [],
                    firstStepOpenNow: message?.referral?.firstStep.isOpenNow,
                    nation: nation.rawValue, ageBand: ageBand?.rawValue))
        }
    }
    return (records, (asked, failed))
}
