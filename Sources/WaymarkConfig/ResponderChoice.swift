import ChatCore
import Foundation

/// The responder to start with, and what to tell the person about how it was chosen: the
/// configuration's problems, and a fallback to the built-in listener if the configured
/// backend cannot start.
public struct ResponderChoice: Sendable {
    /// The responder to use (the configured one, or the built-in listener).
    public var responder: any Responder
    /// Whether the configured backend could not start and the listener is used instead.
    public var fellBack: Bool
    /// One sentence each, for the transcript's notices or stderr.
    public var notices: [String]

    /// Resolves the responder from `resolution`, falling back to `listening()` with a notice.
    public init(
        resolution: SettingsResolution, resources: ResourceLocator?,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        listening: () -> any Responder
    ) {
        var notices = resolution.issues.map { "Configuration: \($0)." }
        switch makeResponder(
            settings: resolution.settings, resources: resources, environment: environment,
            listening: listening)
        {
        case .success(let responder):
            self.responder = responder
            fellBack = false
        case .failure(let failure):
            responder = listening()
            fellBack = true
            notices.append("\(failure.message) Using the built-in listener instead.")
        }
        self.notices = notices
    }
}
