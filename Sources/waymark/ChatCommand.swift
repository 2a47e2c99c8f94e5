import ArgumentParser
import ChatCore
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
            With no configuration at all, the built-in offline listener replies.
            """
    )

    @Flag(help: "Plain line mode: appended lines, no screen drawing.")
    var plain = false

    @Flag(name: .customLong("no-intro"), help: "Skip the intro screen.")
    var noIntro = false

    @Flag(
        name: .customLong("reduced-motion"),
        help: "Still text instead of animation in /breathe (also WAYMARK_REDUCED_MOTION=1).")
    var reducedMotion = false

    @Flag(
        help:
            "Clinician mode: the inspector (F3) and /export also show replies the output guard changed, in their original form."
    )
    var clinician = false

    @OptionGroup var responderOptions: ResponderOptions

    func run() throws {
        let support = ChatSupport.load()
        let environment = ProcessInfo.processInfo.environment
        let lineMode =
            plain || isatty(STDOUT_FILENO) == 0 || isatty(STDIN_FILENO) == 0
            || environment["TERM"] == "dumb" || (environment["TERM"] ?? "").isEmpty
        let reduced = support.reducedMotion(flag: reducedMotion)
        if lineMode {
            let conversation = ConversationSetup.make(
                responderOptions: responderOptions, hasSafetyPlan: support.hasPlan)
            let options = ChatOptions(
                plain: plain, noIntro: noIntro, nation: conversation.nation, clinician: clinician)
            LineModeChat(
                driver: conversation.driver, options: options,
                resources: ChatResources.load(nation: options.nation),
                startupNotices: conversation.notices + support.notices, support: support,
                tools: support.tools(suggestions: conversation.planSuggestions, reducedMotion: reduced)
            ).run()
            return
        }
        // The screen appears at once; the safeguard's data loads behind it (well under 0.2 s to
        // the first frame, whatever the lexicon and model cost to load).
        let responder = responderOptions
        let hasPlan = support.hasPlan
        let deferred = DeferredConversation {
            ConversationSetup.make(responderOptions: responder, hasSafetyPlan: hasPlan)
        }
        let nation = responderOptions.resolveSettings().settings.nation ?? responderOptions.nation
        let options = ChatOptions(plain: plain, noIntro: noIntro, nation: nation, clinician: clinician)
        let code = try ChatScreen(
            driver: deferred, options: options, resources: ChatResources.load(nation: nation),
            startupNotices: support.notices, responderName: "", support: support,
            tools: support.tools(suggestions: [], reducedMotion: reduced),
            loaded: { await deferred.setup }
        ).run()
        if code != 0 { throw ExitCode(code) }
        // The terminal is restored: the help numbers stay on it after the screen has gone.
        StandardStreams.say(HelpStrip(nation: nation).exitText + "\n")
    }
}
