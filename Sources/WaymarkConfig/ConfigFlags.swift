/// The configuration that command-line flags set (highest precedence). Filled in by the
/// executable's `ResponderOptions`; `nil` means the flag was not given.
public struct ConfigFlags: Sendable, Equatable {
    public var backend: String?
    public var baseURL: String?
    public var model: String?
    public var apiKeyEnv: String?
    /// `--command "PROGRAM ARGS…"`, split like a shell would (quotes, backslashes).
    public var command: String?
    public var script: String?
    public var configPath: String?
    public var profile: String?
    public var nation: String?

    public init(
        backend: String? = nil, baseURL: String? = nil, model: String? = nil, apiKeyEnv: String? = nil,
        command: String? = nil, script: String? = nil, configPath: String? = nil, profile: String? = nil,
        nation: String? = nil
    ) {
        self.backend = backend
        self.baseURL = baseURL
        self.model = model
        self.apiKeyEnv = apiKeyEnv
        self.command = command
        self.script = script
        self.configPath = configPath
        self.profile = profile
        self.nation = nation
    }

    /// Key → (value, flag name) for the flags that were given.
    var entries: [String: (value: String, flag: String)] {
        var entries: [String: (String, String)] = [:]
        if let backend { entries["backend"] = (backend, "--backend") }
        if let baseURL { entries["openai.base_url"] = (baseURL, "--base-url") }
        if let model { entries["openai.model"] = (model, "--model") }
        if let apiKeyEnv { entries["openai.api_key_env"] = (apiKeyEnv, "--api-key-env") }
        if let command { entries["command.argv"] = (command, "--command") }
        if let script { entries["scripted.file"] = (script, "--script") }
        if let profile { entries["profile"] = (profile, "--profile") }
        if let nation { entries["nation"] = (nation, "--nation") }
        return entries
    }
}
