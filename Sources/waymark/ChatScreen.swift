import ChatCore
import Foundation
import Glibc
import NcursesTerminal
import Safeguard
import TerminalUI

/// The chat screen's runtime: one synchronous loop on the main thread that waits in
/// `poll(stdin, wake-pipe)`, feeds keys and conversation events to ``AppState/update(_:)``,
/// performs the effects and paints the frame. Background work runs in `Task.detached` and
/// posts to the ``Inbox``.
struct ChatScreen {
    /// What background tasks send to the loop.
    enum Message: ReplyStreamMessage {
        case session(SessionEvent)
        case streamEnded
        case notice(String, responderName: String?)
        case event(AppEvent)
        case loaded(responderName: String, planSuggestions: [String])
    }

    let driver: any ConversationDriver
    let options: ChatOptions
    let resources: ChatResources
    /// Shown as notes when the chat opens (configuration problems, a backend that could not start).
    var startupNotices: [String] = []
    /// The responder's name, for the status line.
    var responderName = ""
    /// The built-in listener's name, for the status line after `/backend listening`.
    var listenerName = "built-in listener"
    /// The private store and the plan, breathing and grounding texts.
    var support = ChatSupport()
    /// The screen's plan, grounding and history state at start.
    var tools = SupportTools()
    /// When the conversation loads in the background: waits for it (its notes, the responder's
    /// name and the plan's service suggestions then reach the screen).
    var loaded: (@Sendable () async -> ConversationSetup)?

    /// Run until the person quits; returns the exit status (128 + signal when killed).
    func run() throws -> Int32 {
        let inbox = Inbox<Message>()
        TerminalGuard.wakeFD.store(inbox.writeFD, ordering: .relaxed)
        let terminal = try CursesTerminal(options: .fromEnvironment(ProcessInfo.processInfo.environment))
        defer { terminal.shutdown() }
        let size = terminal.size
        var state = AppState(
            cols: size.cols, rows: size.rows, introText: resources.introText, services: resources.services,
            helpStrip: HelpStrip(nation: options.nation), responderName: responderName,
            showIntro: !options.noIntro)
        state.tools = tools
        state.isClinicianMode = options.clinician
        for notice in startupNotices { state.addNotice(notice) }
        if let loaded {
            Task.detached {
                let setup = await loaded()
                for notice in setup.notices { inbox.post(.notice(notice, responderName: nil)) }
                inbox.post(
                    .loaded(responderName: setup.responderName, planSuggestions: setup.planSuggestions))
            }
        }
        let storeActions = ChatStoreActions(store: support.store)
        var breathingStart: ContinuousClock.Instant?
        let renderer = ScreenRenderer()
        var replyTask: Task<Void, Never>?
        var lastTick = ContinuousClock.now
        var dirty = true

        // Encrypted history is unlocked (scrypt, a fraction of a second) after the first frame.
        var startingStore = true
        loop: while true {
            if dirty {
                terminal.paint(renderer.paintableFrame(&state))
                dirty = false
            }
            if startingStore {
                startingStore = false
                if let event = storeActions.startUp() {
                    _ = state.update(event)
                    dirty = true
                    continue
                }
            }
            let terminalGone = !waitForInput(
                wakeFD: inbox.wakeFD, timeoutMs: state.needsFastTicks ? 100 : 1000)
            if terminalGone || TerminalGuard.quitSignal.load(ordering: .relaxed) != 0 { break loop }

            var events = terminal.readEvents()
            for message in inbox.drain() {
                switch message {
                case .session(let event): events.append(.session(event))
                case .streamEnded: events.append(.replyStreamEnded)
                case .loaded(let name, let suggestions):
                    state.responderName = name
                    state.tools.planSuggestions = suggestions
                    dirty = true
                case .notice(let text, let name):
                    state.addNotice(text)
                    if let name { state.responderName = name }
                    dirty = true
                case .event(let event):
                    events.append(event)
                }
            }
            if let start = breathingStart {
                if state.tools.breathing == nil {
                    breathingStart = nil
                } else {
                    events.append(.breathingTick(elapsed: ContinuousClock.now - start))
                }
            }
            if state.isReplying, ContinuousClock.now - lastTick >= .milliseconds(100) {
                lastTick = ContinuousClock.now
                events.append(.tick)
            }
            for event in events {
                dirty = true
                for effect in state.update(event) {
                    switch effect {
                    case .quit:
                        break loop
                    case .send(let text):
                        replyTask?.cancel()
                        let driver = self.driver
                        replyTask = inbox.forwardReply { driver.send(text) }
                    case .retry:
                        replyTask?.cancel()
                        let driver = self.driver
                        replyTask = inbox.forwardReply { driver.retry() }
                    case .useBuiltInListener:
                        let driver = self.driver
                        let name = listenerName
                        Task.detached {
                            inbox.post(.notice(await driver.useBuiltInListener(), responderName: name))
                        }
                    case .setPerson(let nation, let ageBand):
                        let driver = self.driver
                        Task.detached {
                            let said = await driver.setPerson(nation: nation, ageBand: ageBand)
                            inbox.post(.notice(said, responderName: nil))
                        }
                    case .cancelReply:
                        let driver = self.driver
                        Task.detached { await driver.cancelReply() }
                    case .startBreathing:
                        breathingStart = ContinuousClock.now
                    case .screenGroundingAnswer(let text):
                        let driver = self.driver
                        Task.detached {
                            let needed = GroundingAnswerCheck.needsSafeguard(await driver.screen(text))
                            inbox.post(.event(.groundingAnswerChecked(text: text, needsSafeguard: needed)))
                        }
                    case .saveSafetyPlan(let plan):
                        let driver = self.driver
                        let hasPlan = !plan.isEmpty
                        Task.detached {
                            await driver.setSupportOffers(hasPlan ? [.grounding, .safetyPlan] : [.grounding])
                        }
                        if let problem = storeActions.savePlan(plan) { state.addNotice(problem) }
                    case .showHistory, .setHistoryEnabled, .forgetHistory, .appendHistory, .setReducedMotion,
                        .unlockHistory:
                        if let event = storeActions.perform(effect) { _ = state.update(event) }
                    case .export(let path):
                        do {
                            let written = try TranscriptExportWriter.write(
                                state.entries, to: path, header: exportHeader(state),
                                includeOriginals: options.clinician)
                            _ = state.update(.exportFinished(path: written, error: nil))
                        } catch {
                            _ = state.update(.exportFinished(path: path ?? "", error: "\(error)"))
                        }
                    }
                }
            }
        }
        replyTask?.cancel()
        TerminalGuard.wakeFD.store(-1, ordering: .relaxed)
        terminal.shutdown()
        let received = TerminalGuard.quitSignal.load(ordering: .relaxed)
        return received == 0 ? 0 : 128 + received
    }

    /// What the export's header says about the session (names only, never keys).
    private func exportHeader(_ state: AppState) -> [String: String] {
        var header = ["responder": state.responderName]
        if let nation = options.nation { header["nation"] = nation.rawValue }
        return header
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
