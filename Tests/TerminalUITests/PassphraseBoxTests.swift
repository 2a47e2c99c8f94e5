import ChatCore
import Testing

@testable import TerminalUI

/// `/unlock` on the chat screen (issue 13, item 12): the passphrase of encrypted history is typed
/// in a box that never draws it, never keeps it in the editor or the transcript, and is handed
/// to the store once.
@Suite struct PassphraseBoxTests {
    init() { _ = utf8Locale }

    static func lockedState() -> AppState {
        var state = Sample.state(cols: 80, rows: 24)
        state.tools.historyLocked = true
        return state
    }

    static func screen(_ state: AppState) -> String {
        ScreenRenderer().frame(state).grid.lines.joined(separator: "\n")
    }

    @Test func theTypedPassphraseIsNeverShownAndGoesToTheStoreOnEnter() {
        var state = Self.lockedState()
        state.type("/unlock")
        #expect(state.update(.key(.enter)) == [])
        #expect(state.overlay == .passphrase)
        #expect(Self.screen(state).contains("Unlock your saved history"))
        state.type("zebraquill")
        _ = state.update(.paste(" mist\n"))
        let shown = Self.screen(state)
        #expect(!shown.contains("zebra"), "\(shown)")
        #expect(!shown.contains("mist"), "\(shown)")
        #expect(state.editor.isEmpty)
        #expect(state.update(.key(.enter)) == [.unlockHistory("zebraquill mist")])
        #expect(state.overlay == nil)
        #expect(state.tools.passphraseEntry.isEmpty)
        #expect(!state.entries.contains { $0.text.contains("zebraquill") })
        _ = state.editor.historyPrevious()
        #expect(!state.editor.text.contains("zebraquill"), "not in the editor's recall")
    }

    @Test func backspaceAndCtrlUEditWhatIsTyped() {
        var state = Self.lockedState()
        state.type("/unlock")
        _ = state.update(.key(.enter))
        state.type("abcx")
        _ = state.update(.key(.backspace))
        #expect(state.update(.key(.enter)) == [.unlockHistory("abc")])
        state.type("/unlock")
        _ = state.update(.key(.enter))
        state.type("wrong")
        _ = state.update(.key(.control("u")))
        state.type("right")
        #expect(state.update(.key(.enter)) == [.unlockHistory("right")])
    }

    @Test func escapeOrAnEmptyEnterCancelsAndForgetsWhatWasTyped() {
        var state = Self.lockedState()
        state.type("/unlock")
        _ = state.update(.key(.enter))
        state.type("halfway")
        #expect(state.update(.key(.escape)) == [])
        #expect(state.overlay == nil)
        #expect(state.tools.passphraseEntry.isEmpty)
        #expect(state.status?.contains("stays locked") == true)
        state.type("/unlock")
        _ = state.update(.key(.enter))
        #expect(state.update(.key(.enter)) == [])
        #expect(state.overlay == nil)
    }

    @Test func withHistoryNotLockedUnlockJustSaysSo() {
        var state = Sample.state(cols: 80, rows: 24)
        state.type("/unlock")
        #expect(state.update(.key(.enter)) == [])
        #expect(state.overlay == nil)
        #expect(state.entries.last?.text.contains("isn't locked") == true)
    }

    @Test func anUnlockedEventEndsTheLockAndIsSaid() {
        var state = Self.lockedState()
        state.tools.historyEnabled = true
        #expect(Self.screen(state).contains("history locked · /unlock"))
        _ = state.update(.historyUnlocked("History unlocked: what you write is saved, encrypted."))
        #expect(!state.tools.historyLocked)
        #expect(Self.screen(state).contains(" history on "))
        #expect(state.entries.last?.text.hasPrefix("History unlocked") == true)
        state.type("/unlock")
        _ = state.update(.key(.enter))
        #expect(state.overlay == nil)
    }
}
