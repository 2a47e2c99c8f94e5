import ArgumentParser
import ChatCore
import Foundation
import Safeguard
import WaymarkStore

/// `waymark history`: show or search saved conversations, and turn saving (and encryption) on or off.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show or search your saved conversations, or turn saving on or off (off by default).",
        discussion: """
            Waymark saves nothing you say unless you turn history on. --encrypt protects saved text \
            with a passphrase (asked for without echo, or taken from $WAYMARK_PASSPHRASE); if you \
            lose it, the history cannot be recovered. `waymark forget` deletes all saved history.
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "Show only messages containing every word of this text.")
    var search: String?

    @Flag(help: "Start saving conversations on this computer.")
    var enable = false

    @Flag(help: "Stop saving conversations (what is saved is kept until `waymark forget`).")
    var disable = false

    @Flag(help: "Encrypt saved conversations with a passphrase.")
    var encrypt = false

    @Flag(help: "Turn encryption off (asks for the passphrase).")
    var decrypt = false

    @Option(help: "Show at most this many messages.")
    var limit: Int = 50

    func validate() throws {
        if [enable, disable, encrypt, decrypt, search != nil].filter({ $0 }).count > 1 {
            throw ValidationError("Choose one of --enable, --disable, --encrypt, --decrypt or --search.")
        }
        if limit < 1 { throw ValidationError("--limit must be at least 1.") }
    }

    func run() throws {
        let store = try storeOptions.openStore()
        do {
            try perform(store)
        } catch let error as WaymarkStoreError {
            throw ConsoleText.failure(error.description)
        }
    }

    private func perform(_ store: WaymarkStore) throws {
        if enable {
            try store.setHistoryEnabled(true)
            ConsoleText.say([
                "History is on: conversations will be saved in \(store.directory.path), readable only by you.",
                "`waymark history --disable` stops saving; `waymark forget` deletes what is saved.",
            ])
            return
        }
        if disable {
            try store.setHistoryEnabled(false)
            let saved = try store.historyConversations(limit: 1_000_000).count
            ConsoleText.say(
                "History is off: nothing new will be saved."
                    + (saved > 0
                        ? " \(saved) saved conversation(s) are kept until you run `waymark forget`." : ""))
            return
        }
        if encrypt {
            guard let passphrase = ConsoleText.passphrase("New passphrase: "), !passphrase.isEmpty else {
                throw ConsoleText.failure("A passphrase is needed (type it, or set WAYMARK_PASSPHRASE).")
            }
            if ProcessInfo.processInfo.environment["WAYMARK_PASSPHRASE"] == nil {
                guard ConsoleText.passphrase("Same passphrase again: ") == passphrase else {
                    throw ConsoleText.failure("The passphrases didn't match, so nothing was changed.")
                }
            }
            try store.enableEncryption(passphrase: passphrase)
            ConsoleText.say(
                "Saved conversations are now encrypted. Keep your passphrase safe: it can't be recovered.")
            return
        }
        if decrypt {
            guard let passphrase = ConsoleText.passphrase("Passphrase: ") else {
                throw ConsoleText.failure("A passphrase is needed (type it, or set WAYMARK_PASSPHRASE).")
            }
            try store.disableEncryption(passphrase: passphrase)
            ConsoleText.say(
                "Encryption is off: saved conversations are stored as plain text, readable only by you.")
            return
        }
        try show(store)
    }

    private func show(_ store: WaymarkStore) throws {
        let enabled = try store.settings().historyEnabled
        if try !store.isUnlocked() {
            guard let passphrase = ConsoleText.passphrase("Passphrase: ") else {
                throw WaymarkStoreError.locked
            }
            try store.unlock(passphrase: passphrase)
        }
        let messages: [HistoryMessage]
        if let search {
            messages = Array(try store.searchHistory(search, limit: 1_000_000).suffix(limit))
        } else {
            messages = try store.historyMessages(limit: limit)
        }
        if messages.isEmpty {
            if let search {
                ConsoleText.say("No saved messages contain \u{201C}\(search)\u{201D}.")
            } else if enabled {
                ConsoleText.say("History is on, but nothing has been saved yet.")
            } else {
                ConsoleText.say([
                    "History is off: Waymark isn't saving your conversations.",
                    "`waymark history --enable` turns it on.",
                ])
            }
            return
        }
        var lastConversation: String?
        var lines: [String] = []
        for message in messages {
            if message.conversation != lastConversation {
                if lastConversation != nil { lines.append("") }
                lines.append("── \(ConsoleText.dayAndTime(message.date)) ──")
                lastConversation = message.conversation
            }
            lines.append("\(Self.speaker(message.role)): \(Self.printable(message.text))")
        }
        if !enabled { lines += ["", "(History is off now: nothing new is being saved.)"] }
        ConsoleText.say(lines)
    }

    static func speaker(_ role: TranscriptEntry.Role) -> String {
        switch role {
        case .user: return "You"
        case .assistant: return "Waymark"
        case .safeguard: return "Waymark (support)"
        case .notice: return "Note"
        }
    }

    /// Saved text through ``ExternalText`` (the filter for every string from outside), so
    /// nothing saved can drive the terminal: no escape sequences, controls or bidi controls.
    static func printable(_ text: String) -> String {
        ExternalText.shown(text)
    }
}
