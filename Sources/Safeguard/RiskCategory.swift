/// What a signal is about. The raw values are the public names used in JSON output.
public enum RiskCategory: String, CaseIterable, Codable, Sendable, Comparable {
    case suicide
    case selfHarm = "self_harm"
    case abuse
    case sexualViolence = "sexual_violence"
    case eatingDisorder = "eating_disorder"
    case psychosis
    case trauma
    case substance
    case medication
    case bereavement
    case harmToOthers = "harm_to_others"
    case childSafeguarding = "child_safeguarding"
    case medical

    /// Stable order for output: the order of declaration.
    public static func < (lhs: RiskCategory, rhs: RiskCategory) -> Bool {
        let all = RiskCategory.allCases
        return (all.firstIndex(of: lhs) ?? 0) < (all.firstIndex(of: rhs) ?? 0)
    }
}

/// Who is at risk: the person talking, someone else, or nobody.
public enum Subject: String, Codable, Sendable, CaseIterable {
    /// The person talking (`"self"` in JSON).
    case speaker = "self"
    /// Someone else is at risk; the person gets help for helping them.
    case other
    /// Nobody is at risk (`"none"` in JSON).
    case nobody = "none"
}
