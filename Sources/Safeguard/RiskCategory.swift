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
    public static func < (lhs: RiskCategory, rhs: RiskCategory) -> Bool { lhs.position < rhs.position }

    /// Position in the order of declaration (`allCases` order), without building `allCases`.
    var position: Int {
        switch self {
        case .suicide: 0
        case .selfHarm: 1
        case .abuse: 2
        case .sexualViolence: 3
        case .eatingDisorder: 4
        case .psychosis: 5
        case .trauma: 6
        case .substance: 7
        case .medication: 8
        case .bereavement: 9
        case .harmToOthers: 10
        case .childSafeguarding: 11
        case .medical: 12
        }
    }

    /// Every category in the order of declaration, built once.
    static let ordered = RiskCategory.allCases
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
