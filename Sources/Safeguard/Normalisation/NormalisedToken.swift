/// One word of a normalised message, with where it came from in the original text.
public struct NormalisedToken: Sendable, Equatable {
    /// Vocabulary id of the normalised word, or `-1` for a word the lexicon does not know.
    public var id: Int32
    /// Start offset in Unicode scalars of the original text.
    public var start: Int32
    /// End offset (exclusive) in Unicode scalars of the original text.
    public var end: Int32
    /// The value when the word is a number (capped), else `-1`.
    public var number: Int32
    /// Strength of the boundary before this word: 0 none, 1 clause (`,` `:` `(`), 2 sentence.
    public var breakBefore: UInt8
    /// Whether the word is inside quotation marks.
    public var quoted: Bool
    /// Range in the normalised byte buffer (for words the lexicon does not know).
    var unitStart: Int32
    var unitEnd: Int32
}
