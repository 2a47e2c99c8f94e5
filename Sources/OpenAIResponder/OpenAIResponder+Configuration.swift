import Foundation

extension OpenAIResponder {
    /// Where and how to reach an OpenAI-compatible server. Holds the *name* of the
    /// environment variable with the API key, never the key itself.
    public struct Configuration: Sendable, Equatable {
        /// The API root, usually ending in `/v1` (`http://127.0.0.1:8080/v1`).
        public var baseURL: URL
        /// The model name the server knows.
        public var model: String
        /// Sampling temperature.
        public var temperature: Double
        /// The longest reply, in tokens.
        public var maxTokens: Int
        /// The environment variable holding the API key, or `nil` for servers without keys.
        public var apiKeyEnvironmentVariable: String?
        /// Seconds allowed to open a connection to the server.
        public var connectTimeout: Double
        /// Seconds allowed, from sending the request, until the first words of the reply.
        public var firstTokenTimeout: Double
        /// The longest silence, in seconds, once the reply is streaming.
        public var idleTimeout: Double
        /// The longest a whole reply may take, in seconds, from sending the request.
        public var totalTimeout: Double
        /// The longest line of the event stream (and the most data in one event), in bytes.
        public var maxLineBytes: Int
        /// The most reply text, in UTF-8 bytes; the whole body may be at most
        /// ``maxBodyBytes`` (stream framing is much larger than the text it carries).
        public var maxReplyBytes: Int
        /// Shown to the person; defaults to the model and host.
        public var displayName: String?

        public init(
            baseURL: URL, model: String, temperature: Double = 0.7, maxTokens: Int = 400,
            apiKeyEnvironmentVariable: String? = nil, connectTimeout: Double = 5,
            firstTokenTimeout: Double = 60, idleTimeout: Double = 30, totalTimeout: Double = 300,
            maxLineBytes: Int = 1_048_576, maxReplyBytes: Int = 262_144, displayName: String? = nil
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
            self.maxLineBytes = maxLineBytes
            self.maxReplyBytes = maxReplyBytes
            self.displayName = displayName
        }

        /// The most bytes one streamed body may hold: 64 times the reply limit (each word
        /// travels in a JSON envelope of a few hundred bytes) plus one longest line.
        public var maxBodyBytes: Int {
            let (envelopes, overflow) = maxReplyBytes.multipliedReportingOverflow(by: 64)
            guard !overflow else { return .max }
            let (total, overflowAgain) = envelopes.addingReportingOverflow(maxLineBytes)
            return overflowAgain ? .max : total
        }

        /// The base URL as it may be shown: a user name or password in it is masked.
        public var maskedBaseURL: String {
            URLMasking.masked(baseURL.absoluteString)
        }

        /// The streaming endpoint: `{baseURL}/chat/completions`.
        public var completionsURL: URL {
            baseURL.appendingPathComponent("chat/completions")
        }

        /// `host:port` for messages.
        var serverLabel: String {
            let host = baseURL.host ?? baseURL.absoluteString
            if let port = baseURL.port {
                return "\(host):\(port)"
            }
            return host
        }
    }
}
