import ChatCore
import Synchronization

/// A responder for tests: plays a fixed reply (or fails, or hangs) and records every request.
public final class StubResponder: Responder {
    /// What the stub does when asked.
    public enum Behaviour: Sendable {
        /// Stream this text in word-sized pieces.
        case reply(String)
        /// Stream these pieces, then throw this failure.
        case failAfter([String], ResponderFailure)
        /// Never answer until cancelled.
        case hang
    }

    private let behaviour: Behaviour
    private let recorded = Mutex<[ChatRequest]>([])
    public let displayName: String

    public init(_ behaviour: Behaviour, displayName: String = "stub") {
        self.behaviour = behaviour
        self.displayName = displayName
    }

    /// Every request received, in order.
    public var requests: [ChatRequest] { recorded.withLock { $0 } }

    public func respond(to request: ChatRequest) -> AsyncThrowingStream<ResponseEvent, any Error> {
        recorded.withLock { $0.append(request) }
        let behaviour = self.behaviour
        return AsyncThrowingStream { continuation in
            let task = Task {
                switch behaviour {
                case .reply(let text):
                    for piece in Self.pieces(text) { continuation.yield(.delta(piece)) }
                    continuation.yield(.done)
                    continuation.finish()
                case .failAfter(let pieces, let failure):
                    for piece in pieces { continuation.yield(.delta(piece)) }
                    continuation.finish(throwing: failure)
                case .hang:
                    while !Task.isCancelled {
                        try? await Task.sleep(for: .milliseconds(5))
                    }
                    continuation.finish(throwing: CancellationError())
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    private static func pieces(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if character == " " {
                pieces.append(current)
                current = ""
            }
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }
}
