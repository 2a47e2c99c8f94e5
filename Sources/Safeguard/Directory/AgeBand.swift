/// A coarse age band the person may choose to share; some services are for certain ages only.
public enum AgeBand: String, Sendable, Codable, CaseIterable, Equatable, Hashable {
    case under19 = "under-19"
    case from19To24 = "19-24"
    case from25To34 = "25-34"
    case from35 = "35+"

    /// Youngest age in the band.
    public var lowestAge: Int {
        switch self {
        case .under19: 0
        case .from19To24: 19
        case .from25To34: 25
        case .from35: 35
        }
    }

    /// Oldest age in the band (`Int.max` for the open-ended band).
    public var highestAge: Int {
        switch self {
        case .under19: 18
        case .from19To24: 24
        case .from25To34: 34
        case .from35: Int.max
        }
    }
}
