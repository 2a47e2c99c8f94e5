import ChatCore
import Foundation

/// Turns the raw bytes of a streamed `/chat/completions` body into reply events: SSE
/// parsing, JSON decoding, `[DONE]`, `finish_reason`, server error objects. Pure and
/// synchronous, so it is tested and benchmarked without a network.
public struct CompletionStreamDecoder: Sendable {
    private var parser: SSEParser
    private let decoder = JSONDecoder()
    /// The most reply text accepted, in UTF-8 bytes; more is a failure.
    public let maxReplyBytes: Int
    /// How much reply text arrived so far, in UTF-8 bytes.
    public private(set) var replyBytes = 0
    /// Whether any text arrived.
    public private(set) var sawContent = false
    /// Whether a `finish_reason` arrived.
    public private(set) var sawFinish = false
    /// Whether `[DONE]` arrived (later bytes are ignored).
    public private(set) var isComplete = false

    /// - Parameters:
    ///   - maxLineBytes: The longest SSE line (and event) accepted, in bytes.
    ///   - maxReplyBytes: The most reply text accepted, in UTF-8 bytes.
    public init(maxLineBytes: Int = 1_048_576, maxReplyBytes: Int = 262_144) {
        parser = SSEParser(maxLineBytes: maxLineBytes)
        self.maxReplyBytes = max(1, maxReplyBytes)
    }

    /// Decodes another chunk of bytes. `.done` is returned once, for `[DONE]`. A reply that
    /// ends without any text is a failure (llama-cpp-python ends a stream that way when a
    /// newer request interrupts it), so the person never sees an empty reply.
    public mutating func feed(_ bytes: some Sequence<UInt8>) throws(ResponderFailure) -> [ResponseEvent] {
        guard !isComplete else { return [] }
        var events: [ResponseEvent] = []
        for event in parser.feed(bytes) {
            try apply(event, into: &events)
            if isComplete { break }
        }
        if parser.overflowed { throw ResponderFailure.lineTooLong(limit: parser.maxLineBytes) }
        return events
    }

    /// The end of the body: decodes a last event left without its blank line, then
    /// `.done` if the reply finished, or throws if it was cut off.
    public mutating func finish() throws(ResponderFailure) -> [ResponseEvent] {
        guard !isComplete else { return [] }
        var events: [ResponseEvent] = []
        let cutMidLine = parser.hasPartialLine
        if !cutMidLine {
            for event in parser.finish() {
                try apply(event, into: &events)
                if isComplete { return events }
            }
        }
        if sawFinish {
            guard sawContent else { throw ResponderFailure.emptyReply() }
            isComplete = true
            events.append(.done)
            return events
        }
        throw sawContent ? ResponderFailure.cutOff() : ResponderFailure.closedWithoutReply()
    }

    private mutating func apply(_ event: SSEParser.Event, into events: inout [ResponseEvent])
        throws(ResponderFailure)
    {
        let data = event.data.trimmingCharacters(in: .whitespaces)
        if data == "[DONE]" {
            guard sawContent else { throw ResponderFailure.emptyReply() }
            isComplete = true
            events.append(.done)
            return
        }
        if data.isEmpty { return }
        let chunk: ChatCompletionChunk
        do {
            chunk = try decoder.decode(ChatCompletionChunk.self, from: Data(data.utf8))
        } catch {
            throw ResponderFailure.malformed()
        }
        if let error = chunk.error {
            throw ResponderFailure.serverReportedError(error.message.map(ResponderFailure.shortened))
        }
        if let text = chunk.content {
            replyBytes += text.utf8.count
            if replyBytes > maxReplyBytes { throw ResponderFailure.replyTooLong(limit: maxReplyBytes) }
            sawContent = true
            events.append(.delta(text))
        }
        if chunk.finishReason != nil {
            sawFinish = true
        }
    }
}
