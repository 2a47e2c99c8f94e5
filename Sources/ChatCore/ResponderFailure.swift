import Safeguard

/// A responder failure, described for a person: no stack traces, no jargon.
public struct ResponderFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure, for tests and for choosing what to offer.
    public enum Kind: String, Sendable, Equatable {
        case unreachable
        case timedOut
        case unauthorized
        case rateLimited
        case serverError
        case badResponse
        case interrupted
        case programFailed
        case misconfigured
    }

    public var kind: Kind
    /// One clear sentence for the transcript, on one line and free of control sequences (it
    /// often quotes a server or a program: see ``ExternalText``).
    public var message: String
    /// Seconds to wait before retrying, when the server said so.
    public var retryAfter: Double?

    public init(_ kind: Kind, _ message: String, retryAfter: Double? = nil) {
        self.kind = kind
        self.message = ExternalText.line(message)
        self.retryAfter = retryAfter.flatMap { $0.isFinite && $0 >= 0 ? $0 : nil }
    }

    public var description: String { message }
}
