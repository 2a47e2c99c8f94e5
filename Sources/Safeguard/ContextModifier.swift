/// Context found around a signal that changes how much it counts.
///
/// Modifiers *lower* a signal; they never erase a co-occurring real one.
public enum ContextModifier: String, Codable, Sendable, CaseIterable {
    /// "I'm not going to …", "never would".
    case negated
    /// "used to", "years ago", "two years clean".
    case historical
    /// "what if", "if I were to", "imagine".
    case hypothetical
    /// A story, film, book, game, essay, lecture, news report.
    case fictional
    /// Someone else is the experiencer ("my friend wants to die").
    case otherPerson = "other_person"
    /// Figurative idiom or banter ("this essay is killing me").
    case figurative
    /// A quote or song lyric.
    case quoted
    /// A pretext that does not lower risk ("for a story", "asking for a friend").
    case pretext
    /// Read against the conversation so far (a short reply to a risky turn).
    case contextual
}
