/// How well a fact about a service is established in the reference.
public enum FactStatus: String, Sendable, Codable, CaseIterable, Equatable {
    /// Seen on the service's own page or an NHS / government page.
    case confirmed
    /// Seen in two independent secondary sources.
    case corroborated
    /// Not established: never shown as fact.
    case unverified

    /// Whether the fact may be shown as a fact.
    public var isVerified: Bool { self != .unverified }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        self = FactStatus(rawValue: raw) ?? .unverified
    }
}
