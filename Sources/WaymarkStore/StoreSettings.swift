/// The person's saved choices. Every field has a private, quiet default.
public struct StoreSettings: Sendable, Equatable {
    /// Whether conversations are saved (off unless the person turns it on).
    public var historyEnabled: Bool
    /// The UK nation for service suggestions ("england", "scotland", "wales", "northern-ireland").
    public var nation: String?
    /// An age band the person chose to share (for example "under-18"), if any.
    public var ageBand: String?
    /// Whether animations are replaced by still text.
    public var reducedMotion: Bool

    public init(
        historyEnabled: Bool = false, nation: String? = nil, ageBand: String? = nil,
        reducedMotion: Bool = false
    ) {
        self.historyEnabled = historyEnabled
        self.nation = nation
        self.ageBand = ageBand
        self.reducedMotion = reducedMotion
    }

    /// The settings used when nothing has been saved.
    public static let defaults = StoreSettings()
}
