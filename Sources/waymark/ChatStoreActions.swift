import ChatCore
import Foundation
import TerminalUI
import WaymarkStore

/// Performs the chat's store effects: saves the plan and settings, appends finished turns to the history
/// (the store writes nothing while history is off), shows, searches and forgets it.
/// Used from the screen's loop only (quick, one SQLite transaction each).
final class ChatStoreActions {
    let store: WaymarkStore?
    /// Appends finished turns, holding them in memory while encrypted history is locked.
    private let writer: HistoryWriter?
    /// One id per chat session.
    let sessionID = UUID().uuidString
    private var warnedLocked = false

    init(store: WaymarkStore?) {
        self.store = store
        self.writer = store.map { HistoryWriter(store: $0) }
    }

    /// Said when history is encrypted and locked (at the start, and when a turn is held).
    static let lockedNotice =
        "Your saved history is encrypted and locked, so this conversation isn't saved yet (it is kept "
        + "in memory only). Type /unlock and your passphrase to save it, or start Waymark with "
        + "WAYMARK_PASSPHRASE set."

    /// At the start of a chat with encrypted history: unlock it with `WAYMARK_PASSPHRASE` when
    /// that is set, else say (when history is on) that it is locked. `nil` when there is nothing to say.
    func startUp(environment: [String: String] = ProcessInfo.processInfo.environment) -> AppEvent? {
        guard let store, (try? store.isUnlocked()) == false else { return nil }
        if let passphrase = environment["WAYMARK_PASSPHRASE"], !passphrase.isEmpty {
            return unlock(passphrase: passphrase)
        }
        guard (try? store.settings().historyEnabled) == true else { return nil }
        warnedLocked = true
        return .storeNotice(Self.lockedNotice)
    }

    /// Unlock encrypted history with `passphrase` and save what was held; the event to show.
    func unlock(passphrase: String) -> AppEvent {
        guard let writer else {
            return .storeNotice("History isn't available: the data folder couldn't be opened.")
        }
        do {
            let saved = try writer.unlock(passphrase: passphrase)
            warnedLocked = false
            let enabled = try writer.store.settings().historyEnabled
            var text = "History unlocked: "
            text +=
                enabled
                ? "what you write is saved, encrypted, readable only with your passphrase."
                : "/history shows and searches it (history is off: nothing new is saved)."
            if saved > 0 {
                text += " \(saved) earlier message\(saved == 1 ? "" : "s") from this conversation saved too."
            }
            return .historyUnlocked(text)
        } catch WaymarkStoreError.wrongPassphrase {
            warnedLocked = true
            return .storeNotice(
                "That passphrase doesn't open your saved history. Nothing was saved or changed, and this "
                    + "conversation is still kept in memory only. /unlock tries again.")
        } catch WaymarkStoreError.encryptionAlready(enabled: false) {
            return .historyUnlocked("Your history isn't encrypted: no passphrase is needed.")
        } catch {
            return .storeNotice("History: \(error)")
        }
    }

    /// Save the plan; a sentence for the transcript when that failed.
    func savePlan(_ plan: SafetyPlan) -> String? {
        guard let store else { return "Your plan couldn't be saved: the data folder couldn't be opened." }
        do {
            try store.saveSafetyPlan(plan)
            return nil
        } catch {
            return "Your plan couldn't be saved: \(error)"
        }
    }

    /// Perform a history effect; the event to feed back to the screen, if any.
    func perform(_ effect: AppEffect) -> AppEvent? {
        guard let store else {
            return .storeNotice("History isn't available: the data folder couldn't be opened.")
        }
        do {
            switch effect {
            case .appendHistory(let entries):
                let messages = entries.map {
                    HistoryMessage(conversation: sessionID, role: $0.role, text: $0.text, date: $0.date)
                }
                guard let writer, case .held = try writer.append(messages), !warnedLocked else { return nil }
                warnedLocked = true
                return .storeNotice(Self.lockedNotice)
            case .unlockHistory(let passphrase):
                return unlock(passphrase: passphrase)
            case .setHistoryEnabled(let enabled):
                try store.setHistoryEnabled(enabled)
                let text =
                    enabled
                    ? "History is on: from now on, this conversation is saved in \(store.directory.path), "
                        + "readable only by you. /history off stops; /forget deletes it."
                    : "History is off: nothing more is saved. What was saved is kept until /forget."
                return .storeNotice(text, historyEnabled: enabled)
            case .setReducedMotion(let reduced):
                var settings = try store.settings()
                settings.reducedMotion = reduced
                try store.saveSettings(settings)
                return .storeNotice(
                    reduced
                        ? "Reduced motion is on: /breathe shows still sentences. Saved on this computer."
                        : "Reduced motion is off: /breathe shows the animation. Saved on this computer.")
            case .forgetHistory:
                let report = try store.forget()
                return .storeNotice(report.description)
            case .showHistory(let search):
                return .historyLoaded(
                    title: search.map { "History · “\($0)”" } ?? "History",
                    lines: try lines(store, search: search))
            default:
                return nil
            }
        } catch WaymarkStoreError.locked {
            return .storeNotice(
                "Your saved history is encrypted and locked: type /unlock and your passphrase to read it.")
        } catch {
            return .storeNotice("History: \(error)")
        }
    }

    private func lines(_ store: WaymarkStore, search: String?) throws -> [String] {
        let settings = try store.settings()
        let messages: [HistoryMessage]
        if let search {
            messages = try store.searchHistory(search, limit: 100)
        } else {
            messages = try store.historyMessages(limit: 100)
        }
        var lines: [String] = []
        if !settings.historyEnabled {
            lines.append("History is off: nothing you say is saved. /history on starts saving.")
            lines.append("")
        }
        if messages.isEmpty {
            lines.append(search == nil ? "Nothing is saved." : "No saved message contains those words.")
            return lines
        }
        var conversation: String?
        for message in messages {
            if message.conversation != conversation {
                conversation = message.conversation
                if !lines.isEmpty { lines.append("") }
                lines.append("## " + ConsoleText.dayAndTime(message.date))
            }
            let who =
                switch message.role {
                case .user: "You"
                case .assistant: "Waymark"
                case .safeguard: "Support"
                default: "Note"
                }
            lines.append("\(who): \(HistoryCommand.printable(message.text))")
        }
        return lines
    }
}
