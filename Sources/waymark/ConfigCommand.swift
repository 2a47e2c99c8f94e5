import Safeguard
import ArgumentParser
import Foundation
import WaymarkConfig

/// `waymark config`: the effective configuration, where each value came from, and any
/// problems found — with secrets masked.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show the effective configuration and where each value came from (secrets masked).",
        discussion: """
            Precedence, highest first: command-line flags, environment variables (WAYMARK_…), \
            the chosen profile, the configuration file, the built-in defaults. The annotated \
            defaults are in config/waymark.yaml.
            """
    )

    @OptionGroup var responder: ResponderOptions

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let resolution = responder.resolveSettings(environment: environment)
        StandardStreams.say(ExternalText.shown(ConfigReport.render(resolution, environment: environment)))
    }
}
