import ChatCore
import Foundation
import Safeguard

/// The contextual encoder's cost: per message and per conversation turn (read with the two
/// turns before it), p50/p95 of thread CPU time on one core; a 1 MB message (evenly spread
/// windows); the whole engine per turn; memory for its weights.
func runEncoderBenchmark(engine: SafeguardEngine, typical: [String]) {
    guard let encoder = engine.encoder else {
        print("encoder: not loaded")
        return
    }
    func percentiles(_ samples: [Double]) -> (p50: Double, p95: Double) {
        let sorted = samples.sorted()
        return (sorted[sorted.count / 2], sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.95))])
    }
    func timed(_ body: () -> Void) -> Double {
        let start = threadSeconds()
        body()
        return threadSeconds() - start
    }
    var sink = 0.0
    for text in typical { sink += encoder.read(text).crisis }  // warm up
    var perMessage: [Double] = []
    var tokens: [Int] = []
    for round in 0..<5 {
        for text in typical {
            perMessage.append(timed { sink += encoder.read(text).crisis })
            if round == 0 { tokens.append(encoder.windows(text, previous: []).ids[0].count) }
        }
    }
    var perTurn: [Double] = []
    var turnTokens: [Int] = []
    var wholeTurn: [Double] = []
    for round in 0..<3 {
        var state = ConversationState()
        for index in 0..<typical.count {
            let text = typical[(index + round) % typical.count]
            let previous = state.recentTurns
            perTurn.append(timed { sink += encoder.read(text, previous: previous).crisis })
            if round == 0 { turnTokens.append(encoder.windows(text, previous: previous).ids[0].count) }
            var next = state
            wholeTurn.append(timed { next = engine.assess(text, state: state).state })
            state = next
        }
    }
    let sample = typical.joined(separator: " ")
    let megabyte = String(repeating: sample + " ", count: 1_000_000 / (sample.utf8.count + 1))
    let megabyteSeconds = timed { sink += encoder.read(megabyte).crisis }
    let message = percentiles(perMessage)
    let turn = percentiles(perTurn)
    let whole = percentiles(wholeTurn)
    let meanTokens = Double(tokens.reduce(0, +)) / Double(max(1, tokens.count))
    let meanTurnTokens = Double(turnTokens.reduce(0, +)) / Double(max(1, turnTokens.count))
    print(
        "contextual encoder (\(encoder.model.layerCount) layers, int8 weights read in place from the mapped file), "
            + "one core, thread CPU time")
    print(String(repeating: "-", count: 92))
    row(
        "encoder per message (p50 / p95)",
        String(format: "%.1f / %.1f ms", message.p50 * 1000, message.p95 * 1000),
        String(format: "(%.0f tokens avg)", meanTokens), true)
    row(
        "encoder per turn, 2 earlier turns (p50/p95)",
        String(format: "%.1f / %.1f ms", turn.p50 * 1000, turn.p95 * 1000),
        String(format: "(%.0f tokens avg)", meanTurnTokens), true)
    row(
        "whole safeguard per chat turn (p50/p95)",
        String(format: "%.1f / %.1f ms", whole.p50 * 1000, whole.p95 * 1000), "p95 ≤ 50 ms", whole.p95 <= 0.05
    )
    row(
        "encoder on a 1 MB message (\(encoder.model.maxWindows) windows)",
        String(format: "%.0f ms", megabyteSeconds * 1000), "(info)", true)
    row(
        "encoder throughput, typical messages", String(format: "%.0f msg/s", 1 / max(1e-9, message.p50)),
        "(info)", true)
    print(String(repeating: "-", count: 92))
    print(String(format: "(checksum %.3f)", sink))
}
