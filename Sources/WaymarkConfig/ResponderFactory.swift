import ChatCore
import CommandResponder
import Foundation
import OpenAIResponder

/// The system prompt's place in the resources folder.
public let systemPromptPath = "prompts/system.md"

/// Builds the responder the settings choose. A failure is one sentence for the person; the
/// caller then offers the built-in listener (from `listening`, so this module does not
/// depend on it).
///
/// - Parameters:
///   - settings: The resolved configuration.
///   - resources: Waymark's resources folder (for the system prompt), if found.
///   - environment: Where the API key variable is read (only by the OpenAI backend).
///   - listening: Makes the built-in listener.
public func makeResponder(
    settings: WaymarkSettings, resources: ResourceLocator?,
    environment: [String: String] = ProcessInfo.processInfo.environment,
    listening: () -> any Responder
) -> Result<any Responder, ResponderFailure> {
    let systemPrompt = (try? resources?.text(systemPromptPath))?.trimmingCharacters(
        in: .whitespacesAndNewlines)
    switch settings.backend {
    case .listening:
        return .success(listening())
    case .openai:
        guard let url = URL(string: settings.openAI.baseURL), url.host != nil else {
            return .failure(
                ResponderFailure(
                    .misconfigured,
                    "The base URL \u{201C}\(URLMasking.masked(settings.openAI.baseURL))\u{201D} is not a web address."
                ))
        }
        guard let systemPrompt, !systemPrompt.isEmpty else {
            return .failure(
                ResponderFailure(
                    .misconfigured,
                    "Waymark's system prompt (resources/\(systemPromptPath)) could not be found, so the language model backend cannot start."
                ))
        }
        let configuration = OpenAIResponder.Configuration(
            baseURL: url, model: settings.openAI.model, temperature: settings.openAI.temperature,
            maxTokens: settings.openAI.maxTokens,
            apiKeyEnvironmentVariable: settings.openAI.apiKeyEnvironmentVariable,
            connectTimeout: settings.openAI.connectTimeout,
            firstTokenTimeout: settings.openAI.firstTokenTimeout,
            idleTimeout: settings.openAI.idleTimeout, totalTimeout: settings.openAI.totalTimeout,
            maxLineBytes: settings.openAI.maxLineKB * 1024, maxReplyBytes: settings.openAI.maxReplyKB * 1024)
        return .success(
            OpenAIResponder(
                configuration: configuration, systemPrompt: systemPrompt, environment: environment))
    case .command:
        guard !settings.command.argv.isEmpty else {
            return .failure(
                ResponderFailure(
                    .misconfigured,
                    "No program is set for the command backend; pass --command \"PROGRAM ARGS\" or set command.argv."
                ))
        }
        let configuration = CommandResponder.Configuration(
            argv: settings.command.argv, firstOutputTimeout: settings.command.firstOutputTimeout,
            idleTimeout: settings.command.idleTimeout, totalTimeout: settings.command.totalTimeout,
            maxLineBytes: settings.command.maxLineKB * 1024,
            maxReplyBytes: settings.command.maxReplyKB * 1024,
            passEnvironment: settings.command.passEnvironment)
        return .success(
            CommandResponder(
                configuration: configuration, systemPrompt: systemPrompt, environment: environment))
    case .scripted:
        guard let file = settings.scripted.file else {
            return .failure(
                ResponderFailure(
                    .misconfigured,
                    "No script file is set for the scripted backend; pass --script FILE or set scripted.file."
                ))
        }
        do {
            let responder = try ScriptedResponder(
                contentsOf: URL(fileURLWithPath: file),
                wordDelay: .milliseconds(Int(settings.scripted.wordDelay * 1000)))
            return .success(responder)
        } catch {
            return .failure(
                ResponderFailure(.misconfigured, "The script file \u{201C}\(file)\u{201D} could not be read.")
            )
        }
    }
}
