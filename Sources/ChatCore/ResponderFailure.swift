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
    /// One clear sentence for the transcript.
    public var message: String
    /// Seconds to wait before retrying, when the server said so.
    public var retryAfter: Double?

    public init(_ kind: Kind, _ message: String, retryAfter: Double? = nil) {
        self.kind = kind
        self.message = message
        self.retryAfter = retryAfter
    }

    public var description: String { message }
}
