import ChatCore
import Foundation

/// The request line and headers ``HTTPStreamClient`` sends for `POST {base}/chat/completions`.
enum HTTPRequestHead {
    /// Where a request goes: the host and port dialled, and what the request line and `Host`
    /// header say.
    struct Target: Sendable, Equatable {
        /// The host to resolve (an IPv6 address without its brackets).
        var host: String
        var port: Int
        /// `host[:port]` for the `Host` header (an IPv6 address in brackets).
        var authority: String
        /// The percent-encoded path and query.
        var path: String
        /// `user:password` from the URL, for Basic authentication (only without an API key).
        var userInfo: String?
    }

    /// The target of `url` (an `http://` URL), refusing anything that could break the request
    /// line or headers.
    static func target(for url: URL) throws -> Target {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: false),
            var host = components.percentEncodedHost, !host.isEmpty
        else { throw invalid(url) }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        let port = components.port ?? 80
        guard (1...65_535).contains(port) else { throw invalid(url) }
        var path = components.percentEncodedPath
        if path.isEmpty { path = "/" }
        if let query = components.percentEncodedQuery { path += "?" + query }
        let hostPart = host.contains(":") ? "[\(host)]" : host
        let authority = components.port.map { "\(hostPart):\($0)" } ?? hostPart
        var userInfo: String?
        if let user = components.percentEncodedUser {
            let name = user.removingPercentEncoding ?? user
            let password = components.percentEncodedPassword.map { $0.removingPercentEncoding ?? $0 }
            userInfo = name + (password.map { ":" + $0 } ?? "")
        }
        for part in [host, path, authority] where !isPrintable(part) {
            throw invalid(url)
        }
        if let userInfo, userInfo.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw invalid(url)
        }
        return Target(host: host, port: port, authority: authority, path: path, userInfo: userInfo)
    }

    /// The head: request line, headers, blank line. `Connection: close`: one request per
    /// connection, so the end of the exchange is the end of the connection.
    static func make(target: Target, bodyLength: Int, apiKey: APIKey?, keyVariable: String?) throws -> [UInt8]
    {
        var lines = [
            "POST \(target.path) HTTP/1.1",
            "Host: \(target.authority)",
            "User-Agent: Waymark",
            "Content-Type: application/json",
            "Accept: text/event-stream",
            "Content-Length: \(bodyLength)",
            "Connection: close",
        ]
        if let apiKey {
            // A key with a line break would let the variable's contents write headers.
            guard isPrintable(apiKey.value) else {
                throw ResponderFailure(
                    .misconfigured,
                    "The API key in \(keyVariable ?? "the configured variable") contains a line break or control character, so it was not sent."
                )
            }
            lines.append("Authorization: Bearer \(apiKey.value)")
        } else if let userInfo = target.userInfo {
            lines.append("Authorization: Basic \(Data(userInfo.utf8).base64EncodedString())")
        }
        return Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)
    }

    /// No controls, spaces or non-ASCII (URL parts are percent-encoded; keys are ASCII).
    private static func isPrintable(_ text: String) -> Bool {
        text.utf8.allSatisfy { (0x21...0x7E).contains($0) }
    }

    private static func invalid(_ url: URL) -> ResponderFailure {
        ResponderFailure(
            .misconfigured,
            "The base URL \u{201C}\(URLMasking.masked(url.absoluteString))\u{201D} cannot be used for an HTTP request."
        )
    }
}
