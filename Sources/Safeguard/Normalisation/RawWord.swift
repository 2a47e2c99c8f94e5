/// A word as cut from the folded byte buffer, before it is resolved against the lexicon.
struct RawWord: Sendable {
    /// Byte range in the folded buffer.
    var start: Int32
    var end: Int32
    /// Strength of the boundary before the word: 0 none, 1 clause, 2 sentence.
    var breakBefore: UInt8
    /// Inside quotation marks.
    var quoted: Bool
}
