import ChatCore
import Testing

@testable import TerminalUI

@Suite struct AppStateTests {
    init() { _ = utf8Locale }

    @Test func enterSendsTheMessageAndClearsTheEditor() {
        var state = Sample.state()
        state.type("hello 😀")
        let effects = state.update(.key(.enter))
        #expect(effects == [.send("hello 😀")])
        #expect(state.editor.isEmpty)
        #expect(state.isReplying)
    }

    @Test func altEnterAndCtrlJInsertNewlines() {
        var state = Sample.state()
        state.type("a")
        var effects = state.update(.key(.newline))
        #expect(effects == [])
        state.type("b")
        effects = state.update(.key(.control("j")))
        #expect(effects == [])
        state.type("c")
        effects = state.update(.key(.enter))
        #expect(effects == [.send("a\nb\nc")])
    }

    @Test func emptyMessageIsNotSent() {
        var state = Sample.state()
        state.type("   ")
        let effects = state.update(.key(.enter))
        #expect(effects == [])
    }

    @Test func introIsDismissedWithEnterAndReachableAgain() {
        var state = Sample.state(intro: true)
        #expect(state.overlay == .intro)
        var effects = state.update(.key(.enter))
        #expect(effects == [])
        #expect(state.overlay == nil)
        state.type("/about")
        effects = state.update(.key(.enter))
        #expect(effects == [])
        #expect(state.overlay == .intro)
    }

    @Test func functionKeysTogglePanelsAndEscapeCloses() {
        var state = Sample.state()
        _ = state.update(.key(.function(2)))
        #expect(state.overlay == .services)
        _ = state.update(.key(.function(3)))
        #expect(state.overlay == .inspector)
        _ = state.update(.key(.function(3)))
        #expect(state.overlay == nil)
        _ = state.update(.key(.function(1)))
        #expect(state.overlay == .help)
        _ = state.update(.key(.escape))
        #expect(state.overlay == nil)
    }

    @Test func escapeCancelsAStreamingReplyWithoutLeaving() {
        var state = Sample.state()
        state.type("hi")
        _ = state.update(.key(.enter))
        var effects = state.update(.key(.escape))
        #expect(effects == [.cancelReply])
        #expect(state.update(.key(.escape)) == [])  // already cancelling
        _ = state.update(.session(.turnFinished(turn: 1)))
        #expect(!state.isReplying)
        effects = state.update(.key(.escape))
        #expect(effects == [])
    }

    @Test func stoppingTheReplyLeavesTheStatusLineWhenTheStopCompletes() {
        var state = Sample.state()
        state.type("hi")
        _ = state.update(.key(.enter))
        _ = state.update(.key(.escape))
        #expect(state.status == "Stopping the reply…")
        _ = state.update(.session(.turnFinished(turn: 1)))
        #expect(state.status == nil)
        // The stream ending without a turn-finished event clears it too.
        state.type("again")
        _ = state.update(.key(.enter))
        _ = state.update(.key(.escape))
        _ = state.update(.replyStreamEnded)
        #expect(state.status == nil)
        #expect(!ScreenRenderer().frame(state).grid.lines.joined().contains("Stopping the reply"))
    }

    @Test func ctrlCCancelsWhileReplyingAndQuitsOtherwise() {
        var state = Sample.state()
        state.type("hi")
        _ = state.update(.key(.enter))
        var effects = state.update(.key(.control("c")))
        #expect(effects == [.cancelReply])
        _ = state.update(.replyStreamEnded)
        effects = state.update(.key(.control("c")))
        #expect(effects == [.quit])
    }

    @Test func commandsProduceEffectsOrPanels() {
        var state = Sample.state()
        state.type("/export ~/chat.md")
        var effects = state.update(.key(.enter))
        #expect(effects == [.export(path: "~/chat.md")])
        state.type("/export")
        effects = state.update(.key(.enter))
        #expect(effects == [.export(path: nil)])
        for (command, overlay) in [
            ("/help", Overlay.help), ("/services", .services), ("/inspector", .inspector),
        ] {
            state.overlay = nil
            state.type(command)
            effects = state.update(.key(.enter))
            #expect(effects == [])
            #expect(state.overlay == overlay)
        }
        state.overlay = nil
        state.type("/quit")
        effects = state.update(.key(.enter))
        #expect(effects == [.quit])
    }

    @Test func unknownCommandGetsAHelpfulNoticeAndIsNotSent() {
        var state = Sample.state()
        state.type("/frobnicate")
        var effects = state.update(.key(.enter))
        #expect(effects == [])
        #expect(state.entries.last?.role == .notice)
        #expect(state.entries.last?.text.contains("Unknown command /frobnicate") == true)
        #expect(state.entries.last?.text.contains("/help") == true)
        state.type("//slash at the start")
        effects = state.update(.key(.enter))
        #expect(effects == [.send("/slash at the start")])
    }

    /// Issue 12: `/nation` and `/age` set the routing; nonsense gets a notice with the usage.
    @Test func nationAndAgeCommandsSetWhereServicesAreFor() {
        var state = Sample.state()
        state.type("/nation Northern Ireland")
        #expect(state.update(.key(.enter)) == [.setPerson(nation: .northernIreland, ageBand: nil)])
        #expect(state.helpStrip.nation == .northernIreland)
        state.type("/age 15")
        #expect(state.update(.key(.enter)) == [.setPerson(nation: nil, ageBand: .under19)])
        state.type("/nation narnia")
        #expect(state.update(.key(.enter)) == [])
        #expect(state.entries.last?.text.contains("/nation scotland") == true)
        state.type("/age old")
        #expect(state.update(.key(.enter)) == [])
        #expect(state.entries.last?.text.contains("/age 15") == true)
    }

    @Test func clearHidesTheScreenButKeepsEntriesForExport() {
        var state = Sample.state()
        _ = state.update(.session(.entryAdded(Sample.user(1, "one", turn: 1))))
        state.type("/clear")
        _ = state.update(.key(.enter))
        #expect(state.shownEntries.isEmpty)
        #expect(state.entries.count == 1)
    }

    @Test func veryLongMessageAsksBeforeSending() {
        var state = Sample.state()
        let long = String(repeating: "word ", count: 1000)
        var effects = state.update(.paste(long))
        #expect(effects == [])
        #expect(state.editor.text == long)
        effects = state.update(.key(.enter))
        #expect(effects == [])
        #expect(state.overlay == .confirmLongMessage)
        effects = state.update(.key(.escape))
        #expect(effects == [])
        #expect(state.editor.text == long)
        _ = state.update(.key(.enter))
        effects = state.update(.key(.enter))
        #expect(effects == [.send(long)])
    }

    @Test func pasteKeepsNewlinesAndNeverSends() {
        var state = Sample.state()
        let effects = state.update(.paste("line one\r\nline two\n"))
        #expect(effects == [])
        #expect(state.editor.text == "line one\nline two\n")
    }

    @Test func sessionEventsReplaceEntriesById() {
        var state = Sample.state()
        _ = state.update(.session(.entryAdded(Sample.user(1, "hi", turn: 1))))
        _ = state.update(.session(.entryAdded(Sample.reply(2, "", turn: 1, status: .streaming))))
        _ = state.update(.session(.entryUpdated(Sample.reply(2, "Hello", turn: 1, status: .streaming))))
        _ = state.update(.session(.entryUpdated(Sample.reply(2, "Hello there", turn: 1))))
        #expect(state.entries.map(\.text) == ["hi", "Hello there"])
        #expect(state.entries[1].status == .complete)
    }

    @Test func scrollingUpMarksNewMessagesBelowAndSafeguardJumpsBack() {
        var state = Sample.state()
        _ = state.update(.key(.pageUp))
        #expect(state.scrollOffset == state.layout.pageSize)
        _ = state.update(.session(.entryAdded(Sample.reply(5, "more", turn: 1))))
        #expect(state.unseenBelow)
        _ = state.update(.wheel(.down))
        #expect(state.scrollOffset == state.layout.pageSize - 3)
        _ = state.update(.session(.entryAdded(Sample.card(6, "Samaritans 116 123", turn: 1))))
        #expect(state.scrollOffset == 0)
        #expect(!state.unseenBelow)
    }

    @Test func replyGrowingWhileScrolledUpCountsAsNewBelow() {
        var state = Sample.state()
        _ = state.update(.session(.entryAdded(Sample.reply(1, "Hel", turn: 1, status: .streaming))))
        _ = state.update(.key(.pageUp))
        #expect(!state.unseenBelow)
        _ = state.update(.session(.entryUpdated(Sample.reply(1, "Hello", turn: 1, status: .streaming))))
        #expect(state.unseenBelow)
    }

    @Test func messageSentWhileReplyingWaitsForTheTurnToEnd() {
        var state = Sample.state()
        state.type("first")
        _ = state.update(.key(.enter))
        state.type("second")
        let queued = state.update(.key(.enter))
        #expect(queued == [])
        #expect(state.editor.isEmpty)
        #expect(state.queuedMessage == "second")
        state.type("third")
        let refused = state.update(.key(.enter))
        #expect(refused == [])
        #expect(state.editor.text == "third")
        _ = state.update(.session(.turnFinished(turn: 1)))
        let sent = state.update(.replyStreamEnded)
        #expect(sent == [.send("second")])
        #expect(state.isReplying)
        #expect(state.queuedMessage == nil)
    }

    @Test func upAndDownRecallHistory() {
        var state = Sample.state()
        state.type("earlier")
        _ = state.update(.key(.enter))
        _ = state.update(.replyStreamEnded)
        _ = state.update(.key(.up))
        #expect(state.editor.text == "earlier")
        _ = state.update(.key(.down))
        #expect(state.editor.isEmpty)
    }

    @Test func exportResultBecomesANotice() {
        var state = Sample.state()
        _ = state.update(.exportFinished(path: "/tmp/x.md", error: nil))
        #expect(state.entries.last?.text.contains("/tmp/x.md") == true)
        _ = state.update(.exportFinished(path: "/nope/x.md", error: "cannot create"))
        #expect(state.entries.last?.text.contains("Export failed") == true)
    }

    @Test func resizeChangesTheLayout() {
        var state = Sample.state()
        _ = state.update(.resize(cols: 40, rows: 12))
        #expect(state.layout.helpStrip.row == 11)
        #expect(state.layout.title.rows == 0)
    }
}

/// A message sent while the safeguard loads (or a busy machine assesses it) shows at once,
/// marked "checking…" until the session's assessed entry replaces it (issue 15, bug 3).
@Suite struct PendingMessageTests {
    init() { _ = utf8Locale }

    static func screen(_ state: AppState) -> [String] { ScreenRenderer().frame(state).grid.lines }

    @Test func aSentMessageAppearsAtOnceMarkedCheckingUntilAssessed() {
        var state = Sample.state()
        state.type("hello there")
        #expect(state.update(.key(.enter)) == [.send("hello there")])
        let before = Self.screen(state)
        #expect(before.contains("   hello there"), "\(before)")
        #expect(before.contains("   checking…"), "\(before)")
        _ = state.update(.session(.entryAdded(Sample.user(1, "hello there", turn: 1))))
        let after = Self.screen(state)
        #expect(after.filter { $0 == "   hello there" }.count == 1, "\(after)")
        #expect(!after.contains("   checking…"), "\(after)")
        #expect(state.entries.map(\.id) == [1])
        _ = state.update(.session(.entryAdded(Sample.reply(2, "I'm listening.", turn: 1))))
        _ = state.update(.session(.turnFinished(turn: 1)))
        #expect(state.entries.map(\.id) == [1, 2])
    }

    @Test func aTurnThatEndsWithoutTheSessionsEntryKeepsTheMessageUnmarked() {
        var state = Sample.state()
        state.type("anyone there?")
        _ = state.update(.key(.enter))
        _ = state.update(.replyStreamEnded)
        let screen = Self.screen(state)
        #expect(screen.contains("   anyone there?"))
        #expect(!screen.contains("   checking…"))
    }
}
