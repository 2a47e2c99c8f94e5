import Safeguard

/// What a labelled evaluation item says a turn should be assessed as.
public struct GoldLabel: Sendable, Codable, Equatable {
    /// The expected level.
    public var level: RiskLevel
    /// The expected categories (a denied risk has none).
    public var categories: [RiskCategory]
    /// Who is at risk.
    public var subject: Subject
    /// Free-form tags describing the kind of language (`idiom`, `negation`, `buried`, …).
    public var tags: [String]

    public init(
        level: RiskLevel, categories: [RiskCategory] = [], subject: Subject = .nobody, tags: [String] = []
    ) {
        self.level = level
        self.categories = categories
        self.subject = subject
        self.tags = tags
    }
}
