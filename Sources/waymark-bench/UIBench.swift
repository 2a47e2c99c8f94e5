import ChatCore
import Foundation
import TerminalUI

/// Chat screen benchmarks: first frame, redraw after a keystroke with a long transcript, and
/// memory. Renders into an in-memory `CellGrid` (no terminal), so the figures are the
/// screen's own cost; ncurses only adds its diff-and-write of the changed cells.
func runUIBenchmarks() {
    DisplayWidth.ensureUTF8Locale()
    print("## Chat screen (TerminalUI)")
    print(String(format: "RSS at start: %.1f MB", residentMegabytes()))

    // Time to first frame: state with the intro, one render.
    let start = ContinuousClock.now
    var state = AppState(
        cols: 80, rows: 24, introText: String(repeating: "Waymark is peer support. ", count: 40),
        helpStrip: HelpStrip(), showIntro: true)
    let renderer = ScreenRenderer()
    _ = renderer.frame(state)
    print("first frame (intro, 80x24): \(milliseconds(ContinuousClock.now - start)) ms")

    _ = state.update(.key(.enter))
    for turns in [10, 10_000] {
        var big = state
        big.entries = transcript(turns: turns)
        let uiRenderer = ScreenRenderer()
        let firstStart = ContinuousClock.now
        _ = uiRenderer.frame(big)
        let first = ContinuousClock.now - firstStart
        let keystrokes = 500
        let typing = ContinuousClock.now
        for index in 0..<keystrokes {
            _ = big.update(.key(.character(index % 10 == 9 ? " " : "a")))
            _ = uiRenderer.frame(big)
        }
        let perKey = (ContinuousClock.now - typing) / keystrokes
        let streamingStart = ContinuousClock.now
        var reply = TranscriptEntry(
            id: 1_000_000, turn: turns + 1, role: .assistant, text: "", status: .streaming)
        big.apply(.entryAdded(reply))
        for word in 0..<200 {
            reply.text += "word\(word) "
            big.apply(.entryUpdated(reply))
            _ = uiRenderer.frame(big)
        }
        let perDelta = (ContinuousClock.now - streamingStart) / 200
        let scrollStart = ContinuousClock.now
        for _ in 0..<20 {
            _ = big.update(.key(.pageUp))
            _ = uiRenderer.frame(big)
        }
        let perPage = (ContinuousClock.now - scrollStart) / 20
        print(
            "\(turns) turns: first frame \(milliseconds(first)) ms · keystroke+redraw \(milliseconds(perKey)) ms · "
                + "streamed delta+redraw \(milliseconds(perDelta)) ms · PgUp+redraw \(milliseconds(perPage)) ms · "
                + String(format: "RSS %.1f MB", residentMegabytes()))
        withExtendedLifetime(big) {}
    }
}

private func transcript(turns: Int) -> [TranscriptEntry] {
    var entries: [TranscriptEntry] = []
    entries.reserveCapacity(turns * 2)
    for turn in 1...turns {
        entries.append(
            TranscriptEntry(
                id: turn * 2 - 1, turn: turn, role: .user,
                text: "Message \(turn): I had a long day and wanted to talk about it for a bit 😀"))
        entries.append(
            TranscriptEntry(
                id: turn * 2, turn: turn, role: .assistant,
                text: "Reply \(turn): That sounds tiring. What part of the day is staying with you the most?")
        )
    }
    return entries
}

private func milliseconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    return String(format: "%.3f", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
}

/// Resident set size of this process, from /proc/self/status (Linux).
func residentMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        let kilobytes = line.split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? 0
        return kilobytes / 1024
    }
    return 0
}
