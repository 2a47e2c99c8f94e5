import Testing

@testable import TerminalUI

/// Leaving with a half-typed message asks first (issue 15, "Leaving").
@Suite struct LeavingTests {
    init() { _ = utf8Locale }

    @Test func ctrlCWithADraftAsksThenLeavesOnTheSecondPress() {
        var state = Sample.state()
        state.type("half a thought")
        #expect(state.update(.key(.control("c"))) == [])
        #expect(state.status == "Your message isn't sent. Press Ctrl-C again to leave, or keep typing.")
        #expect(state.editor.text == "half a thought")
        #expect(state.update(.key(.control("c"))) == [.quit])
    }

    @Test func typingOnKeepsTheDraftAndAsksAgainNextTime() {
        var state = Sample.state()
        state.type("half")
        _ = state.update(.key(.control("c")))
        state.type(" more")
        #expect(state.status == nil)
        #expect(state.update(.key(.control("c"))) == [])
        #expect(state.editor.text == "half more")
    }

    @Test func ctrlDAtTheEndOfADraftAsksToo() {
        var state = Sample.state()
        state.type("unsent")
        #expect(state.update(.key(.control("d"))) == [])
        #expect(state.update(.key(.control("d"))) == [.quit])
        // In the middle of a message Ctrl-D still deletes forward.
        var editing = Sample.state()
        editing.type("abc")
        _ = editing.update(.key(.left))
        #expect(editing.update(.key(.control("d"))) == [])
        #expect(editing.editor.text == "ab")
    }

    @Test func withNothingTypedCtrlCAndCtrlDLeaveAtOnce() {
        var state = Sample.state()
        #expect(state.update(.key(.control("c"))) == [.quit])
        #expect(state.update(.key(.control("d"))) == [.quit])
    }

    @Test func theExitLineCarriesTheHelpNumbersFromTheStrip() {
        #expect(HelpStrip().exitText == "Help any time: 999 · Samaritans 116 123 · Text SHOUT to 85258")
    }
}
