import ChatCore
import Safeguard
import WaymarkReview

/// Runs every labelled item through the whole turn pipeline and returns one record per user
/// turn, conversations' turns consecutive and in order.
///
/// TEMPORARY until ChatSession lands: this stand-in calls nothing and returns an empty
/// `Assessment()` for every turn, so `waymark eval` and its reports can be built and checked
/// before the pipeline exists. The lead replaces this one function.
func runPipeline(items: [EvalItem]) async throws -> [TurnRecord] {
    // TEMPORARY until ChatSession lands
    var records: [TurnRecord] = []
    for item in items {
        for (index, turn) in item.turns.enumerated() {
            records.append(
                TurnRecord(
                    itemID: item.id, turn: index + 1, text: turn.text, gold: turn.gold,
                    assessment: Assessment(),
                    nation: item.nation ?? "england", ageBand: item.ageBand))
        }
    }
    return records
}
