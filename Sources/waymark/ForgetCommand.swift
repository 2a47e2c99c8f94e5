import ArgumentParser
import Foundation
import WaymarkStore

/// `waymark forget`: delete all saved conversations and say exactly what was deleted.
struct ForgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Delete all saved conversations, and say exactly what was deleted.",
        discussion: """
            Your safety plan and settings are kept (`waymark plan --delete` deletes the plan). \
            Works without your passphrase if history is encrypted. When run in a terminal it asks \
            first; --yes skips the question.
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Flag(name: .shortAndLong, help: "Don't ask before deleting.")
    var yes = false

    func run() throws {
        let store = try storeOptions.openStore()
        let conversations = try store.historyConversations(limit: 1_000_000)
        let messages = conversations.reduce(0) { $0 + $1.messageCount }
        if !yes, ConsoleText.inputIsTerminal, messages > 0 {
            ConsoleText.prompt(
                "Delete \(conversations.count) saved conversation(s) (\(messages) messages)? This can't be undone. [y/N] "
            )
            let answer = (readLine() ?? "").trimmingCharacters(in: .whitespaces).lowercased()
            guard answer == "y" || answer == "yes" else {
                ConsoleText.say("Nothing was deleted.")
                return
            }
        }
        let report = try store.forget()
        var lines = [report.description]
        if try store.loadSafetyPlan() != nil { lines.append("Your safety plan was kept.") }
        if try store.settings().historyEnabled {
            lines.append("History is still on; `waymark history --disable` stops saving.")
        }
        ConsoleText.say(lines)
    }
}
