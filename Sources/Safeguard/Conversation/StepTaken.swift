/// A step towards safety the person says they have taken ("put them away", "my mum's here
/// now", "I rang Samaritans"), read from the lexicon's de-escalation rules.
///
/// The kind comes from the rule's id: `conversation.step.<kind>…` (for example
/// `conversation.step.means_away`); the older de-escalation rules map to `calmer` or `movingOn`.
public enum StepTaken: String, Sendable, Codable, CaseIterable, Equatable, Hashable {
    /// The means put away, given to someone or got rid of.
    case meansAway = "means_away"
    /// Someone is with them, or on the way.
    case company
    /// They reached a service, 999 or someone they trust.
    case reachedHelp = "reached_help"
    /// Someone at risk was found, or is safe now.
    case foundSafe = "found_safe"
    /// They are somewhere safe (another room, a friend's house, away from the person).
    case safePlace = "safe_place"
    /// The person who was the danger has gone (left, driven off, taken away): resolves danger
    /// from another person, never an act or suicidal risk.
    case dangerGone = "danger_gone"
    /// Feeling calmer, safer, the urge passing.
    case calmer
    /// Going to rest or sleep.
    case rest
    /// Thanks: what was said helped.
    case thanks
    /// A change of subject.
    case movingOn = "moving_on"

    /// The step a de-escalation rule stands for, from its id.
    public init?(ruleID: String) {
        let prefix = "conversation.step."
        if ruleID.hasPrefix(prefix) {
            let rest = ruleID.dropFirst(prefix.count)
            let kind = rest.split(separator: ".").first.map(String.init) ?? ""
            guard let step = StepTaken(rawValue: kind) else { return nil }
            self = step
            return
        }
        switch ruleID {
        case "conversation.deescalate": self = .calmer
        case "conversation.support_reached": self = .reachedHelp
        case "conversation.found_safe": self = .foundSafe
        case "conversation.moving_on": self = .movingOn
        default: return nil
        }
    }

    /// Whether the step changes the situation (as opposed to a feeling or a change of subject).
    public var isAction: Bool {
        switch self {
        case .meansAway, .company, .reachedHelp, .foundSafe, .safePlace, .dangerGone: true
        case .calmer, .rest, .thanks, .movingOn: false
        }
    }
}
