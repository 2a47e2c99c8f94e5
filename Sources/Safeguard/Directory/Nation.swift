/// The UK nation a person lives in; services and NHS routes differ between them.
public enum Nation: String, Sendable, Codable, CaseIterable, Equatable, Hashable {
    case england
    case scotland
    case wales
    case northernIreland = "northern-ireland"

    /// The nation's name as people say it.
    public var displayName: String {
        switch self {
        case .england: "England"
        case .scotland: "Scotland"
        case .wales: "Wales"
        case .northernIreland: "Northern Ireland"
        }
    }
}
