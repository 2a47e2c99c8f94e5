import Safeguard

/// Decides whether a grounding answer must leave the exercise and go through the whole
/// safeguard as a message.
///
/// Answers are read on their own (`SafeguardEngine.assess(_:)`, no conversation context: after
/// a crisis message the context keeps every later turn at `crisis`, which would end every
/// exercise at its first answer). Crisis and emergency language, and boundary topics other
/// than bodily sensations (which the exercise asks about: "my heart racing"), stop it.
public enum GroundingAnswerCheck {
    /// Whether the answer needs the safeguard's full response.
    public static func needsSafeguard(_ assessment: Assessment?) -> Bool {
        guard let assessment else { return false }
        if assessment.level >= .crisis { return true }
        guard assessment.level == .boundary else { return false }
        return !assessment.categories.allSatisfy { $0 == .medical }
    }
}
