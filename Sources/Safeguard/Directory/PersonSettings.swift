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

extension PersonSettings {
    /// A sentence saying which services are shown: "Services are shown for Scotland, for
    /// people aged under 19."
    public static func describe(_ settings: PersonSettings) -> String {
        var sentence = "Services are shown for \(settings.nation.displayName)"
        if let band = settings.ageBand {
            sentence += band == .under19 ? ", for people under 19" : ", for people aged \(band.rawValue)"
        }
        return sentence + "."
    }
}
