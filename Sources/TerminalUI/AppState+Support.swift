import ChatCore
import Foundation

// MARK: - Safety plan, grounding and history on the chat screen

extension AppState {
    /// What a reply to the offer of the plan means.
    public enum PlanOfferReply: Sendable, Equatable {
        /// Not an acceptance: send it as usual.
        case other
        /// An explicit request for the plan ("show me my plan"): show it, send nothing.
        case request
        /// A plain yes ("yes", "ok"): show the plan *and* send it, because the same support
        /// message may have asked a safety question that this answers.
        case affirmation
    }

    /// Plain affirmations (compared after lowercasing and dropping punctuation).
    static let planAffirmations: Set<String> = [
        "yes", "yes please", "yeah", "yep", "ok", "okay", "sure", "please", "go on", "ok then",
    ]

    /// Explicit requests for the plan.
    static let planRequests: Set<String> = [
        "show me", "show me it", "show me my plan", "show my plan", "my plan", "the plan", "plan",
        "show me the plan", "yes show me", "yes show me my plan", "yes please show me my plan",
        "lets look", "lets look at my plan", "ok show me", "look at my plan", "open my plan",
    ]

    /// How `text` answers a pending offer of the plan.
    public static func planOfferReply(_ text: String) -> PlanOfferReply {
        let words = text.lowercased().unicodeScalars.filter {
            CharacterSet.letters.contains($0) || $0 == " "
        }
        let normal = String(String.UnicodeScalarView(words)).split(separator: " ").joined(separator: " ")
        if planRequests.contains(normal) { return .request }
        if planAffirmations.contains(normal) { return .affirmation }
        return .other
    }

    /// Handle `/plan`, `/breathe`, `/ground`, `/history` and `/forget`; `nil` when `name` is
    /// none of them.
    mutating func runSupportCommand(_ name: String, argument: String) -> [AppEffect]? {
        switch name {
        case "/plan", "/safety-plan":
            let word = argument.lowercased()
            if word == "edit" || (!tools.planOfferPending && word != "show" && word != "view") {
                openPlanEditor()
            } else {
                showPlan()
            }
            return []
        case "/breathe", "/breathing":
            return startBreathing(argument.lowercased())
        case "/ground", "/grounding":
            startGrounding()
            return []
        case "/history":
            switch argument.lowercased() {
            case "on", "enable": return [.setHistoryEnabled(true)]
            case "off", "disable": return [.setHistoryEnabled(false)]
            default: return [.showHistory(search: argument.isEmpty ? nil : argument)]
            }
        case "/reduced-motion", "/motion":
            let word = argument.lowercased()
            guard ["on", "off"].contains(word) else {
                addNotice(
                    "Reduced motion is \(tools.reducedMotion ? "on" : "off"): /breathe shows "
                        + (tools.reducedMotion ? "still sentences" : "an animation")
                        + ". /reduced-motion on or off changes it, and saves the setting on this computer.")
                return []
            }
            tools.reducedMotion = word == "on"
            return [.setReducedMotion(word == "on")]
        case "/unlock":
            guard tools.historyLocked else {
                addNotice("Your history isn't locked: no passphrase is needed.")
                return []
            }
            tools.passphraseEntry = ""
            overlay = .passphrase
            return []
        case "/forget":
            if argument.lowercased() == "yes" { return [.forgetHistory] }
            addNotice(
                "/forget deletes every saved conversation on this computer (your safety plan and "
                    + "settings are kept). Type /forget yes to delete it.")
            return []
        default:
            return nil
        }
    }

    // MARK: - The plan

    /// Open the form editor on the saved plan (or a blank one).
    mutating func openPlanEditor() {
        guard let guide = tools.planGuide else {
            addNotice("The safety plan isn't available: Waymark's resources folder wasn't found.")
            return
        }
        tools.planOfferPending = false
        tools.planEditor = PlanEditor(
            plan: tools.savedPlan ?? SafetyPlan(), guide: guide, suggestions: tools.planSuggestions)
        overlay = .planEditor
        panelScroll = 0
    }

    /// Show the saved plan read-only (after an offer is accepted).
    mutating func showPlan() {
        tools.planOfferPending = false
        guard tools.planGuide != nil else {
            addNotice("The safety plan isn't available: Waymark's resources folder wasn't found.")
            return
        }
        guard tools.hasPlan else {
            openPlanEditor()
            return
        }
        overlay = .safetyPlan
        panelScroll = 0
    }

    mutating func handlePlanEditorKey(_ key: Key) -> [AppEffect] {
        guard var planEditor = tools.planEditor else {
            overlay = nil
            return []
        }
        let outcome = planEditor.handle(key)
        tools.planEditor = planEditor
        switch outcome {
        case .none:
            return []
        case .close:
            tools.planEditor = nil
            overlay = nil
            let count = tools.savedPlan?.entryCount ?? 0
            status =
                count > 0 ? "Your plan is saved on this computer (\(count) things). /plan opens it." : nil
            return []
        case .changed:
            tools.savedPlan = planEditor.plan
            return [.saveSafetyPlan(planEditor.plan)]
        }
    }

    /// Keys on the read-only plan: E edits, others as any panel.
    mutating func handleSafetyPlanKey(_ key: Key) -> [AppEffect]? {
        if editor.isEmpty, key == .character("e") || key == .character("E") {
            openPlanEditor()
            return []
        }
        return nil
    }

    /// Track offers of the plan in safeguard messages; flag a support message that arrives
    /// under a panel.
    mutating func notePlanOffer(_ entry: TranscriptEntry) {
        if entry.role == .safeguard, let overlay, overlay != .intro, overlay != .confirmLongMessage {
            status = "A support message arrived in the conversation · Esc closes this panel"
        }
        switch entry.role {
        case .user:
            tools.planOfferPending = false
        case .safeguard where tools.hasPlan:
            if entry.text.lowercased().contains("safety plan") { tools.planOfferPending = true }
        default:
            break
        }
    }

    // MARK: - Breathing

    private mutating func startBreathing(_ argument: String) -> [AppEffect] {
        guard let guide = tools.breathingGuide else {
            addNotice("The breathing exercise isn't available: Waymark's resources folder wasn't found.")
            return []
        }
        let id = argument.isEmpty ? "box" : (argument == "478" ? "4-7-8" : argument)
        guard let pattern = guide.pattern(id) else {
            let names = guide.patterns.map(\.id).joined(separator: ", ")
            addNotice("There's no breathing pattern called \(argument). Try /breathe with one of: \(names).")
            return []
        }
        tools.breathing = BreathingState(exercise: BreathingExercise(pattern: pattern, guide: guide))
        overlay = .breathing
        panelScroll = 0
        return [.startBreathing]
    }

    /// Whether the runtime should tick fast (~10 Hz): a reply is streaming or breathing runs.
    public var needsFastTicks: Bool {
        isReplying || (tools.breathing.map { !$0.frame.isFinished } ?? false)
    }

    mutating func breathingTick(_ elapsed: Duration) {
        guard var breathing = tools.breathing else { return }
        breathing.elapsed = elapsed
        tools.breathing = breathing
        if breathing.frame.isFinished { endBreathing() }
    }

    /// Close the breathing panel, with the closing words in the transcript.
    mutating func endBreathing() {
        guard let breathing = tools.breathing else { return }
        tools.breathing = nil
        if overlay == .breathing { overlay = nil }
        addNotice(breathing.exercise.guide.closing)
    }

    // MARK: - Grounding

    private mutating func startGrounding() {
        guard let guide = tools.groundingGuide else {
            addNotice("The grounding exercise isn't available: Waymark's resources folder wasn't found.")
            return
        }
        let exercise = GroundingExercise(guide: guide)
        overlay = nil
        show(exercise.opening(), of: exercise)
        tools.grounding = exercise.isFinished ? nil : exercise
    }

    private mutating func show(_ turn: GuidedTurn, of exercise: GroundingExercise) {
        let text = (turn.lines + [turn.question].compactMap { $0 }).joined(separator: "\n\n")
        if !text.isEmpty { addNotice(text) }
        if let step = exercise.currentStep, !turn.isFinished {
            status = "Grounding · \(step.count) · \(step.sense) · type skip to move on, stop to finish"
        } else {
            status = nil
        }
    }

    /// The safeguard's check of a grounding answer came back: continue the exercise, or stop it
    /// and send the answer as a message so the whole safeguard responds.
    mutating func groundingAnswerChecked(_ text: String, needsSafeguard: Bool) -> [AppEffect] {
        guard var exercise = tools.grounding else { return [] }
        if needsSafeguard {
            tools.grounding = nil
            status = nil
            addNotice("Let's pause the exercise: what you wrote matters more. I'll pass it on.")
            guard isReplying else { return send(text) }
            // Never lose it: it goes when the current reply ends.
            queuedMessage = [queuedMessage, text].compactMap { $0 }.joined(separator: "\n")
            return []
        }
        let turn = entries.last?.turn ?? 0
        entries.append(TranscriptEntry(id: nextLocalID, turn: turn, role: .user, text: text))
        nextLocalID -= 1
        let reply = exercise.answer(text)
        tools.grounding = exercise.isFinished ? nil : exercise
        show(reply, of: exercise)
        return []
    }

    // MARK: - History

    /// Keys in the passphrase box: typed characters are kept but never drawn; Enter gives the
    /// passphrase to the store, Esc closes the box and forgets what was typed.
    mutating func handlePassphraseKey(_ key: Key) -> [AppEffect] {
        switch key {
        case .character(let character):
            tools.passphraseEntry.append(character)
            return []
        case .backspace, .control("h"):
            if !tools.passphraseEntry.isEmpty { tools.passphraseEntry.removeLast() }
            return []
        case .control("u"):
            tools.passphraseEntry = ""
            return []
        case .enter:
            let passphrase = tools.passphraseEntry
            tools.passphraseEntry = ""
            overlay = nil
            guard !passphrase.isEmpty else {
                status = "Nothing typed: history stays locked. /unlock tries again."
                return []
            }
            return [.unlockHistory(passphrase)]
        case .escape:
            tools.passphraseEntry = ""
            overlay = nil
            status = "History stays locked. /unlock tries again."
            return []
        default:
            return []
        }
    }

    /// Entries of a finished turn to append to the history (when it is on).
    mutating func historyEffects(after event: SessionEvent) -> [AppEffect] {
        guard case .turnFinished = event, tools.historyEnabled else { return [] }
        let fresh = entries.filter { entry in
            entry.id > 0 && !tools.savedHistoryIDs.contains(entry.id)
                && (entry.role == .user || entry.role == .safeguard
                    || (entry.role == .assistant && entry.status == .complete))
        }
        guard !fresh.isEmpty else { return [] }
        for entry in fresh { tools.savedHistoryIDs.insert(entry.id) }
        return [.appendHistory(fresh)]
    }
}
