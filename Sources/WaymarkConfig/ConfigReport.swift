import Foundation
import OpenAIResponder

/// The text `waymark config` prints: every effective value, where it came from, and the
/// problems found. Secrets are never shown — only the name of the variable holding the API
/// key, and whether it is set.
public enum ConfigReport {
    /// Renders `resolution`; `environment` is used only to say whether the key variable is set.
    public static func render(_ resolution: SettingsResolution, environment: [String: String]) -> String {
        let settings = resolution.settings
        var lines: [String] = ["Waymark configuration", ""]
        if let file = settings.configFile {
            let state = fileExists(file) ? "" : " (not found; built-in defaults)"
            lines.append("  file     \(file)\(state)")
        } else {
            lines.append("  file     (none)")
        }
        lines.append("  profile  \(settings.profile ?? "(none)")")
        lines.append("")
        let rows = displayRows(settings, environment: environment)
        let keyWidth = rows.map(\.key.count).max() ?? 0
        let valueWidth = min(48, rows.map(\.value.count).max() ?? 0)
        for row in rows {
            let source = settings.provenance[row.key] ?? "default"
            let key = row.key.padding(toLength: keyWidth, withPad: " ", startingAt: 0)
            let value =
                row.value.count >= valueWidth
                ? row.value : row.value.padding(toLength: valueWidth, withPad: " ", startingAt: 0)
            lines.append("  \(key)  \(value)  \(source)")
        }
        if !resolution.issues.isEmpty {
            lines.append("")
            lines.append("Problems (Waymark still runs; fix these when you can):")
            for issue in resolution.issues {
                lines.append("  - \(issue)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Key and shown value for each setting, in the configuration file's order.
    static func displayRows(_ settings: WaymarkSettings, environment: [String: String]) -> [(
        key: String, value: String
    )] {
        let keyVariable: String
        if let name = settings.openAI.apiKeyEnvironmentVariable {
            let isSet = !(environment[name] ?? "").isEmpty
            keyVariable = "\(name) (\(isSet ? "set; value hidden" : "not set"))"
        } else {
            keyVariable = "(none: no API key sent)"
        }
        return [
            ("backend", settings.backend.rawValue),
            ("nation", settings.nation?.rawValue ?? "(not set: England's NHS routes)"),
            ("age_band", settings.ageBand?.rawValue ?? "unspecified"),
            ("history", settings.history ? "true" : "false"),
            ("openai.base_url", URLMasking.masked(settings.openAI.baseURL)),
            ("openai.model", settings.openAI.model),
            ("openai.temperature", number(settings.openAI.temperature)),
            ("openai.max_tokens", String(settings.openAI.maxTokens)),
            ("openai.api_key_env", keyVariable),
            ("openai.timeouts.connect", number(settings.openAI.connectTimeout)),
            ("openai.timeouts.first_token", number(settings.openAI.firstTokenTimeout)),
            ("openai.timeouts.idle", number(settings.openAI.idleTimeout)),
            ("openai.timeouts.total", number(settings.openAI.totalTimeout)),
            ("openai.limits.max_line_kb", String(settings.openAI.maxLineKB)),
            ("openai.limits.max_reply_kb", String(settings.openAI.maxReplyKB)),
            ("command.argv", settings.command.argv.isEmpty ? "(none)" : quoted(settings.command.argv)),
            (
                "command.pass_env",
                settings.command.passEnvironment.isEmpty
                    ? "(none)" : settings.command.passEnvironment.joined(separator: " ")
            ),
            ("command.timeouts.first_output", number(settings.command.firstOutputTimeout)),
            ("command.timeouts.idle", number(settings.command.idleTimeout)),
            ("command.timeouts.total", number(settings.command.totalTimeout)),
            ("command.limits.max_line_kb", String(settings.command.maxLineKB)),
            ("command.limits.max_reply_kb", String(settings.command.maxReplyKB)),
            ("scripted.file", settings.scripted.file ?? "(none)"),
            ("scripted.word_delay", number(settings.scripted.wordDelay)),
        ]
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    private static func quoted(_ argv: [String]) -> String {
        argv.map { word in
            word.contains(where: { $0.isWhitespace || $0 == "'" || $0 == "\"" })
                ? "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'" : word
        }.joined(separator: " ")
    }

    private static func fileExists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }
}
