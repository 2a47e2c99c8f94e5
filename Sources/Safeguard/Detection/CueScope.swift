/// How far a context cue reaches from where it is found.
public enum CueScope: String, Sendable, Codable {
    /// The cue lowers signals after it in the same clause, within a few words.
    case before
    /// The cue lowers signals before it in the same sentence ("…, and I said no").
    case after
    /// The cue lowers signals anywhere in its sentence (and the next one).
    case sentence
    /// The cue applies to the whole message.
    case message
}
