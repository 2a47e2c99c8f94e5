/// What the person has set up that Waymark can offer to go through after a referral.
public struct SupportOffers: OptionSet, Sendable, Equatable, Codable {
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// The person has a safety plan saved.
    public static let safetyPlan = SupportOffers(rawValue: 1 << 0)
    /// A grounding exercise is available.
    public static let grounding = SupportOffers(rawValue: 1 << 1)
    /// Nothing to offer.
    public static let none: SupportOffers = []
}
