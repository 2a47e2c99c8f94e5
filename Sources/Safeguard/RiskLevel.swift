/// How serious a turn is, ordered `none < distress < boundary < crisis < emergency`.
///
/// See `docs/SAFEGUARD.md` for what each level means and what it gets.
public enum RiskLevel: String, CaseIterable, Codable, Sendable, Comparable, CustomStringConvertible {
    /// No support need: everyday chat, figurative, academic or fictional talk.
    case none
    /// Mild-to-moderate distress within peer support's scope; resolved past history.
    case distress
    /// Beyond peer support but no immediate danger (abuse, eating disorders, psychosis, …).
    case boundary
    /// Current suicidal thoughts or self-harm, method seeking, or someone else in that state now.
    case crisis
    /// Imminent danger to life.
    case emergency

    /// Position in the order, `none` = 0 … `emergency` = 4.
    public var rank: Int {
        switch self {
        case .none: 0
        case .distress: 1
        case .boundary: 2
        case .crisis: 3
        case .emergency: 4
        }
    }

    public static func < (lhs: RiskLevel, rhs: RiskLevel) -> Bool { lhs.rank < rhs.rank }

    public var description: String { rawValue }

    /// The level one step lower (never below `none`).
    public var lowered: RiskLevel {
        RiskLevel.allCases[max(0, rank - 1)]
    }
}
