import ChatCore

/// The JSON body of a streamed `POST /chat/completions` request.
struct ChatCompletionRequestBody: Encodable, Sendable {
    var model: String
    var messages: [ChatMessage]
    var temperature: Double
    var maxTokens: Int
    var stream = true

    enum CodingKeys: String, CodingKey {
        case model
        case messages
        case temperature
        case maxTokens = "max_tokens"
        case stream
    }
}
