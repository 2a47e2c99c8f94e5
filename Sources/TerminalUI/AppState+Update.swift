import ChatCore
import Safeguard

// MARK: - Update

extension AppState {
    /// Apply one event; return what the runtime must do.
    public mutating func update(_ event: AppEvent) -> [AppEffect] {
        switch event {
        case .key(let key):
            return handle(key)
        case .resize(let cols, let rows):
            self.cols = max(0, cols)
            self.rows = max(0, rows)
            return []
        case .wheel(let direction):
            if overlay != nil && overlay != .confirmLongMessage && overlay != .planEditor {
                panelScroll = max(0, panelScroll + (direction == .up ? -3 : 3))
            } else {
                scroll(by: direction == .up ? 3 : -3)
            }
            return []
        case .paste(let text):
            if overlay == .passphrase {
                tools.passphraseEntry += text.filter { !$0.isNewline }
                return []
            }
            if overlay == .planEditor, tools.planEditor?.isTyping == true {
                tools.planEditor?.paste(text)
                return []
            }
            editor.insert(String(text.map { $0 == "\r\n" || $0 == "\r" ? "\n" : $0 }))
            if overlay == .intro { overlay = nil }
            let count = editor.text.count
            if count > AppState.longMessageThreshold {
                status = "Pasted \(count) characters. Enter will ask before sending."
            }
            return []
        case .session(let sessionEvent):
            apply(sessionEvent)
            return historyEffects(after: sessionEvent)
        case .replyStreamEnded:
            isReplying = false
            endCancelling()
            endPendingMessage()
            if let queued = queuedMessage {
                queuedMessage = nil
                return send(queued)
            }
            return []
        case .tick:
            if isReplying { spinnerFrame &+= 1 }
            return []
        case .exportFinished(let path, let error):
            if let error {
                addNotice("Export failed: \(error)")
            } else {
                addNotice("Conversation saved to \(path) (readable only by you).")
            }
            return []
        case .breathingTick(let elapsed):
            breathingTick(elapsed)
            return []
        case .groundingAnswerChecked(let text, let needsSafeguard):
            return groundingAnswerChecked(text, needsSafeguard: needsSafeguard)
        case .historyLoaded(let title, let lines):
            tools.historyTitle = title
            tools.historyLines = lines
            overlay = .history
            panelScroll = 0
            return []
        case .storeNotice(let text, let historyEnabled):
            if let historyEnabled { tools.historyEnabled = historyEnabled }
            addNotice(text)
            return []
        case .historyUnlocked(let text):
            tools.historyLocked = false
            addNotice(text)
            return []
        case .viewClamped(let transcript, let panel):
            if transcript > 0 { pinnedEntryID = nil }
            scrollOffset = max(0, transcript)
            panelScroll = max(0, panel)
            if scrollOffset == 0 { unseenBelow = false }
            return []
        }
    }

    /// Apply a conversation event to the transcript.
    public mutating func apply(_ event: SessionEvent) {
        switch event {
        case .entryAdded(let entry):
            if !settlePendingMessage(with: entry) { entries.append(entry) }
            noteNewContent(entry)
            notePlanOffer(entry)
        case .entryUpdated(let entry):
            if let index = entries.lastIndex(where: { $0.id == entry.id }) {
                entries[index] = entry
                if scrollOffset > 0 { unseenBelow = true }
            } else {
                entries.append(entry)
                noteNewContent(entry)
            }
        case .responderFailed(let failure):
            status = failure.message
        case .turnFinished:
            isReplying = false
            endCancelling()
            endPendingMessage()
        }
    }

    /// The reply has stopped: a pending "Stopping the reply…" is over, so it leaves the status line.
    private mutating func endCancelling() {
        if isCancelling && status == AppState.stoppingStatus { status = nil }
        isCancelling = false
    }

    /// Add a notice made by the screen itself (command answers, export results).
    public mutating func addNotice(_ text: String) {
        let turn = entries.last?.turn ?? 0
        entries.append(TranscriptEntry(id: nextLocalID, turn: turn, role: .notice, text: text))
        nextLocalID -= 1
        scrollOffset = 0
        unseenBelow = false
    }

    private mutating func noteNewContent(_ entry: TranscriptEntry) {
        if entry.role == .safeguard || entry.role == .user {
            // Safety information and the person's own message are always brought into view,
            // a support card from its start.
            scrollOffset = 0
            unseenBelow = false
            pinnedEntryID = entry.role == .safeguard ? entry.id : nil
        } else if scrollOffset > 0 {
            unseenBelow = true
        }
    }

    private mutating func scroll(by lines: Int) {
        pinnedEntryID = nil
        scrollOffset = max(0, scrollOffset + lines)
        if scrollOffset == 0 { unseenBelow = false }
    }

    // MARK: - Keys

    private mutating func handle(_ key: Key) -> [AppEffect] {
        // Ctrl-C: stop a reply if one is running, otherwise leave (asking first over a draft).
        noteKeyForLeaving(key)
        if key == .control("c") {
            if isReplying { return cancelReply() }
            return quitOrAsk()
        }
        if let effects = handleDemoKey(key) { return effects }
        switch overlay {
        case .intro:
            switch key {
            case .enter, .escape:
                overlay = nil
                return []
            case .function(1):
                overlay = .help
                panelScroll = 0
                return []
            default:
                overlay = nil
                return handleEditing(key)
            }
        case .confirmLongMessage:
            switch key {
            case .enter, .character("y"), .character("Y"):
                overlay = nil
                return send(editor.commit())
            case .escape, .character("n"), .character("N"):
                overlay = nil
                status = "Not sent. You can edit your message."
                return []
            default:
                return []
            }
        case .help, .services, .inspector, .history:
            if let effects = handlePanelKey(key) { return effects }
            return handleEditing(key)
        case .safetyPlan:
            if let effects = handleSafetyPlanKey(key) ?? handlePanelKey(key) { return effects }
            return handleEditing(key)
        case .planEditor:
            return handlePlanEditorKey(key)
        case .passphrase:
            return handlePassphraseKey(key)
        case .breathing:
            switch key {
            case .escape, .enter, .character("q"):
                endBreathing()
            case .function(let number) where [1, 2, 3].contains(number):
                toggle(panelFor(number))
            default:
                break
            }
            return []
        case nil:
            return handleEditing(key)
        }
    }

    /// Keys a panel uses itself; `nil` passes the key on to the editor.
    private mutating func handlePanelKey(_ key: Key) -> [AppEffect]? {
        switch key {
        case .escape:
            overlay = nil
            return []
        case .function(let number) where [1, 2, 3].contains(number):
            toggle(panelFor(number))
            return []
        case .up:
            panelScroll = max(0, panelScroll - 1)
            return []
        case .down:
            panelScroll += 1
            return []
        case .pageUp:
            panelScroll = max(0, panelScroll - layout.pageSize)
            return []
        case .pageDown:
            panelScroll += layout.pageSize
            return []
        case .enter where editor.isEmpty:
            overlay = nil
            return []
        case .enter:
            overlay = nil
            return nil
        default:
            return nil
        }
    }

    func panelFor(_ number: Int) -> Overlay {
        switch number {
        case 2: .services
        case 3: .inspector
        default: .help
        }
    }

    mutating func toggle(_ panel: Overlay) {
        if overlay == panel {
            overlay = nil
        } else {
            overlay = panel
            panelScroll = 0
        }
    }

    private mutating func handleEditing(_ key: Key) -> [AppEffect] {
        switch key {
        case .character(let character):
            editor.insert(character)
            status = nil
        case .enter:
            return submit()
        case .newline, .control("j"):
            editor.insert("\n")
        case .backspace, .control("h"):
            editor.backspace()
        case .delete, .control("d"):
            if key == .control("d") && editor.afterCursor.isEmpty && !isReplying { return quitOrAsk() }
            editor.deleteForward()
        case .left, .control("b"): editor.moveLeft()
        case .right, .control("f"): editor.moveRight()
        case .wordLeft, .alt("b"): editor.moveWordLeft()
        case .wordRight, .alt("f"): editor.moveWordRight()
        case .home, .control("a"): editor.moveToLineStart()
        case .end, .control("e"): editor.moveToLineEnd()
        case .control("k"): editor.killToLineEnd()
        case .control("u"): editor.killToLineStart()
        case .control("w"): editor.killWordBackward()
        case .control("y"): editor.yank()
        case .control("l"): break  // the runtime repaints every frame anyway
        case .up:
            if !editor.moveUp() { editor.historyPrevious() }
        case .down:
            if !editor.moveDown() { editor.historyNext() }
        case .pageUp: scroll(by: layout.pageSize)
        case .pageDown: scroll(by: -layout.pageSize)
        case .escape:
            if isReplying { return cancelReply() }
            if overlay != nil { overlay = nil }
            status = nil
        case .function(let number) where [1, 2, 3].contains(number):
            toggle(panelFor(number))
        case .tab, .function, .control, .alt:
            break
        }
        return []
    }

    /// The status line while a stop is pending.
    static let stoppingStatus = "Stopping the reply…"

    private mutating func cancelReply() -> [AppEffect] {
        guard isReplying, !isCancelling else { return [] }
        isCancelling = true
        status = AppState.stoppingStatus
        return [.cancelReply]
    }

    // MARK: - Sending and commands

    private mutating func submit() -> [AppEffect] {
        let text = editor.text
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { return [] }
        if trimmed.hasPrefix("/") && !trimmed.hasPrefix("//") {
            _ = editor.commit()
            return runCommand(trimmed)
        }
        if tools.grounding != nil {
            // The exercise's own words ("stop", "skip") are commands to it; every other answer
            // stays on the screen and the safeguard still reads it.
            if GroundingExercise.isCommand(trimmed) {
                return groundingAnswerChecked(editor.commit(), needsSafeguard: false)
            }
            return [.screenGroundingAnswer(stripEscapedSlash(editor.commit()))]
        }
        if tools.planOfferPending {
            switch AppState.planOfferReply(trimmed) {
            case .request:
                _ = editor.commit()
                showPlan()
                return []
            case .affirmation where !isReplying:
                // Shown, and still read by the safeguard: it may answer a safety question.
                let effects = send(editor.commit())
                showPlan()
                return effects
            case .affirmation, .other:
                break
            }
        }
        if isReplying || queuedMessage != nil {
            guard queuedMessage == nil else {
                status = "A message is already waiting to be sent. Esc stops the reply."
                return []
            }
            queuedMessage = stripEscapedSlash(editor.commit())
            status = "Your message will be sent when Waymark finishes replying."
            return []
        }
        if text.count > AppState.longMessageThreshold {
            overlay = .confirmLongMessage
            return []
        }
        return send(stripEscapedSlash(editor.commit()))
    }

    /// "//text" sends "/text" (a message that starts with a slash, not a command).
    private func stripEscapedSlash(_ message: String) -> String {
        message.trimmingWhitespace().hasPrefix("//")
            ? String(message.trimmingWhitespace().dropFirst()) : message
    }

    mutating func send(_ text: String) -> [AppEffect] {
        isReplying = true
        isCancelling = false
        status = nil
        scrollOffset = 0
        unseenBelow = false
        showPendingMessage(text)
        return [.send(text)]
    }

    /// The commands and what they do, for `/help` and F1.
    public static let commands: [(name: String, summary: String)] = [
        ("/help", "keys and commands (F1)"),
        ("/about", "what Waymark is and is not (the intro)"),
        ("/services", "UK support services (F2)"),
        ("/inspector", "the safeguard's view of each turn (F3)"),
        ("/clear", "clear the screen (the conversation goes on)"),
        ("/plan [edit]", "your safety plan, kept on this computer only"),
        ("/breathe [4-7-8]", "paced breathing together (Esc ends it)"),
        ("/ground", "a 5-4-3-2-1 grounding exercise"),
        ("/history [words]", "saved chats, or search them; /history on|off (off by default)"),
        ("/forget", "delete saved chat history (asks first)"),
        ("/unlock", "give the passphrase of encrypted history"),
        ("/reduced-motion on", "still text instead of animation (saved)"),
        ("/export [path]", "save for review (.md, or .json); only you can read it"),
        ("/retry", "ask for the last reply again (after a connection problem)"),
        ("/backend listening", "switch to the built-in, offline listener"),
        ("/nation NAME", "services for england, scotland, wales or northern-ireland"),
        ("/age N", "services for your age (for example /age 15)"),
        ("/quit", "leave Waymark"),
    ]

    private mutating func runCommand(_ line: String) -> [AppEffect] {
        let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        let name = parts.first.map { String($0).lowercased() } ?? ""
        let argument = parts.count > 1 ? String(parts[1]).trimmingWhitespace() : ""
        switch name {
        case "/help", "/keys", "/?":
            overlay = .help
            panelScroll = 0
        case "/about", "/intro":
            overlay = .intro
        case "/services", "/resources":
            overlay = .services
            panelScroll = 0
        case "/inspector", "/inspect":
            overlay = .inspector
            panelScroll = 0
        case "/clear":
            firstShownEntry = entries.count
            scrollOffset = 0
            unseenBelow = false
            status = "Screen cleared. The conversation goes on; /export still saves all of it."
        case "/export", "/save":
            return [.export(path: argument.isEmpty ? nil : argument)]
        case "/quit", "/exit", "/q":
            return [.quit]
        case "/retry":
            guard !isReplying else {
                status = "A reply is still coming; press Esc to stop it first."
                return []
            }
            return [.retry]
        case "/plan", "/safety-plan", "/breathe", "/breathing", "/ground", "/grounding", "/history",
            "/forget", "/reduced-motion", "/motion", "/unlock":
            return runSupportCommand(name, argument: argument) ?? []
        case "/nation":
            guard let nation = Self.nation(named: argument) else {
                addNotice(
                    "Type /nation england, /nation scotland, /nation wales or /nation northern-ireland.")
                return []
            }
            helpStrip.nation = nation
            return [.setPerson(nation: nation, ageBand: nil)]
        case "/age":
            guard let age = Int(argument), (5...120).contains(age),
                let band = AgeBand.allCases.first(where: { age >= $0.lowestAge && age <= $0.highestAge })
            else {
                addNotice("Type /age and your age in years, for example /age 15.")
                return []
            }
            return [.setPerson(nation: nil, ageBand: band)]
        case "/backend", "/listener":
            if name == "/listener" || argument.lowercased() == "listening" {
                return [.useBuiltInListener]
            }
            addNotice(
                "Only the built-in listener can be chosen here: type /backend listening. "
                    + "Other backends are set in the configuration (waymark config).")
        default:
            let known = AppState.commands.map { $0.name.split(separator: " ")[0] }.joined(separator: " ")
            addNotice(
                "Unknown command \(name). Commands: \(known). "
                    + "To send a message that starts with /, type // at the start.")
        }
        return []
    }
}

extension AppState {
    /// The nation for what someone types after `/nation` ("scotland", "Northern Ireland", "ni").
    public static func nation(named text: String) -> Nation? {
        let key = text.lowercased().replacingOccurrences(of: " ", with: "-")
        switch key {
        case "ni", "n-ireland", "northernireland": return .northernIreland
        case "cymru": return .wales
        default: return Nation(rawValue: key)
        }
    }
}

extension String {
    /// The string without leading and trailing whitespace and newlines.
    func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
