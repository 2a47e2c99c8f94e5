import ChatCore
import Foundation
import Safeguard

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The one-sentence failures of the OpenAI-compatible backend.
extension ResponderFailure {
    static func serverDown(_ server: String) -> ResponderFailure {
        ResponderFailure(
            .unreachable,
            "Nothing is answering at \(server): the language model server seems to be down or not started."
        )
    }

    static func hostNotFound(_ host: String) -> ResponderFailure {
        ResponderFailure(
            .unreachable,
            "The server name \u{201C}\(host)\u{201D} could not be found (DNS lookup failed); check the base URL."
        )
    }

    static func connectTimedOut(_ server: String, seconds: Double) -> ResponderFailure {
        ResponderFailure(
            .timedOut, "Could not connect to \(server) within \(formatted(seconds)) seconds.")
    }

    static func noFirstToken(_ server: String, seconds: Double) -> ResponderFailure {
        ResponderFailure(
            .timedOut,
            "The server at \(server) accepted the message but did not start replying within \(formatted(seconds)) seconds."
        )
    }

    static func fellSilent(seconds: Double) -> ResponderFailure {
        ResponderFailure(
            .timedOut,
            "The server stopped sending in the middle of the reply (silent for \(formatted(seconds)) seconds)."
        )
    }

    static func unauthorized(status: Int, keyVariable: String?, keyPresent: Bool) -> ResponderFailure {
        let advice: String
        switch (keyVariable, keyPresent) {
        case (let variable?, true):
            advice = "check the key in the environment variable \(variable)"
        case (let variable?, false):
            advice = "the environment variable \(variable) named in the configuration is not set"
        case (nil, _):
            advice = "set openai.api_key_env to the name of an environment variable that holds the key"
        }
        return ResponderFailure(.unauthorized, "The server refused the API key (HTTP \(status)): \(advice).")
    }

    static func modelNotFound(_ model: String, server: String) -> ResponderFailure {
        ResponderFailure(
            .misconfigured,
            "The server at \(server) has no model \u{201C}\(model)\u{201D} or no chat endpoint there (HTTP 404); check the model name and that the base URL ends in /v1."
        )
    }

    /// The longest wait a `Retry-After` header can ask for; longer requests (or HTTP dates
    /// years ahead) are shown as "over an hour".
    static let longestRetryAfter: Double = 3600

    static func rateLimited(retryAfter: Double?) -> ResponderFailure {
        if let retryAfter, retryAfter.isFinite, retryAfter >= 0 {
            if retryAfter >= longestRetryAfter {
                return ResponderFailure(
                    .rateLimited,
                    "The server is busy or rate-limited (HTTP 429); it asks to wait over an hour before trying again.",
                    retryAfter: longestRetryAfter)
            }
            return ResponderFailure(
                .rateLimited,
                "The server is busy or rate-limited (HTTP 429); it asks to wait \(formatted(retryAfter)) seconds before trying again.",
                retryAfter: retryAfter)
        }
        return ResponderFailure(
            .rateLimited, "The server is busy or rate-limited (HTTP 429); try again in a little while.")
    }

    static func serverFailed(status: Int) -> ResponderFailure {
        ResponderFailure(
            .serverError,
            "The language model server had an internal error (HTTP \(status)); try again, or switch to the built-in listener."
        )
    }

    static func unexpectedStatus(_ status: Int, detail: String?) -> ResponderFailure {
        var message = "The server turned the request down (HTTP \(status))"
        if let detail, !detail.isEmpty {
            message += ": \u{201C}\(detail)\u{201D}"
        }
        return ResponderFailure(.badResponse, message + ".")
    }

    static func cutOff() -> ResponderFailure {
        ResponderFailure(.interrupted, "The connection dropped in the middle of the reply.")
    }

    static func closedWithoutReply() -> ResponderFailure {
        ResponderFailure(.badResponse, "The server closed the connection without sending a reply.")
    }

    static func emptyReply() -> ResponderFailure {
        ResponderFailure(.badResponse, "The server ended its reply without sending any text.")
    }

    static func malformed() -> ResponderFailure {
        ResponderFailure(
            .badResponse, "The server sent something that is not a valid streamed reply (malformed JSON).")
    }

    static func lineTooLong(limit: Int) -> ResponderFailure {
        ResponderFailure(
            .badResponse,
            "The server sent a line longer than \(sizeText(limit)), so the reply was stopped (the limit is openai.limits.max_line_kb)."
        )
    }

    static func replyTooLong(limit: Int) -> ResponderFailure {
        ResponderFailure(
            .badResponse,
            "The reply went past \(sizeText(limit)) of text, so it was stopped (the limit is openai.limits.max_reply_kb)."
        )
    }

    static func streamTooLarge(limit: Int) -> ResponderFailure {
        ResponderFailure(
            .badResponse,
            "The server sent more than \(sizeText(limit)) for one reply, so it was stopped.")
    }

    static func tookTooLong(seconds: Double) -> ResponderFailure {
        ResponderFailure(
            .timedOut,
            "The reply took longer than \(formatted(seconds)) seconds in all, so it was stopped (the limit is openai.timeouts.total)."
        )
    }

    static func redirectRefused(status: Int, server: String) -> ResponderFailure {
        ResponderFailure(
            .misconfigured,
            "The server at \(server) answered with a redirect (HTTP \(status)) to another address; Waymark does not follow redirects for the chat endpoint (it would send the message, and any API key, elsewhere). Set openai.base_url to the final address."
        )
    }

    /// "256 KB", "1 MB".
    static func sizeText(_ bytes: Int) -> String {
        if bytes >= 1_048_576, bytes % 1_048_576 == 0 { return "\(bytes / 1_048_576) MB" }
        if bytes >= 1024 { return "\(bytes / 1024) KB" }
        return "\(bytes) bytes"
    }

    static func serverReportedError(_ detail: String?) -> ResponderFailure {
        guard let detail, !detail.isEmpty else {
            return ResponderFailure(.serverError, "The server reported an error in the middle of the reply.")
        }
        return ResponderFailure(.serverError, "The server reported an error: \u{201C}\(detail)\u{201D}.")
    }

    static func network(_ error: URLError, server: String, host: String, midReply: Bool) -> ResponderFailure {
        switch error.code {
        case .cannotConnectToHost:
            return serverDown(server)
        case .cannotFindHost, .dnsLookupFailed:
            return hostNotFound(host)
        case .networkConnectionLost where midReply:
            return cutOff()
        case .timedOut:
            return ResponderFailure(.timedOut, "The request to \(server) timed out.")
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
            return ResponderFailure(.unreachable, "A secure connection to \(server) could not be made.")
        case .notConnectedToInternet:
            return ResponderFailure(
                .unreachable, "This computer seems to be offline, so \(server) can't be reached.")
        default:
            return midReply
                ? cutOff()
                : ResponderFailure(
                    .unreachable, "The request to \(server) failed (network error \(error.code.rawValue)).")
        }
    }

    /// A failure of the socket transport (``HTTPClientError``), as one sentence.
    static func transport(
        _ error: HTTPClientError, server: String, host: String, connectTimeout: Double, midReply: Bool
    ) -> ResponderFailure {
        switch error {
        case .nameNotFound:
            return hostNotFound(host)
        case .refused:
            return serverDown(server)
        case .connectTimedOut:
            return connectTimedOut(server, seconds: connectTimeout)
        case .connectFailed(let code):
            return ResponderFailure(
                .unreachable, "Could not connect to \(server) (\(String(cString: strerror(code))).")
        case .connectionLost:
            return midReply ? cutOff() : closedWithoutReply()
        case .headTooLarge(let limit):
            return ResponderFailure(
                .badResponse,
                "The server at \(server) sent response headers longer than \(sizeText(limit)), so the request was stopped."
            )
        case .malformed(let what):
            return ResponderFailure(
                .badResponse,
                "The server at \(server) sent a response that is not valid HTTP (\(what)), so the reply was stopped."
            )
        case .timedOut:
            return ResponderFailure(.timedOut, "The request to \(server) timed out.")
        }
    }

    /// Seconds from a `Retry-After` header: a number, or an HTTP date. Never traps on what
    /// a server sends: infinities, NaN, huge numbers and dates far ahead are capped at
    /// ``longestRetryAfter``; negative or unreadable values give `nil`.
    static func retryAfterSeconds(_ header: String?, now: Date = Date()) -> Double? {
        guard let header = header?.trimmingCharacters(in: .whitespaces), !header.isEmpty,
            header.count <= 64
        else { return nil }
        if let seconds = Double(header) {
            guard !seconds.isNaN, seconds >= 0 else { return nil }
            return min(seconds, longestRetryAfter)
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: header) else { return nil }
        let seconds = date.timeIntervalSince(now).rounded(.up)
        guard seconds.isFinite else { return nil }
        return min(max(0, seconds), longestRetryAfter)
    }

    /// One line, at most 160 characters, free of control sequences, for quoting a server's words.
    static func shortened(_ text: String) -> String {
        ExternalText.quoted(text)
    }

    /// Seconds for a sentence; never traps (a number too large for `Int` is shown as is).
    static func formatted(_ seconds: Double) -> String {
        guard seconds.isFinite, abs(seconds) < 1e15 else { return String(seconds) }
        return seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
    }
}
