/// What Waymark suggests: one clear first step and at most two alternatives.
public struct Referral: Sendable, Equatable {
    public var firstStep: ServiceOffer
    /// At most two.
    public var alternatives: [ServiceOffer]

    public init(firstStep: ServiceOffer, alternatives: [ServiceOffer]) {
        self.firstStep = firstStep
        self.alternatives = Array(alternatives.prefix(2))
    }

    /// The first step followed by the alternatives.
    public var offers: [ServiceOffer] { [firstStep] + alternatives }

    /// Ids of every service offered, first step first.
    public var serviceIDs: [String] { offers.map(\.serviceID) }
}
