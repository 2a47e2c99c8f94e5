import Foundation

/// Who each service is for and which services fit as a first step
/// (`resources/review/service-audience.json`, derived from the reference directory).
public struct ServiceAudience: Sendable, Equatable, Decodable {
    /// One service's audience.
    public struct Service: Sendable, Equatable, Decodable {
        public var id: String
        public var name: String
        /// Nation slugs: `england`, `scotland`, `wales`, `northern-ireland`.
        public var nations: [String]
        /// Has a displayable SMS text channel.
        public var smsText: Bool
        /// Has a displayable web chat.
        public var webChat: Bool
        public var minAge: Int?
        public var maxAge: Int?

        enum CodingKeys: String, CodingKey {
            case id, name, nations
            case smsText = "sms_text"
            case webChat = "web_chat"
            case minAge = "min_age"
            case maxAge = "max_age"
        }
    }

    /// Which services are a right first step.
    public struct FirstSteps: Sendable, Equatable, Decodable {
        public var emergency: [String]
        public var crisis: [String]
        /// General lines acceptable when no topic service fits the person's nation and age.
        public var fallback: [String]
        /// Category raw value → services that fit as the first step for that topic.
        public var topics: [String: [String]]
    }

    /// Age band → `[youngest, oldest]`.
    public var ageBands: [String: [Int]]
    public var firstSteps: FirstSteps
    public var services: [Service]

    enum CodingKeys: String, CodingKey {
        case ageBands = "age_bands"
        case firstSteps = "first_steps"
        case services
    }

    /// Decode the JSON file's bytes.
    public static func decode(_ data: Data) throws -> ServiceAudience {
        try JSONDecoder().decode(ServiceAudience.self, from: data)
    }

    /// The service with this id, if known.
    public func service(_ id: String) -> Service? {
        services.first { $0.id == id }
    }

    /// Whether `id` is for people in `nation` and for every age in `ageBand` (no band: any age
    /// fits). A band only partly inside the service's ages does not fit (a 14-year-old in the
    /// `under-19` band cannot use a 16+ line).
    public func fits(_ id: String, nation: String, ageBand: String?) -> Bool {
        guard let service = service(id), service.nations.contains(nation) else { return false }
        guard let ageBand, let range = ageBands[ageBand], range.count == 2 else { return true }
        if let minAge = service.minAge, range[0] < minAge { return false }
        if let maxAge = service.maxAge, range[1] > maxAge { return false }
        return true
    }
}
