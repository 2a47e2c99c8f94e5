/// Settings for an OpenAI-compatible server (`openai:` in the configuration).
public struct OpenAISettings: Sendable, Equatable {
    /// The API root, usually ending in `/v1`.
    public var baseURL: String
    public var model: String
    public var temperature: Double
    public var maxTokens: Int
    /// The NAME of the environment variable holding the API key (never the key).
    public var apiKeyEnvironmentVariable: String?
    /// Seconds to open a connection.
    public var connectTimeout: Double
    /// Seconds from sending until the first words of the reply.
    public var firstTokenTimeout: Double
    /// Longest silence, in seconds, while the reply streams (only words restart it).
    public var idleTimeout: Double
    /// Longest time, in seconds, for a whole reply.
    public var totalTimeout: Double
    /// Longest line of the event stream, in kilobytes.
    public var maxLineKB: Int
    /// Most reply text, in kilobytes.
    public var maxReplyKB: Int

    public init(
        baseURL: String = "http://127.0.0.1:8080/v1", model: String = "local-model",
        temperature: Double = 0.7,
        maxTokens: Int = 400, apiKeyEnvironmentVariable: String? = nil, connectTimeout: Double = 5,
        firstTokenTimeout: Double = 60, idleTimeout: Double = 30, totalTimeout: Double = 300,
        maxLineKB: Int = 1024, maxReplyKB: Int = 256
    ) {
        self.baseURL = baseURL
        self.model = model
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.apiKeyEnvironmentVariable = apiKeyEnvironmentVariable
        self.connectTimeout = connectTimeout
        self.firstTokenTimeout = firstTokenTimeout
        self.idleTimeout = idleTimeout
        self.totalTimeout = totalTimeout
        self.maxLineKB = maxLineKB
        self.maxReplyKB = maxReplyKB
    }
}
