import Safeguard

/// A turn where a risk was missed or over-called (the `score.py --misses` rule: the crisis line
/// or the emergency line was crossed in one direction but not the other), with the safeguard's
/// explanation.
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

    /// Whether `gold` and `predicted` differ across the crisis or the emergency line.
    public static func isMiss(gold: RiskLevel, predicted: RiskLevel) -> Bool {
        (gold >= .crisis) != (predicted >= .crisis) || (gold == .emergency) != (predicted == .emergency)
    }
}
