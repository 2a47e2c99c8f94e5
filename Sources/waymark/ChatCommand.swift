import ArgumentParser
import Foundation
import TerminalUI

/// `waymark chat` (the default): the ncurses chat, or line mode for pipes and screen readers.
struct ChatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "Talk with Waymark (the default).",
        discussion: """
            Opens the chat screen. Line mode (plain appended lines, for screen readers and pipes) \
            is used with --plain, or when stdout is not a terminal, or TERM=dumb.
            """
    )

    @Flag(help: "Plain line mode: appended lines, no screen drawing.")
    var plain = false

    @Flag(name: .customLong("no-intro"), help: "Skip the intro screen.")
    var noIntro = false

    @Option(help: "Where you are, for local services: england, scotland, wales, northern-ireland.")
    var nation: String?

    @Option(help: "The responder backend to use (see the configuration).")
    var backend: String?

    @Option(help: "Path to a configuration file.")
    var config: String?

    func validate() throws {
        if let nation, HelpStrip.Nation(rawValue: nation.lowercased()) == nil {
            throw ValidationError("--nation must be one of: england, scotland, wales, northern-ireland")
        }
    }

    func run() throws {
        let options = ChatOptions(
            plain: plain, noIntro: noIntro,
            nation: nation.flatMap { HelpStrip.Nation(rawValue: $0.lowercased()) },
            backend: backend, configPath: config)
        let driver = makeConversationDriver(options)
        let environment = ProcessInfo.processInfo.environment
        let resources = ChatResources.load(nation: options.nation)
        if options.plain || isatty(STDOUT_FILENO) == 0 || isatty(STDIN_FILENO) == 0
            || environment["TERM"] == "dumb"
            || (environment["TERM"] ?? "").isEmpty
        {
            LineModeChat(driver: driver, options: options, resources: resources).run()
        } else {
            let code = try ChatScreen(driver: driver, options: options, resources: resources).run()
            if code != 0 { throw ExitCode(code) }
        }
    }
}
