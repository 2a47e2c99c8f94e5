import Foundation

/// One `data:` event of a streamed `/chat/completions` reply, as OpenAI-compatible servers
/// send it. Only the fields Waymark uses are decoded; everything else is ignored.
struct ChatCompletionChunk: Decodable, Sendable {
    /// One choice's incremental update.
    struct Choice: Decodable, Sendable {
        /// The text (and role) added by this chunk.
        struct Delta: Decodable, Sendable {
            var content: String?
        }

        var delta: Delta?
        /// The whole message, in a non-streamed reply.
        var message: Delta?
        var finishReason: String?

        enum CodingKeys: String, CodingKey {
            case delta
            case message
            case finishReason = "finish_reason"
        }
    }

    /// An error object some servers send in place of `choices`.
    struct ServerError: Decodable, Sendable {
        var message: String?
    }

    var choices: [Choice]?
    var error: ServerError?

    /// The text this chunk adds to the reply (first choice only), if any.
    var content: String? {
        guard let text = choices?.first?.delta?.content, !text.isEmpty else { return nil }
        return text
    }

    /// The finish reason, if this chunk ends the reply.
    var finishReason: String? {
        choices?.first?.finishReason
    }

    /// The text of a whole, non-streamed `chat.completion` body, or `nil` if it is not one.
    static func wholeReplyText(_ body: Data) -> String? {
        guard let reply = try? JSONDecoder().decode(ChatCompletionChunk.self, from: body),
            let choice = reply.choices?.first, let message = choice.message
        else { return nil }
        return message.content ?? ""
    }
}
