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

    /// The UK nation whose services are offered first.
    public enum Nation: String, Sendable, CaseIterable {
        case england
        case scotland
        case wales
        case northernIreland = "northern-ireland"
    }

    /// The person's age band, when they choose to say (it changes which services fit).
    public enum AgeBand: String, Sendable, CaseIterable {
        case unspecified
        case under19 = "under-19"
        case from19To24 = "19-24"
        case from25To34 = "25-34"
        case from35 = "35-plus"
    }

    public var backend: Backend
    /// The profile from the configuration file in use, if any.
    public var profile: String?
    /// `nil`: services for the whole UK.
    public var nation: Nation?
    public var ageBand: AgeBand
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
        ageBand: AgeBand = .unspecified, history: Bool = false, openAI: OpenAISettings = OpenAISettings(),
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

    /// The built-in defaults (the same as the annotated `config/waymark.yaml`).
    public static let defaults = WaymarkSettings()
}
