import ChatCore
import Testing

@testable import TerminalUI

/// Full-screen frames of the key states at 80×24 and 40×12, compared line by line.
@Suite struct ScreenRendererTests {
    init() { _ = utf8Locale }

    private func frame(_ name: String, cols: Int, rows: Int) -> CellGrid {
        var state = Sample.state(cols: cols, rows: rows, intro: name == "intro")
        FrameFixtures.fill(&state, name)
        return ScreenRenderer().frame(state).grid
    }

    @Test func introFrame80x24() {
        #expect(
            frame("intro", cols: 80, rows: 24).lines == [
                " Waymark · peer support                      F1 help  F2 services  F3 inspector",
                "┌─ Welcome to Waymark ─────────────────────────────────────────────────────────┐",
                "│ Hello                                                                        │",
                "│                                                                              │",
                "│ Waymark is peer support, not a crisis service.                               │",
                "│                                                                              │",
                "│ • In danger now: call 999.                                                   │",
                "│                                                                              │",
                "│                                                                              │",
                "│                                                                              │",
                "│                                                                              │",
                "│                                                                              │",
                "│                                                                              │",
                "│                                                                              │",
                "│                                                                              │",
                "│                                                                              │",
                "│                                                                              │",
                "│                                                                              │",
                "│                                                                              │",
                "│                                                                              │",
                "└─ Enter to start · F1 help ───────────────────────────────────────────────────┘",
                "─ Press Enter to start ─────────────────────────────────────────────────────────",
                "›",
                "In danger now: 999 · Samaritans 116 123 (free, 24/7) · Text SHOUT to 85258",
            ])
    }

    @Test func introFrame40x12() {
        #expect(
            frame("intro", cols: 40, rows: 12).lines == [
                "┌─ Welcome to Waymark ─────────────────┐",
                "│ Hello                                │",
                "│                                      │",
                "│ Waymark is peer support, not a       │",
                "│ crisis service.                      │",
                "│                                      │",
                "│ • In danger now: call 999.           │",
                "│                                      │",
                "└─ Enter to start · F1 help ───────────┘",
                "─ Press Enter to start ─────────────────",
                "›",
                "In danger now: 999 · Samaritans 116 123",
            ])
    }

    @Test func chatFrame80x24() {
        #expect(
            frame("chat", cols: 80, rows: 24).lines == [
                " Waymark · peer support                      F1 help  F2 services  F3 inspector",
                " You",
                "   Hello, I had a rough day at work.",
                "",
                " Waymark",
                "   I'm sorry it was rough. Do you want to tell me what happened?",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "────────────────────────────────────────────────────────────────────────────────",
                "› Type a message · Enter sends · Alt-Enter new line · F1 help",
                "In danger now: 999 · Samaritans 116 123 (free, 24/7) · Text SHOUT to 85258",
            ])
    }

    @Test func chatFrame40x12() {
        #expect(
            frame("chat", cols: 40, rows: 12).lines == [
                " You",
                "   Hello, I had a rough day at work.",
                "",
                " Waymark",
                "   I'm sorry it was rough. Do you want",
                "   to tell me what happened?",
                "",
                "",
                "",
                "────────────────────────────────────────",
                "› Type a message · Enter sends · Alt-E…",
                "In danger now: 999 · Samaritans 116 123",
            ])
    }

    @Test func crisisFrame80x24() {
        #expect(
            frame("crisis", cols: 80, rows: 24).lines == [
                " Waymark · peer support                      F1 help  F2 services  F3 inspector",
                " You",
                "   Hello",
                "",
                " Waymark",
                "   Hi, I'm listening.",
                "",
                " You",
                "   I feel like no way out of this",
                "",
                " ┌─ Support · Waymark ─────────────────────────────────────────────────────────┐",
                " │ You deserve support now. Samaritans: 116 123, free, any time.               │",
                " └─────────────────────────────────────────────────────────────────────────────┘",
                "",
                " Waymark",
                "   I'm still here with you.",
                "",
                "",
                "",
                "",
                "",
                "────────────────────────────────────────────────────────────────────────────────",
                "› Type a message · Enter sends · Alt-Enter new line · F1 help",
                "In danger now: 999 · Samaritans 116 123 (free, 24/7) · Text SHOUT to 85258",
            ])
    }

    @Test func crisisFrame40x12() {
        #expect(
            frame("crisis", cols: 40, rows: 12).lines == [
                " ┌─ Support · Waymark ─────────────────┐",
                " │ You deserve support now.            │",
                " │ Samaritans: 116 123, free, any      │",
                " │ time.                               │",
                " └─────────────────────────────────────┘",
                "",
                " Waymark",
                "   I'm still here with you.",
                "",
                "────────────────────────────────────────",
                "› Type a message · Enter sends · Alt-E…",
                "In danger now: 999 · Samaritans 116 123",
            ])
    }

    @Test func helpFrame80x24() {
        #expect(
            frame("help", cols: 80, rows: 24).lines == [
                " Waymark · peer support                      F1 help  F2 services  F3 inspector",
                "┌─ Help · F1 ──────────────────────────────────────────────────────────────────┐",
                "│ Keys                                                                         │",
                "│ Enter               send                                                     │",
                "│ Alt-Enter, Ctrl-J   new line in the message                                  │",
                "│ ←/→, Alt-B/Alt-F    move by character / by word                              │",
                "│ Home/End, Ctrl-A/E  start / end of the line                                  │",
                "│ Ctrl-K, Ctrl-U      delete to end / start of line                            │",
                "│ Ctrl-W              delete the word before the cursor                        │",
                "│ ↑/↓                 previous / next message you sent                         │",
                "│ PgUp/PgDn, wheel    scroll the conversation                                  │",
                "│ Esc                 stop a reply; close a panel                              │",
                "│ F1 / F2 / F3        help / services / inspector                              │",
                "│ Ctrl-C              stop a reply, or leave                                   │",
                "│ Ctrl-D              leave (when the message is empty)                        │",
                "│                                                                              │",
                "│ Commands                                                                     │",
                "│ /help               keys and commands (F1)                                   │",
                "│ /about              what Waymark is and is not (the intro)                   │",
                "│ /services           UK support services (F2)                                 │",
                "└─ Esc closes · PgUp/PgDn scroll ──────────────────────────────────── ↓ 18/40 ─┘",
                "────────────────────────────────────────────────────────────────────────────────",
                "›",
                "In danger now: 999 · Samaritans 116 123 (free, 24/7) · Text SHOUT to 85258",
            ])
    }

    @Test func helpFrame40x12() {
        #expect(
            frame("help", cols: 40, rows: 12).lines == [
                "┌─ Help · F1 ──────────────────────────┐",
                "│ Keys                                 │",
                "│ Enter               send             │",
                "│ Alt-Enter, Ctrl-J   new line in the  │",
                "│                     message          │",
                "│ ←/→, Alt-B/Alt-F    move by          │",
                "│                     character / by   │",
                "│                     word             │",
                "└─ Esc closes · PgUp/PgDn sc…─ ↓ 7/96 ─┘",
                "────────────────────────────────────────",
                "›",
                "In danger now: 999 · Samaritans 116 123",
            ])
    }

    @Test func servicesFrame80x24() {
        #expect(
            frame("services", cols: 80, rows: 24).lines == [
                " Waymark · peer support                      F1 help  F2 services  F3 inspector",
                "┌─ UK services · F2 ───────────────────────────────────────────────────────────┐",
                "│ Offered in this conversation                                                 │",
                "│ Samaritans                                                                   │",
                "│   116 123 · 24/7 · open now                                                  │",
                "│                                                                              │",
                "│ Other services                                                               │",
                "│ Shout                                                                        │",
                "│   Text SHOUT to 85258 · 24/7 · open now                                      │",
                "│ Breathing Space                                                              │",
                "│   0800 83 85 87 · closed now                                                 │",
                "│                                                                              │",
                "│                                                                              │",
                "│                                                                              │",
                "│                                                                              │",
                "│                                                                              │",
                "│                                                                              │",
                "│                                                                              │",
                "│                                                                              │",
                "│                                                                              │",
                "└─ Esc closes · PgUp/PgDn scroll ──────────────────────────────────────────────┘",
                "────────────────────────────────────────────────────────────────────────────────",
                "›",
                "In danger now: 999 · Samaritans 116 123 (free, 24/7) · Text SHOUT to 85258",
            ])
    }

    @Test func servicesFrame40x12() {
        #expect(
            frame("services", cols: 40, rows: 12).lines == [
                "┌─ UK services · F2 ───────────────────┐",
                "│ Offered in this conversation         │",
                "│ Samaritans                           │",
                "│   116 123 · 24/7 · open now          │",
                "│                                      │",
                "│ Other services                       │",
                "│ Shout                                │",
                "│   Text SHOUT to 85258 · 24/7 · open  │",
                "└─ Esc closes · PgUp/PgDn sc…─ ↓ 7/10 ─┘",
                "────────────────────────────────────────",
                "›",
                "In danger now: 999 · Samaritans 116 123",
            ])
    }

    @Test func inspectorFrame80x24() {
        #expect(
            frame("inspector", cols: 80, rows: 24).lines == [
                " Waymark · peer support                      F1 help  F2 services  F3 inspector",
                "┌─ Inspector · F3 ─────────────────────────────────────────────────────────────┐",
                "│ Risk over time ▁▆                                                            │",
                "│ ▁ none  ▂ distress  ▄ boundary  ▆ crisis  █ emergency                        │",
                "│                                                                              │",
                "│ Turn 1 · none · subject none                                                 │",
                "│   Hello                                                                      │",
                "│   reply: complete                                                            │",
                "│                                                                              │",
                "│ Turn 2 · crisis · suicide · subject self                                     │",
                "│   I feel like no way out of this                                             │",
                "│   ◆ test.no_way_out “no way out” → crisis                                    │",
                "│   why: current hopelessness with no way out                                  │",
                "│   plan: level crisis · responder strict · message fullReferral · services:   │",
                "│         samaritans                                                           │",
                "│   reply: complete                                                            │",
                "│                                                                              │",
                "│                                                                              │",
                "│                                                                              │",
                "│                                                                              │",
                "└─ Esc closes · PgUp/PgDn scroll ──────────────────────────────────────────────┘",
                "────────────────────────────────────────────────────────────────────────────────",
                "›",
                "In danger now: 999 · Samaritans 116 123 (free, 24/7) · Text SHOUT to 85258",
            ])
    }

    @Test func inspectorFrame40x12() {
        #expect(
            frame("inspector", cols: 40, rows: 12).lines == [
                "┌─ Inspector · F3 ─────────────────────┐",
                "│ Risk over time ▁▆                    │",
                "│ ▁ none  ▂ distress  ▄ boundary  ▆    │",
                "│ crisis  █ emergency                  │",
                "│                                      │",
                "│ Turn 1 · none · subject none         │",
                "│   Hello                              │",
                "│   reply: complete                    │",
                "└─ Esc closes · PgUp/PgDn sc…─ ↓ 7/20 ─┘",
                "────────────────────────────────────────",
                "›",
                "In danger now: 999 · Samaritans 116 123",
            ])
    }

    @Test func wideFrame80x24() {
        #expect(
            frame("wide", cols: 80, rows: 24).lines == [
                " Waymark · peer support                      F1 help  F2 services  F3 inspector",
                " You",
                "   emoji 😀🚀 family 👨‍👩‍👧 中文字符 é",
                "",
                " Waymark",
                "   日本語のテキスト and 한국어 …",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "────────────────────────────────────────────────────────────────────────────────",
                "› typing 😀 中",
                "In danger now: 999 · Samaritans 116 123 (free, 24/7) · Text SHOUT to 85258",
            ])
    }

    @Test func wideFrame40x12() {
        #expect(
            frame("wide", cols: 40, rows: 12).lines == [
                " You",
                "   emoji 😀🚀 family 👨‍👩‍👧 中文字符 é",
                "",
                " Waymark",
                "   日本語のテキスト and 한국어 …",
                "",
                "",
                "",
                "",
                "────────────────────────────────────────",
                "› typing 😀 中",
                "In danger now: 999 · Samaritans 116 123",
            ])
    }

    @Test func helpStripIsTheLastRowOfEveryFrameAndKeepsTheNumbers() {
        for name in ["intro", "chat", "crisis", "help", "services", "inspector", "wide"] {
            for (cols, rows) in [(80, 24), (40, 12), (30, 8), (24, 5)] {
                let lines = frame(name, cols: cols, rows: rows).lines
                let strip = lines.suffix(2).joined(separator: " ")
                #expect(strip.contains("999"), "\(name) \(cols)x\(rows)")
                #expect(strip.contains("Samaritans 116 123"), "\(name) \(cols)x\(rows)")
            }
        }
    }

    @Test func userAndWaymarkTurnsLookDifferent() {
        let grid = frame("chat", cols: 80, rows: 24)
        let you = grid.style(of: "You", inRow: 1)
        let waymark = grid.style(of: "Waymark", inRow: 4)
        #expect(you?.role == .user)
        #expect(waymark?.role == .assistant)
        #expect(grid.style(of: "In danger", inRow: 23)?.role == .help)
    }

    @Test func crisisCardIsFramedInTheSafeguardStyle() {
        let grid = frame("crisis", cols: 80, rows: 24)
        let row = grid.lines.firstIndex { $0.contains("Support · Waymark") } ?? -1
        #expect(row > 0)
        #expect(grid.style(of: "┌", inRow: row)?.role == .safeguard)
    }

    @Test func inspectorHighlightsTheMatchedSpan() {
        let grid = frame("inspector", cols: 80, rows: 24)
        let row = grid.lines.firstIndex { $0.contains("I feel like no way out of this") } ?? -1
        #expect(grid.style(of: "no way out", inRow: row)?.role == .highlight)
        #expect(grid.style(of: "I feel", inRow: row)?.role == .user)
    }

    @Test func tinyTerminalsDegradeWithoutCrashing() {
        for (cols, rows) in [(10, 3), (1, 1), (0, 0), (20, 2), (12, 6)] {
            let grid = frame("crisis", cols: cols, rows: rows)
            #expect(grid.rows == rows)
            #expect(grid.lines.allSatisfy { DisplayWidth.of($0) <= cols })
        }
    }

    @Test func wideCharactersTakeTwoCellsAndTheCursorFollowsThem() {
        let grid = frame("wide", cols: 40, rows: 12)
        // "› typing 😀 中": the cursor sits after the ideograph (2 + 7 + 2 + 1 + 2 columns).
        #expect(grid.cursor == CellGrid.Position(row: 10, col: 14))
        #expect(grid[10, 9].text == "😀" && grid[10, 10].text == "")
    }

    @Test func resizeReflowsTheTranscript() {
        var state = Sample.state(cols: 80, rows: 24)
        FrameFixtures.fill(&state, "chat")
        let renderer = ScreenRenderer()
        #expect(
            renderer.frame(state).grid.lines[5]
                == "   I'm sorry it was rough. Do you want to tell me what happened?")
        _ = state.update(.resize(cols: 30, rows: 12))
        let lines = renderer.frame(state).grid.lines
        #expect(
            lines.prefix(7) == [
                " You", "   Hello, I had a rough day at", "   work.", "", " Waymark",
                "   I'm sorry it was rough. Do", "   you want to tell me what",
            ])
    }
}

/// Scrolling past the content (after a resize or with a short transcript) is clamped back into
/// the state before the frame is painted.
@Test func aPaintableFrameClampsScrollingPastTheContent() {
    var state = Sample.state()
    state.scrollOffset = 500
    let renderer = ScreenRenderer()
    let grid = renderer.paintableFrame(&state)
    #expect(state.scrollOffset == 0)
    #expect(grid.rows == state.rows && grid.cols == state.cols)
    #expect(renderer.frame(state).report.transcriptScroll == state.scrollOffset)
}
