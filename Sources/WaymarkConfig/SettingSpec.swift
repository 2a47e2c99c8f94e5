import Foundation
import Safeguard

/// One configurable key: its dotted name, what kind of value it takes and its default.
struct SettingSpec: Sendable {
    /// What values a key accepts.
    enum Kind: Sendable {
        case text
        case choice([String])
        case url
        case environmentName
        case number(minimum: Double, maximum: Double)
        case count
        case flag
        case argv
        case path
    }

    var key: String
    var kind: Kind

    /// The environment variable for the key: `WAYMARK_OPENAI_BASE_URL`.
    var environmentName: String {
        "WAYMARK_" + key.uppercased().replacingOccurrences(of: ".", with: "_")
    }

    /// Every key Waymark reads, in display order.
    static let all: [SettingSpec] = [
        SettingSpec(key: "backend", kind: .choice(WaymarkSettings.Backend.allCases.map(\.rawValue))),
        SettingSpec(key: "profile", kind: .text),
        SettingSpec(key: "nation", kind: .choice(Nation.allCases.map(\.rawValue))),
        SettingSpec(key: "age_band", kind: .choice(["unspecified"] + AgeBand.allCases.map(\.rawValue))),
        SettingSpec(key: "history", kind: .flag),
        SettingSpec(key: "openai.base_url", kind: .url),
        SettingSpec(key: "openai.model", kind: .text),
        SettingSpec(key: "openai.temperature", kind: .number(minimum: 0, maximum: 2)),
        SettingSpec(key: "openai.max_tokens", kind: .count),
        SettingSpec(key: "openai.api_key_env", kind: .environmentName),
        SettingSpec(key: "openai.timeouts.connect", kind: .number(minimum: 0.1, maximum: 3600)),
        SettingSpec(key: "openai.timeouts.first_token", kind: .number(minimum: 0.1, maximum: 3600)),
        SettingSpec(key: "openai.timeouts.idle", kind: .number(minimum: 0.1, maximum: 3600)),
        SettingSpec(key: "openai.timeouts.total", kind: .number(minimum: 1, maximum: 86400)),
        SettingSpec(key: "openai.limits.max_line_kb", kind: .count),
        SettingSpec(key: "openai.limits.max_reply_kb", kind: .count),
        SettingSpec(key: "command.argv", kind: .argv),
        SettingSpec(key: "command.pass_env", kind: .argv),
        SettingSpec(key: "command.timeouts.first_output", kind: .number(minimum: 0.1, maximum: 3600)),
        SettingSpec(key: "command.timeouts.idle", kind: .number(minimum: 0.1, maximum: 3600)),
        SettingSpec(key: "command.timeouts.total", kind: .number(minimum: 1, maximum: 86400)),
        SettingSpec(key: "command.limits.max_line_kb", kind: .count),
        SettingSpec(key: "command.limits.max_reply_kb", kind: .count),
        SettingSpec(key: "scripted.file", kind: .path),
        SettingSpec(key: "scripted.word_delay", kind: .number(minimum: 0, maximum: 5)),
    ]

    /// Keys that may hold other keys.
    static let sections: Set<String> = [
        "openai", "openai.timeouts", "openai.limits", "command", "command.timeouts", "command.limits",
        "scripted",
    ]

    /// Keys a profile may not set (they choose the profile, or are per-machine).
    static let notInProfiles: Set<String> = ["profile"]
}
