import ChatCore
import Foundation
import Glibc
import NcursesTerminal
import TerminalUI

/// Plays a scenario on the chat screen: the same loop as ``ChatScreen`` (poll, update,
/// paint), plus a player that types each turn into the input at a readable pace, sends it
/// and waits for the reply. The presenter's keys (Space, n, s, q) change ``DemoPlayback``;
/// the player reads it.
struct DemoScreen {
    /// What background tasks send to the loop.
    enum Message: ReplyStreamMessage {
        case session(SessionEvent)
        case streamEnded
        case alone(turn: Int, reply: String)
    }

    /// Where the player is.
    enum Phase {
        case waiting(until: ContinuousClock.Instant)
        case typing(typed: Int, next: ContinuousClock.Instant)
        case readyToSend(at: ContinuousClock.Instant)
        case replying
        case finished
    }

    let setup: DemoSetup
    let pacing: DemoPacing
    let compare: Bool

    /// Run until the presenter leaves; returns the exit status and the transcript.
    func run() throws -> (code: Int32, entries: [TranscriptEntry]) {
        let inbox = Inbox<Message>()
        TerminalGuard.wakeFD.store(inbox.writeFD, ordering: .relaxed)
        let terminal = try CursesTerminal(options: .fromEnvironment(ProcessInfo.processInfo.environment))
        defer { terminal.shutdown() }
        let resources = ChatResources.load(nation: setup.person.nation)
        let scenario = setup.scenario
        let size = terminal.size
        var state = AppState(
            cols: size.cols, rows: size.rows, introText: resources.introText, services: resources.services,
            helpStrip: HelpStrip(nation: setup.person.nation), responderName: setup.responderName,
            showIntro: false)
        state.demo = DemoPlayback(
            title: scenario.title, turnCount: scenario.turns.count, isComparing: compare)
        state.isClinicianMode = true
        if !compare { state.overlay = .inspector }
        state.addNotice("Demo: \(scenario.title). \(scenario.demonstrates)")
        let renderer = ScreenRenderer()
        var replyTask: Task<Void, Never>?
        var aloneTask: Task<Void, Never>?
        var aloneReplies: [String] = []
        var phase = Phase.waiting(until: .now + min(pacing.betweenTurns, .seconds(1)))
        var turnIndex = 0
        var skipping = false
        // `n` plays the next turn now: typed at once and sent at once.
        var stepping = false
        var dirty = true
        var lastTick = ContinuousClock.now

        loop: while true {
            if dirty {
                terminal.paint(renderer.paintableFrame(&state))
                dirty = false
            }
            let timeout = Self.timeout(
                phase: phase, replying: state.isReplying, paused: state.demo?.isPaused ?? false)
            let terminalGone = !waitForInput(wakeFD: inbox.wakeFD, timeoutMs: timeout)
            if terminalGone || TerminalGuard.quitSignal.load(ordering: .relaxed) != 0 { break loop }

            var events = terminal.readEvents()
            for message in inbox.drain() {
                switch message {
                case .session(let event):
                    events.append(.session(event))
                    // The inspector follows the newest turn while the demo plays.
                    state.panelScroll = Int.max / 4
                case .streamEnded: events.append(.replyStreamEnded)
                case .alone(let turn, let reply):
                    aloneReplies.append(reply)
                    state.demo?.aloneReplies[turn] = reply
                    dirty = true
                }
            }
            if state.isReplying, ContinuousClock.now - lastTick >= .milliseconds(100) {
                lastTick = ContinuousClock.now
                events.append(.tick)
            }
            var effects: [AppEffect] = []
            for event in events {
                dirty = true
                effects += state.update(event)
            }

            // The player.
            let now = ContinuousClock.now
            if state.demo?.skipRequested == true {
                state.demo?.skipRequested = false
                skipping = true
            }
            if state.demo?.stepRequested == true {
                state.demo?.stepRequested = false
                stepping = true
            }
            let step = stepping
            let paused = (state.demo?.isPaused ?? false) && !skipping && !step
            if !paused {
                switch phase {
                case .waiting(let until) where now >= until || skipping || step:
                    if turnIndex < scenario.turns.count {
                        state.demo?.currentTurn = turnIndex + 1
                        state.demo?.turnTexts[turnIndex + 1] = scenario.turns[turnIndex].text
                        phase = .typing(typed: 0, next: now)
                        dirty = true
                    }
                case .typing(var typed, var next):
                    let characters = Array(scenario.turns[turnIndex].text)
                    let instant = skipping || step || pacing.perCharacter == .zero
                    while typed < characters.count && (instant || now >= next) {
                        state.demoType(characters[typed])
                        typed += 1
                        next += pacing.perCharacter
                    }
                    dirty = true
                    phase =
                        typed < characters.count
                        ? .typing(typed: typed, next: next)
                        : .readyToSend(at: instant ? now : now + pacing.beforeSending)
                case .readyToSend(let at) where now >= at || skipping || step:
                    effects += state.demoSend()
                    stepping = false
                    if compare {
                        let turns = scenario.turns.prefix(turnIndex + 1).map(\.text)
                        let previous = aloneReplies
                        let responder = setup.aloneResponder
                        let turn = turnIndex + 1
                        aloneTask = Task.detached {
                            let reply = await DemoSetup.aloneReply(
                                responder: responder, turns: turns, replies: previous)
                            inbox.post(.alone(turn: turn, reply: reply))
                        }
                    }
                    phase = .replying
                    dirty = true
                case .replying where !state.isReplying && (!compare || aloneReplies.count > turnIndex):
                    turnIndex += 1
                    if turnIndex >= scenario.turns.count {
                        phase = .finished
                        state.demo?.isFinished = true
                    } else {
                        phase = .waiting(until: skipping ? now : now + pacing.betweenTurns)
                    }
                    dirty = true
                default:
                    break
                }
            }

            for effect in effects {
                switch effect {
                case .quit:
                    break loop
                case .send(let text):
                    replyTask?.cancel()
                    let session = setup.session
                    replyTask = inbox.forwardReply { session.send(text) }
                case .cancelReply:
                    let session = setup.session
                    Task.detached { await session.cancelReply() }
                case .export(let path):
                    do {
                        let written = try TranscriptExportWriter.write(
                            state.entries, to: path,
                            header: ["scenario": scenario.id, "responder": setup.responderName],
                            title: "Waymark demo: \(scenario.title)", includeOriginals: true)
                        _ = state.update(.exportFinished(path: written, error: nil))
                    } catch {
                        _ = state.update(.exportFinished(path: path ?? "", error: "\(error)"))
                    }
                case .retry, .useBuiltInListener, .saveSafetyPlan, .startBreathing, .screenGroundingAnswer,
                    .showHistory, .setHistoryEnabled, .forgetHistory, .setReducedMotion, .setPerson,
                    .unlockHistory:
                    state.addNotice("Not available during a demo.")
                case .appendHistory:
                    break  // A demo is never saved to history.
                }
            }
        }
        replyTask?.cancel()
        aloneTask?.cancel()
        TerminalGuard.wakeFD.store(-1, ordering: .relaxed)
        terminal.shutdown()
        let received = TerminalGuard.quitSignal.load(ordering: .relaxed)
        return (received == 0 ? 0 : 128 + received, state.entries.filter { $0.id > 0 })
    }

    /// How long the loop may sleep: until the player's next step, or briefly while replying.
    static func timeout(phase: Phase, replying: Bool, paused: Bool) -> Int32 {
        if paused { return 1000 }
        let now = ContinuousClock.now
        let until: ContinuousClock.Instant
        switch phase {
        case .waiting(let instant), .readyToSend(let instant), .typing(_, let instant): until = instant
        case .replying: return 50
        case .finished: return replying ? 100 : 1000
        }
        let remaining = until - now
        if remaining <= .zero { return 0 }
        let milliseconds =
            remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000
        return Int32(min(1000, max(1, milliseconds)))
    }

    /// Block until stdin has input, the wake pipe is written, a signal arrives, or the timeout.
    /// Returns false when the terminal has gone away (hang-up or closed input).
    private func waitForInput(wakeFD: Int32, timeoutMs: Int32) -> Bool {
        var fds = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakeFD, events: Int16(POLLIN), revents: 0),
        ]
        _ = poll(&fds, nfds_t(fds.count), timeoutMs)
        let gone = Int16(POLLHUP) | Int16(POLLERR) | Int16(POLLNVAL)
        return fds[0].revents & gone == 0
    }
}
