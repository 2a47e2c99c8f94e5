import ChatCore
import Foundation
import Safeguard

/// A scenario played through a real ``ChatSession``: the transcript and one ``TurnRecord`` per
/// user turn, ready for ``Scenario/shortfalls(of:)``.
public struct ScenarioRun: Sendable {
    /// Everything the session showed, oldest first.
    public var entries: [TranscriptEntry]
    /// One record per user turn, in order.
    public var records: [TurnRecord]

    public init(entries: [TranscriptEntry], records: [TurnRecord]) {
        self.entries = entries
        self.records = records
    }

    /// The person's settings a scenario asks for (its nation and age band; England otherwise).
    public static func person(for scenario: Scenario) -> PersonSettings {
        PersonSettings(
            nation: Nation(rawValue: scenario.nation) ?? .england,
            ageBand: scenario.ageBand.flatMap(AgeBand.init(rawValue:)))
    }

    /// Play every turn of `scenario` through `session`, waiting for each reply to finish.
    public static func play(_ scenario: Scenario, in session: ChatSession) async -> ScenarioRun {
        let person = person(for: scenario)
        var records: [TurnRecord] = []
        for (index, turn) in scenario.turns.enumerated() {
            for await _ in session.send(turn.text) {}
            let entries = await session.transcript
            records.append(
                record(
                    itemID: scenario.id, turn: index + 1, text: turn.text, gold: turn.expect.gold,
                    entries: entries, person: person))
        }
        return ScenarioRun(entries: await session.transcript, records: records)
    }

    /// The record of user turn `turn` from a session's transcript.
    public static func record(
        itemID: String, turn: Int, text: String, gold: GoldLabel?, entries: [TranscriptEntry],
        person: PersonSettings
    ) -> TurnRecord {
        let ofTurn = entries.filter { $0.turn == turn }
        let user = ofTurn.first { $0.role == .user }
        let safeguard = ofTurn.first { $0.role == .safeguard }
        let reply = ofTurn.last { $0.role == .assistant && $0.status == .complete }
        let message = user?.plan?.message
        return TurnRecord(
            itemID: itemID, turn: turn, text: text, gold: gold,
            assessment: user?.assessment ?? Assessment(),
            safeguardKind: message?.kind.rawValue, safeguardText: safeguard?.text,
            replyText: reply?.text, services: safeguard?.services ?? [],
            firstStepOpenNow: message?.referral?.firstStep.isOpenNow,
            nation: person.nation.rawValue, ageBand: person.ageBand?.rawValue)
    }
}
