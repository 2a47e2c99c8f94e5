import Foundation

/// The UK service directory the app shows and matches from (`resources/services/directory.json`).
public struct ServiceDirectory: Sendable, Equatable {
    /// The date the directory's details were last checked (YYYY-MM-DD).
    public var checked: String
    /// Every service, in reference order.
    public var services: [Service]
    /// Reviewed matching routes.
    public var routes: ReferralRoutes

    private struct File: Codable {
        var checked: String
        var services: [Service]
        var routes: ReferralRoutes?
    }

    /// Decode `directory.json`.
    public init(data: Data) throws {
        let file = try JSONDecoder().decode(File.self, from: data)
        self.init(checked: file.checked, services: file.services, routes: file.routes ?? ReferralRoutes())
    }

    public init(checked: String, services: [Service], routes: ReferralRoutes = ReferralRoutes()) {
        self.checked = checked
        self.services = services
        self.routes = routes
    }

    /// The service with `id`, if present.
    public func service(id: String) -> Service? {
        services.first { $0.id == id }
    }

    /// Services serving `nation` (all when `nil`) and matched for `topic` (all when `nil`).
    public func services(nation: Nation? = nil, topic: RiskCategory? = nil) -> [Service] {
        services.filter { service in
            (nation.map { service.serves($0) } ?? true)
                && (topic.map { service.topics.categories.contains($0) } ?? true)
        }
    }

    /// Digits of every number the directory displays (for checking numbers in replies).
    /// Every email address and web address the app shows (lower-cased, without a scheme,
    /// `www.` or trailing slash), so the output guard can tell a real one from an invented one.
    public var displayedAddresses: Set<String> {
        var addresses: Set<String> = []
        for service in services {
            if let site = service.displayedWebsite { addresses.insert(Self.bareAddress(site)) }
            for channel in service.displayedChannels where channel.kind == .email || channel.kind == .web {
                for word in channel.value.split(whereSeparator: \.isWhitespace)
                where word.contains("@") || word.contains(".") {
                    addresses.insert(Self.bareAddress(String(word)))
                }
            }
        }
        return addresses
    }

    /// An address reduced for comparison: lower case, no scheme, no `www.`, no trailing
    /// punctuation or slash.
    public static func bareAddress(_ text: String) -> String {
        var value = text.lowercased()
        for prefix in ["https://", "http://"] where value.hasPrefix(prefix) {
            value.removeFirst(prefix.count)
        }
        if value.hasPrefix("www.") { value.removeFirst(4) }
        while let last = value.last, ".,;:!?)/(\"'".contains(last) { value.removeLast() }
        while let first = value.first, "(\"'".contains(first) { value.removeFirst() }
        return value
    }

    public var displayedNumberDigits: Set<String> {
        var digits: Set<String> = []
        for service in services {
            for channel in service.displayedChannels {
                if let dial = channel.dial { digits.insert(String(dial.filter(\.isNumber))) }
            }
        }
        return digits
    }
}
