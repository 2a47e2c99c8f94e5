/// What the person has told Waymark about themselves that changes which services fit.
public struct PersonSettings: Sendable, Equatable, Codable {
    /// Where they live (decides NHS routes and nation-specific lines).
    public var nation: Nation
    /// Their age band, if they chose to share it.
    public var ageBand: AgeBand?

    public init(nation: Nation = .england, ageBand: AgeBand? = nil) {
        self.nation = nation
        self.ageBand = ageBand
    }
}
