import ChatCore
import Foundation

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

    static func rateLimited(retryAfter: Double?) -> ResponderFailure {
        if let retryAfter {
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

    /// Seconds from a `Retry-After` header: a number, or an HTTP date.
    static func retryAfterSeconds(_ header: String?, now: Date = Date()) -> Double? {
        guard let header = header?.trimmingCharacters(in: .whitespaces), !header.isEmpty else { return nil }
        if let seconds = Double(header), seconds >= 0 {
            return seconds
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: header) else { return nil }
        return max(0, date.timeIntervalSince(now).rounded(.up))
    }

    /// One line, at most 160 characters, for quoting a server's words.
    static func shortened(_ text: String) -> String {
        let oneLine = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return oneLine.count > 160 ? String(oneLine.prefix(157)) + "…" : oneLine
    }

    private static func formatted(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
    }
}
