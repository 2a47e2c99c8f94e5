import TerminalUI

/// The chat's command-line options, as given (the lead wires backends and configuration).
struct ChatOptions: Sendable {
    var plain = false
    var noIntro = false
    var nation: HelpStrip.Nation?
    var backend: String?
    var configPath: String?
}
