import Safeguard

/// Waymark's effective configuration: every value resolved from command-line flags, the
/// environment (`WAYMARK_…`), the configuration file (and a named profile in it) and the
/// built-in defaults, in that order, with where each value came from.
///
/// Holds no secrets: the API key stays in the environment variable that
/// ``OpenAISettings/apiKeyEnvironmentVariable`` names.
public struct WaymarkSettings: Sendable, Equatable {
    /// Which responder answers the person.
    public enum Backend: String, Sendable, CaseIterable {
        /// The built-in offline listener.
        case listening
        /// An OpenAI-compatible server.
        case openai
        /// Any program, JSON lines over stdin/stdout.
        case command
        /// Replies from a file, for demos and tests.
        case scripted
    }

    public var backend: Backend
    /// The profile from the configuration file in use, if any.
    public var profile: String?
    /// The person's UK nation; `nil` when not configured (the safeguard then assumes England
    /// for NHS routes, see ``person``).
    public var nation: Nation?
    /// The person's age band, if they chose to share it.
    public var ageBand: AgeBand?
    /// Whether conversations are kept on disk (off by default; private by default).
    public var history: Bool
    public var openAI: OpenAISettings
    public var command: CommandSettings
    public var scripted: ScriptedSettings
    /// The configuration file that was read (or looked for), if any.
    public var configFile: String?
    /// Key (`openai.base_url`) → where its value came from: `default`, `file /path:12`,
    /// `file /path:30 (profile local)`, `env WAYMARK_OPENAI_BASE_URL`, `flag --base-url`.
    public var provenance: [String: String]

    public init(
        backend: Backend = .listening, profile: String? = nil, nation: Nation? = nil,
        ageBand: AgeBand? = nil, history: Bool = false, openAI: OpenAISettings = OpenAISettings(),
        command: CommandSettings = CommandSettings(), scripted: ScriptedSettings = ScriptedSettings(),
        configFile: String? = nil, provenance: [String: String] = [:]
    ) {
        self.backend = backend
        self.profile = profile
        self.nation = nation
        self.ageBand = ageBand
        self.history = history
        self.openAI = openAI
        self.command = command
        self.scripted = scripted
        self.configFile = configFile
        self.provenance = provenance
    }

    /// What the safeguard needs to choose services (nation defaults to England, as the
    /// safeguard's own `PersonSettings` does).
    public var person: PersonSettings {
        PersonSettings(nation: nation ?? .england, ageBand: ageBand)
    }

    /// The built-in defaults (the same as the annotated `config/waymark.yaml`).
    public static let defaults = WaymarkSettings()
}
