/// Reviewed lists of which services to consider, in order, for each situation
/// (`resources/services/routes.json`, embedded in `directory.json`).
public struct ReferralRoutes: Sendable, Equatable, Codable {
    /// Service ids per nation key (`england`, …) or `default`.
    public typealias ByNation = [String: [String]]

    public var emergency: ByNation
    public var crisis: ByNation
    /// Age-band key (`under-19`, …) → ids to put first at crisis.
    public var crisisYoung: [String: [String]]
    public var helpingSomeoneElse: ByNation
    /// Category raw value → per-nation lists.
    public var topics: [String: ByNation]
    /// Age-band key → category raw value (or `default`) → ids.
    public var topicsYoung: [String: [String: [String]]]
    /// For people worried about their own abusive behaviour.
    public var perpetrator: [String]
    public var distressReminder: ByNation

    public init(
        emergency: ByNation = [:], crisis: ByNation = [:], crisisYoung: [String: [String]] = [:],
        helpingSomeoneElse: ByNation = [:], topics: [String: ByNation] = [:],
        topicsYoung: [String: [String: [String]]] = [:], perpetrator: [String] = [],
        distressReminder: ByNation = [:]
    ) {
        self.emergency = emergency
        self.crisis = crisis
        self.crisisYoung = crisisYoung
        self.helpingSomeoneElse = helpingSomeoneElse
        self.topics = topics
        self.topicsYoung = topicsYoung
        self.perpetrator = perpetrator
        self.distressReminder = distressReminder
    }

    /// The list for `nation` in a table, falling back to `default`.
    public static func list(_ table: ByNation, for nation: Nation) -> [String] {
        table[nation.rawValue] ?? table["default"] ?? []
    }
}
