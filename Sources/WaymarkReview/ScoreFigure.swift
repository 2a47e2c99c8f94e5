import Foundation

/// One named figure of the triggering phase, valued exactly as `score.py` values it.
public struct ScoreFigure: Sendable, Equatable {
    /// A count, or a ratio rounded to 4 places (`nil` when there was nothing to divide by).
    public enum Value: Sendable, Equatable {
        case count(Int)
        case ratio(Double?)
    }

    /// The figure's name, as `score.py` prints it (`crisis_recall`).
    public var name: String
    public var value: Value

    public init(name: String, value: Value) {
        self.name = name
        self.value = value
    }

    /// The value as Python prints it (`0.8125`, `1.0`, `None`, `12`).
    public var pythonText: String {
        switch value {
        case .count(let count): String(count)
        case .ratio(let ratio?): ratio.description
        case .ratio(nil): "None"
        }
    }

    /// The value for people reading a report: a ratio with nothing to divide by says what the
    /// set lacks ("no idioms in this set") instead of Python's `None`.
    public var reportText: String {
        if case .ratio(nil) = value {
            return ScoreFigure.emptyReason[name] ?? "nothing to measure in this set"
        }
        return pythonText
    }

    /// What a set lacks when a figure has no denominator, by figure name.
    static let emptyReason: [String: String] = [
        "exact_level_accuracy": "no labelled turns in this set",
        "crisis_recall": "no crisis or emergency turns in this set",
        "emergency_recall": "no emergencies in this set",
        "false_alarm_rate": "no safe turns in this set",
        "idiom_false_alarm_rate": "no idioms in this set",
        "none_flagged_any_rate": "no turns labelled none in this set",
        "boundary_recall": "no boundary turns in this set",
        "boundary_category_match": "no boundary turns in this set",
        "third_person_subject_accuracy": "no risky turns about someone else in this set",
        "level_macro_f1": "no labelled turns in this set",
        "risk_caught_by_first_risky_turn": "no risky conversations in this set",
    ]

    /// The value as `json.dumps` prints it (`null` instead of `None`).
    public var jsonText: String {
        if case .ratio(nil) = value { return "null" }
        return pythonText
    }

    /// A ratio as `score.py` computes it: `round(hits / total, 4)`, or `nil` when `total` is 0.
    public static func ratio(_ hits: Int, _ total: Int) -> Double? {
        guard total > 0 else { return nil }
        return roundedLikePython(Double(hits) / Double(total))
    }

    /// Python's `round(x, 4)`: the correctly rounded decimal of the exact binary value.
    public static func roundedLikePython(_ value: Double) -> Double {
        Double(String(format: "%.4f", value)) ?? value
    }
}
