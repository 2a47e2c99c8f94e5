/// Anything that can reply to the person: the built-in listener, an LLM server, a program.
///
/// One method, like swift-log's `LogHandler`: backends stream text deltas and finish the
/// stream (or throw a ``ResponderFailure``). Cancelling the consuming task must stop the work.
public protocol Responder: Sendable {
    /// A short name for the backend, shown to the person ("built-in listener", "llama.cpp").
    var displayName: String { get }
    /// Stream a reply to `request`.
    func respond(to request: ChatRequest) -> AsyncThrowingStream<ResponseEvent, any Error>
}
