import Safeguard

extension WaymarkSettings {
    /// Settings from validated values (keys missing from `values` keep their defaults).
    static func build(from values: [String: SettingValue], profile: String?) -> WaymarkSettings {
        var settings = WaymarkSettings.defaults
        settings.profile = profile
        func text(_ key: String) -> String? {
            if case .text(let value) = values[key] { return value }
            return nil
        }
        func number(_ key: String) -> Double? {
            if case .number(let value) = values[key] { return value }
            return nil
        }
        if let value = text("backend").flatMap(Backend.init(rawValue:)) { settings.backend = value }
        if let value = text("nation").flatMap(Nation.init(rawValue:)) { settings.nation = value }
        if let value = text("age_band") { settings.ageBand = AgeBand(rawValue: value) }
        if case .flag(let value) = values["history"] { settings.history = value }
        if let value = text("openai.base_url") { settings.openAI.baseURL = value }
        if let value = text("openai.model") { settings.openAI.model = value }
        if let value = number("openai.temperature") { settings.openAI.temperature = value }
        if case .count(let value) = values["openai.max_tokens"] { settings.openAI.maxTokens = value }
        if let value = text("openai.api_key_env") { settings.openAI.apiKeyEnvironmentVariable = value }
        if let value = number("openai.timeouts.connect") { settings.openAI.connectTimeout = value }
        if let value = number("openai.timeouts.first_token") { settings.openAI.firstTokenTimeout = value }
        if let value = number("openai.timeouts.idle") { settings.openAI.idleTimeout = value }
        if let value = number("openai.timeouts.total") { settings.openAI.totalTimeout = value }
        if case .count(let value) = values["openai.limits.max_line_kb"] { settings.openAI.maxLineKB = value }
        if case .count(let value) = values["openai.limits.max_reply_kb"] {
            settings.openAI.maxReplyKB = value
        }
        if case .words(let value) = values["command.argv"] { settings.command.argv = value }
        if case .words(let value) = values["command.pass_env"] { settings.command.passEnvironment = value }
        if let value = number("command.timeouts.first_output") { settings.command.firstOutputTimeout = value }
        if let value = number("command.timeouts.idle") { settings.command.idleTimeout = value }
        if let value = number("command.timeouts.total") { settings.command.totalTimeout = value }
        if case .count(let value) = values["command.limits.max_line_kb"] {
            settings.command.maxLineKB = value
        }
        if case .count(let value) = values["command.limits.max_reply_kb"] {
            settings.command.maxReplyKB = value
        }
        if let value = text("scripted.file") { settings.scripted.file = value }
        if let value = number("scripted.word_delay") { settings.scripted.wordDelay = value }
        return settings
    }

    /// The resolved settings (for tests and callers that don't need the issues).
    public static func resolve(
        flags: ConfigFlags = ConfigFlags(), environment: [String: String]
    ) -> SettingsResolution {
        SettingsResolver(flags: flags, environment: environment).resolve()
    }
}
