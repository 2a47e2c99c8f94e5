import ChatCore
import Testing
import WaymarkTesting

@testable import TerminalUI

/// The whole screen pipeline without a terminal: keys → update → effects → EchoDriver →
/// session events → update → rendered frame.
@Suite struct EchoDriverEndToEndTests {
    init() { _ = utf8Locale }

    /// Perform effects the way the runtime does (sending awaits the whole turn).
    private func perform(_ effects: [AppEffect], on state: inout AppState, driver: EchoDriver) async -> Bool {
        for effect in effects {
            switch effect {
            case .send(let text):
                for await event in driver.send(text) { _ = state.update(.session(event)) }
                _ = state.update(.replyStreamEnded)
            case .cancelReply:
                await driver.cancelReply()
            case .quit:
                return false
            case .retry:
                for await event in driver.retry() { _ = state.update(.session(event)) }
                _ = state.update(.replyStreamEnded)
            default:
                break
            }
        }
        return true
    }

    private func press(_ keys: [Key], _ state: inout AppState, _ driver: EchoDriver) async -> Bool {
        for key in keys {
            let effects = state.update(.key(key))
            if await !perform(effects, on: &state, driver: driver) { return false }
        }
        return true
    }

    @Test func introMessageCrisisAndQuit() async {
        let driver = EchoDriver(wordDelay: .zero)
        var state = Sample.state(cols: 60, rows: 20, intro: true)
        let renderer = ScreenRenderer()
        #expect(renderer.frame(state).grid.lines.contains { $0.contains("Welcome to Waymark") })

        #expect(await press([.enter], &state, driver))
        #expect(await press("hello 😀".map { .character($0) } + [.enter], &state, driver))
        var lines = renderer.frame(state).grid.lines
        #expect(lines.contains("   hello 😀"))
        #expect(lines.contains("   Echo: hello 😀"))

        #expect(await press("this is a crisis".map { .character($0) } + [.enter], &state, driver))
        lines = renderer.frame(state).grid.lines
        #expect(lines.contains { $0.contains("┌─ Support · Waymark") })
        #expect(lines.contains { $0.contains("116 123") })
        #expect(lines.contains("   Echo: this is a crisis"))
        #expect(!state.isReplying)  // the conversation stays open
        #expect(lines.last == "In danger now: 999 · Samaritans 116 123 (free, 24/7)")

        #expect(await press([.function(3)], &state, driver))
        lines = renderer.frame(state).grid.lines
        #expect(lines.contains { $0.contains("Turn 2 · crisis · suicide") })
        #expect(await press([.escape], &state, driver))

        #expect(await !press("/quit".map { .character($0) } + [.enter], &state, driver))
    }

    @Test func escapeStopsAStreamingEcho() async {
        let driver = EchoDriver(wordDelay: .milliseconds(50))
        var state = Sample.state()
        state.type("one two three four five six seven eight")
        guard case .send(let text)? = state.update(.key(.enter)).first else {
            Issue.record("Enter did not send")
            return
        }
        var cancelled = false
        for await event in driver.send(text) {
            _ = state.update(.session(event))
            if !cancelled, case .entryUpdated = event {
                #expect(state.update(.key(.escape)) == [.cancelReply])
                await driver.cancelReply()
                cancelled = true
            }
        }
        #expect(state.entries.last?.status == .cancelled)
        #expect(!state.isReplying)
        #expect(ScreenRenderer().frame(state).grid.lines.contains("   (reply stopped)"))
    }
}
