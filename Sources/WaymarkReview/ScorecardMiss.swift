import Safeguard

/// A turn the safeguard read at a different level from its label (missed: lower; over-called:
/// higher), with the safeguard's explanation. The ones that cross the crisis or emergency line
/// (``crossesLine``) are those `score.py --misses` lists; the rest (a distress turn read as none)
/// are the under- and over-calls the scorecard's per-level table counts.
public struct ScorecardMiss: Sendable, Equatable {
    public var itemID: String
    public var turn: Int
    public var text: String
    public var gold: GoldLabel
    /// What the safeguard decided, with its signals and reasons.
    public var assessment: Assessment

    public init(itemID: String, turn: Int, text: String, gold: GoldLabel, assessment: Assessment) {
        self.itemID = itemID
        self.turn = turn
        self.text = text
        self.gold = gold
        self.assessment = assessment
    }

    /// `missed` when the safeguard called it lower than the label, else `over-called`.
    public var kind: String { assessment.level < gold.level ? "missed" : "over-called" }

    /// Whether the label and the safeguard differ across the crisis or the emergency line.
    public var crossesLine: Bool { ScorecardMiss.isMiss(gold: gold.level, predicted: assessment.level) }

    /// Whether `gold` and `predicted` differ across the crisis or the emergency line.
    public static func isMiss(gold: RiskLevel, predicted: RiskLevel) -> Bool {
        (gold >= .crisis) != (predicted >= .crisis) || (gold == .emergency) != (predicted == .emergency)
    }
}
