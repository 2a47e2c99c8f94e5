import ArgumentParser
import ChatCore
import Foundation
import OpenAIResponder
import Safeguard
import WaymarkConfig

/// The flags that choose and configure the responder, shared by every command that runs
/// the pipeline (`chat`, `replay`, `demo`, `eval`, `config`) through `@OptionGroup`.
/// Flags win over the environment, the configuration file and the defaults.
struct ResponderOptions: ParsableArguments {
    @Option(help: "Who replies: listening (built-in, offline), openai, command or scripted.")
    var backend: WaymarkSettings.Backend?

    @Option(name: .customLong("base-url"), help: "OpenAI-compatible API root, e.g. http://127.0.0.1:8080/v1.")
    var baseURL: String?

    @Option(help: "Model name for the OpenAI-compatible server.")
    var model: String?

    @Option(
        name: .customLong("api-key-env"),
        help:
            "NAME of the environment variable holding the API key (the key is never read from flags or files)."
    )
    var apiKeyEnv: String?

    @Option(
        help: ArgumentHelp("Program for the command backend, with its arguments.", valueName: "PROGRAM ARGS…")
    )
    var command: String?

    @Option(
        name: .customLong("script"),
        help: ArgumentHelp("Reply file for the scripted backend.", valueName: "FILE"))
    var script: String?

    @Option(
        name: .customLong("config"),
        help: ArgumentHelp(
            "Configuration file (default $XDG_CONFIG_HOME/waymark/config.yaml).", valueName: "PATH"))
    var configPath: String?

    @Option(help: "A named profile from the configuration file.")
    var profile: String?

    @Option(help: "Your UK nation: england, scotland, wales or northern-ireland.")
    var nation: Nation?

    /// A value the person typed on the command line that cannot be used stops the run (rather
    /// than being warned about and replaced by a default: the conversation must not go to
    /// a server nobody chose).
    func validate() throws {
        if let baseURL {
            let url = URL(string: baseURL)
            let scheme = url?.scheme?.lowercased()
            guard let url, scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty else {
                throw ValidationError(
                    "--base-url must be an http:// or https:// address with a host, like http://127.0.0.1:8080/v1; got \u{201C}\(ExternalText.line(URLMasking.masked(baseURL)))\u{201D}."
                )
            }
        }
    }

    /// The flags as configuration overrides.
    var flags: ConfigFlags {
        ConfigFlags(
            backend: backend?.rawValue, baseURL: baseURL, model: model, apiKeyEnv: apiKeyEnv,
            command: command,
            script: script, configPath: configPath, profile: profile, nation: nation?.rawValue)
    }

    /// Resolves the effective settings (never fails; problems come back as issues).
    func resolveSettings(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> SettingsResolution {
        SettingsResolver(flags: flags, environment: environment).resolve()
    }
}

extension WaymarkSettings.Backend: ExpressibleByArgument {}

extension Nation: ExpressibleByArgument {}
