import ArgumentParser
import ChatCore
import Foundation
import Safeguard
import WaymarkConfig

/// Everything a command that runs the turn pipeline needs, built once from the resources
/// folder and the configuration: the composition root's single assembly point.
struct PipelineEnvironment: Sendable {
    /// Waymark's reviewed data folder.
    let locator: ResourceLocator
    /// The safeguard: engine, policy and output-guard rules.
    let safeguards: ChatSession.Safeguards
    /// The effective settings (flags > environment > file > defaults).
    let settings: WaymarkSettings
    /// Problems found in the configuration (the app still runs, on safe defaults).
    let issues: [ConfigIssue]
    /// The built-in listener (always available, offline).
    let listener: ListeningResponder
    /// The configured responder, or the listener when the configured one could not be built.
    let responder: any Responder
    /// Why the configured responder could not be built, if it could not.
    let responderProblem: ResponderFailure?

    /// Load everything. Throws only when the resources folder or the safeguard's own data is
    /// missing or broken — then nothing can be assessed, and the caller says so (with 999 and
    /// Samaritans).
    static func load(
        options: ResponderOptions, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> PipelineEnvironment {
        guard let locator = ResourceLocator.locate(environment: environment) else {
            throw ResourcesMissing()
        }
        let safeguards = try ChatSession.Safeguards.load(from: locator)
        let listener = try ListeningResponder.load(from: locator)

        let resolution = options.resolveSettings(environment: environment)
        let built = makeResponder(
            settings: resolution.settings, resources: locator, environment: environment,
            listening: { listener })
        let responder: any Responder
        let problem: ResponderFailure?
        switch built {
        case .success(let made):
            responder = made
            problem = nil
        case .failure(let failure):
            responder = listener
            problem = failure
        }
        return PipelineEnvironment(
            locator: locator,
            safeguards: safeguards,
            settings: resolution.settings, issues: resolution.issues, listener: listener,
            responder: responder, responderProblem: problem)
    }

    /// A fresh conversation on the configured responder.
    func makeSession(
        responder override: (any Responder)? = nil, person: PersonSettings? = nil,
        builtInListener: (any Responder)? = nil, offers: SupportOffers = [.grounding],
        clock: @escaping @Sendable () -> Date = { Date() }
    ) -> ChatSession {
        ChatSession(
            safeguards: safeguards, responder: override ?? responder, settings: person ?? settings.person,
            offers: offers, builtInListener: builtInListener, clock: clock)
    }

    /// Print configuration issues and a responder problem to standard error (for commands
    /// without a screen).
    func reportProblems() {
        for issue in issues {
            StandardStreams.complain("waymark: \(issue)\n")
        }
        if let responderProblem {
            StandardStreams.complain(
                "waymark: \(responderProblem.message) Using the built-in listener instead.\n")
        }
    }
}

/// The resources folder could not be found: nothing can be assessed.
struct ResourcesMissing: Error, CustomStringConvertible {
    var description: String {
        """
        Waymark's data folder (resources/) could not be found. Set WAYMARK_RESOURCES to its path.
        If you are in danger now, call 999. Samaritans: 116 123 (free, 24/7).
        """
    }
}
