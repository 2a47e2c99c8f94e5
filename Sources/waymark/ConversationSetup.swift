import ChatCore
import Foundation
import Safeguard

/// The conversation the chat screen and line mode talk to, built from the configuration.
///
/// Whatever goes wrong — a broken configuration file, a backend that cannot start, even a
/// missing resources folder — the chat still opens with the help strip; problems become
/// notes in the transcript.
struct ConversationSetup {
    var driver: any ConversationDriver
    var notices: [String]
    var responderName: String
    var nation: Nation?
    /// Services to suggest in the safety plan's professionals section.
    var planSuggestions: [String] = []

    static func make(
        responderOptions: ResponderOptions, hasSafetyPlan: Bool = false,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> ConversationSetup {
        do {
            let pipeline = try PipelineEnvironment.load(options: responderOptions, environment: environment)
            var notices = pipeline.issues.map { "Configuration: \($0)" }
            if let problem = pipeline.responderProblem {
                notices.append("\(problem.message) You're talking with the built-in listener instead.")
            }
            let session = pipeline.makeSession(
                builtInListener: pipeline.listener,
                offers: hasSafetyPlan ? [.grounding, .safetyPlan] : [.grounding])
            return ConversationSetup(
                driver: session, notices: notices, responderName: pipeline.responder.displayName,
                nation: pipeline.settings.nation,
                planSuggestions: SafetyPlanSuggestions.services(
                    directory: pipeline.safeguards.policy.directory, settings: pipeline.settings.person))
        } catch {
            return ConversationSetup(
                driver: UnavailableConversation(reason: "\(error)"),
                notices: [UnavailableConversation.explanation(for: "\(error)")], responderName: "",
                nation: responderOptions.nation)
        }
    }
}
