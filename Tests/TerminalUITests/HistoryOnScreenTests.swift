import ChatCore
import Foundation
import Testing

@testable import TerminalUI

/// While history is on, the screen says so every session: the status line, the intro and
/// `/about` (issue 15, bug 2).
@Suite struct HistoryOnScreenTests {
    init() { _ = utf8Locale }

    /// The reviewed intro, as the chat shows it.
    static let intro: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("resources/framing/intro.md")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    static func state(historyOn: Bool, intro: Bool) -> AppState {
        var state = AppState(cols: 80, rows: 40, introText: Self.intro, showIntro: intro)
        state.tools.historyEnabled = historyOn
        return state
    }

    static func screen(_ state: AppState) -> String {
        ScreenRenderer().frame(state).grid.lines.joined(separator: "\n")
    }

    @Test func theIntroSaysHistoryIsOnInsteadOfNothingIsSaved() throws {
        try #require(Self.intro.contains("Nothing you write is saved unless you turn history on"))
        let on = Self.screen(Self.state(historyOn: true, intro: true))
        #expect(on.contains("History is on: what you write here is saved on this"), "\(on)")
        #expect(!on.contains("Nothing you write is saved"), "\(on)")
        let off = Self.screen(Self.state(historyOn: false, intro: true))
        #expect(off.contains("Nothing you write is saved unless you turn history on"))
        #expect(!off.contains("History is on"))
    }

    @Test func aboutSaysItToo() {
        var state = Self.state(historyOn: true, intro: false)
        state.type("/about")
        _ = state.update(.key(.enter))
        #expect(state.overlay == .intro)
        #expect(Self.screen(state).contains("History is on"))
    }

    @Test func theStatusLineSaysHistoryOnWhateverElseItShows() throws {
        var state = Self.state(historyOn: true, intro: false)
        let grid = ScreenRenderer().frame(state).grid
        let statusRow = try #require(grid.lines.firstIndex { $0.contains("──") && $0.contains("history on") })
        #expect(
            grid.lines[statusRow].hasSuffix(" history on ─") || grid.lines[statusRow].hasSuffix(" history on")
        )
        // With a reply running, the marker stays.
        state.type("hello")
        _ = state.update(.key(.enter))
        #expect(
            ScreenRenderer().frame(state).grid.lines.contains {
                $0.contains("Waymark is replying") && $0.contains("history on")
            })
        // And with history off there is no marker.
        #expect(!Self.screen(Self.state(historyOn: false, intro: false)).contains("history on"))
    }
}
