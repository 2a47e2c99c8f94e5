import ChatCore
import Dispatch
import Foundation
import Glibc
import Safeguard
import Synchronization
import TerminalUI

/// Line mode's safety plan, breathing, grounding and history: the step-by-step plan interview,
/// breathing steps with real (interruptible) pauses, grounding answers read one per line and
/// checked by the safeguard, and history appended after each turn when it is on.
final class LineModeSupport {
    let driver: any ConversationDriver
    let support: ChatSupport
    var tools: SupportTools
    let recorder: ChatStoreActions
    private var savedIDs: Set<Int> = []

    init(driver: any ConversationDriver, support: ChatSupport, tools: SupportTools) {
        self.driver = driver
        self.support = support
        self.tools = tools
        self.recorder = ChatStoreActions(store: support.store)
    }

    /// Handle a support command; false when `name` is not one.
    func command(_ name: String, argument: String, interactive: Bool) -> Bool {
        switch name {
        case "/plan", "/safety-plan":
            let word = argument.lowercased()
            if word == "edit" || (!tools.planOfferPending && word != "show" && word != "view")
                || !tools.hasPlan
            {
                interview()
            } else {
                printPlan()
            }
        case "/breathe", "/breathing":
            breathe(argument.lowercased(), interactive: interactive)
        case "/ground", "/grounding":
            ground(interactive: interactive)
        case "/history":
            let effect: AppEffect
            switch argument.lowercased() {
            case "on", "enable": effect = .setHistoryEnabled(true)
            case "off", "disable": effect = .setHistoryEnabled(false)
            default: effect = .showHistory(search: argument.isEmpty ? nil : argument)
            }
            show(recorder.perform(effect))
        case "/reduced-motion", "/motion":
            let word = argument.lowercased()
            if ["on", "off"].contains(word) {
                show(recorder.perform(.setReducedMotion(word == "on")))
            } else {
                emit("Note: in line mode, /breathe always prints still sentences with pauses.")
            }
        case "/unlock":
            unlock(interactive: interactive)
        case "/forget":
            if argument.lowercased() == "yes" {
                show(recorder.perform(.forgetHistory))
            } else {
                emit(
                    "Note: /forget deletes every saved conversation on this computer (your safety plan and "
                        + "settings are kept). Type /forget yes to delete it.")
            }
        default:
            return false
        }
        return true
    }

    /// Unlock encrypted history with `WAYMARK_PASSPHRASE`, or say that it is locked.
    func startUp() {
        show(recorder.startUp())
    }

    /// `/unlock`: ask for the passphrase without echo (at a terminal only).
    private func unlock(interactive: Bool) {
        guard tools.historyLocked else {
            emit("Note: your history isn't locked: no passphrase is needed.")
            return
        }
        guard interactive, let pointer = getpass("Passphrase (not shown): ") else {
            emit(
                "Note: /unlock asks for your passphrase at a terminal. With piped input, start Waymark "
                    + "with WAYMARK_PASSPHRASE set.")
            return
        }
        let passphrase = String(cString: pointer)
        guard !passphrase.isEmpty else {
            emit("Note: nothing typed: history stays locked. /unlock tries again.")
            return
        }
        show(recorder.unlock(passphrase: passphrase))
    }

    private func show(_ event: AppEvent?) {
        switch event {
        case .historyUnlocked(let text)?:
            tools.historyLocked = false
            emit("Note: \(text)")
        case .storeNotice(let text, let enabled)?:
            if let enabled { tools.historyEnabled = enabled }
            emit("Note: \(text)")
        case .historyLoaded(let title, let lines)?:
            emit(title)
            for line in lines { emit(line.hasPrefix("## ") ? String(line.dropFirst(3)) : "  " + line) }
        default:
            break
        }
    }

    // MARK: - After each turn

    /// Note offers of the plan and append the turn to the history when it is on.
    func turnFinished(_ entries: [TranscriptEntry]) {
        tools.planOfferPending =
            tools.hasPlan
            && entries.contains { $0.role == .safeguard && $0.text.lowercased().contains("safety plan") }
        guard tools.historyEnabled else { return }
        let fresh = entries.filter {
            $0.id > 0 && !savedIDs.contains($0.id)
                && ($0.role == .user || $0.role == .safeguard
                    || ($0.role == .assistant && $0.status == .complete))
        }
        guard !fresh.isEmpty else { return }
        for entry in fresh { savedIDs.insert(entry.id) }
        show(recorder.perform(.appendHistory(fresh)))
    }

    /// Whether `text` only asks for the plan (then it is printed, nothing is sent). A plain
    /// "yes" prints the plan too but is still sent: it may answer the safety question.
    func acceptOffer(_ text: String) -> Bool {
        guard tools.planOfferPending else { return false }
        switch AppState.planOfferReply(text) {
        case .request:
            printPlan()
            return true
        case .affirmation:
            printPlan()
            return false
        case .other:
            return false
        }
    }

    // MARK: - The plan

    private func printPlan() {
        tools.planOfferPending = false
        guard let guide = tools.planGuide else {
            emit("Note: the safety plan isn't available: Waymark's resources folder wasn't found.")
            return
        }
        let renderer = SafetyPlanRenderer(guide: guide)
        emit(renderer.text(tools.savedPlan ?? SafetyPlan(), width: 72, updatedText: nil))
        emit("Type /plan edit to change it.")
    }

    private func interview() {
        tools.planOfferPending = false
        guard let guide = tools.planGuide else {
            emit("Note: the safety plan isn't available: Waymark's resources folder wasn't found.")
            return
        }
        var interview = SafetyPlanInterview(
            plan: tools.savedPlan ?? SafetyPlan(), guide: guide, serviceSuggestions: tools.planSuggestions)
        var turn = interview.opening()
        while true {
            for line in turn.lines { emit(line) }
            guard let question = turn.question else { break }
            emit(question)
            emit("Plan: ", newline: false)
            let answer = readLine(strippingNewline: true) ?? "stop"
            turn = interview.answer(answer, at: Date())
            if interview.hasChanges {
                tools.savedPlan = interview.plan
                if let problem = recorder.savePlan(interview.plan) { emit("Note: \(problem)") }
            }
        }
        let offers: SupportOffers = tools.hasPlan ? [.grounding, .safetyPlan] : [.grounding]
        let driver = self.driver
        Blocking.run { await driver.setSupportOffers(offers) }
    }

    // MARK: - Breathing

    private func breathe(_ argument: String, interactive: Bool) {
        guard let guide = tools.breathingGuide else {
            emit("Note: the breathing exercise isn't available: Waymark's resources folder wasn't found.")
            return
        }
        let id = argument.isEmpty ? "box" : (argument == "478" ? "4-7-8" : argument)
        guard let pattern = guide.pattern(id) else {
            emit(
                "Note: there's no breathing pattern called \(argument). Try: \(guide.patterns.map(\.id).joined(separator: ", "))."
            )
            return
        }
        let exercise = BreathingExercise(pattern: pattern, guide: guide)
        if interactive { emit("(Press Enter at any time to stop.)") }
        let done = Atomic<Bool>(false)
        let task = Task.detached {
            try? await exercise.playLineMode(show: { emit($0) }, sleep: { try await Task.sleep(for: $0) })
            done.store(true, ordering: .relaxed)
        }
        guard interactive else {
            breatheFromPipe(task: task, isDone: { done.load(ordering: .relaxed) }, closing: guide.closing)
            return
        }
        // Real pauses; a line typed (Enter) stops the exercise.
        while !done.load(ordering: .relaxed) {
            var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)]
            if poll(&fds, 1, 100) > 0 {
                _ = readLine(strippingNewline: true)
                task.cancel()
                emit(guide.closing)
                break
            }
        }
    }

    /// Piped input may already sit in stdio's buffer, where `poll` cannot see it: the next line
    /// is read on a dispatch thread instead. An empty line stops the exercise (as Enter does at
    /// a terminal); a message stops it too and is then handled as the next input; the end of
    /// the input lets the exercise finish.
    private func breatheFromPipe(task: Task<Void, Never>, isDone: () -> Bool, closing: String) {
        let read = DispatchSemaphore(value: 0)
        let box = ResultBox<String?>()
        DispatchQueue.global().async {
            box.set(readLine(strippingNewline: true))
            read.signal()
        }
        var stopped = false
        while !isDone() {
            guard read.wait(timeout: .now() + .milliseconds(100)) == .success else { continue }
            stopped = true
            if case let line?? = box.value {
                task.cancel()
                emit(closing)
                if !line.trimmingCharacters(in: .whitespaces).isEmpty { bufferedLine = .line(line) }
            } else {
                bufferedLine = .end
            }
            break
        }
        if !stopped {
            read.wait()
            bufferedLine = box.value.flatMap { $0 }.map { .line($0) } ?? .end
        } else if case .end? = bufferedLine {
            while !isDone() { usleep(50_000) }
        }
    }

    /// A line read ahead (while breathing) that the chat loop has not seen yet.
    private enum BufferedLine {
        case line(String)
        case end
    }

    private var bufferedLine: BufferedLine?

    /// The next input line for the chat loop (`nil` at the end of the input).
    func nextLine() -> String? {
        defer { bufferedLine = nil }
        switch bufferedLine {
        case .line(let line)?: return line
        case .end?: return nil
        case nil: return readLine(strippingNewline: true)
        }
    }

    // MARK: - Grounding

    private func ground(interactive: Bool) {
        guard let guide = tools.groundingGuide else {
            emit("Note: the grounding exercise isn't available: Waymark's resources folder wasn't found.")
            return
        }
        var exercise = GroundingExercise(guide: guide)
        var turn = exercise.opening()
        while true {
            for line in turn.lines { emit(line) }
            guard let question = turn.question else { return }
            emit(question)
            emit("You: ", newline: false)
            guard let answer = readLine(strippingNewline: true) else { return }
            // Piped input is not echoed by a terminal: print it, so Waymark's words never
            // follow "You:".
            if !interactive { emit(ExternalText.shown(answer)) }
            let driver = self.driver
            // The exercise's own words ("stop", "skip") are commands to it, not messages.
            if !GroundingExercise.isCommand(answer),
                Blocking.run({ GroundingAnswerCheck.needsSafeguard(await driver.screen(answer)) })
            {
                emit("Let's pause the exercise: what you wrote matters more.")
                pendingMessage = answer
                return
            }
            turn = exercise.answer(answer)
        }
    }

    /// A grounding answer the safeguard must respond to: line mode sends it as a message.
    var pendingMessage: String?
}

/// A value handed from a background task to the line-mode loop.
private final class ResultBox<T: Sendable>: Sendable {
    private let stored = Mutex<T?>(nil)

    var value: T? { stored.withLock { $0 } }

    func set(_ value: T) {
        stored.withLock { $0 = value }
    }
}
