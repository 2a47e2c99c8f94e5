/// A message after normalisation: words with spans back to the original text.
public struct NormalisedText: Sendable {
    /// The words, in order.
    public let tokens: [NormalisedToken]
    /// Number of Unicode scalars in the original text.
    public let scalarCount: Int
    /// The folded bytes the unknown words are read from.
    let units: [UInt8]
    let table: WordTable

    /// The normalised text of the word at `index`.
    public func word(at index: Int) -> String {
        let token = tokens[index]
        if token.id >= 0 { return table.text(token.id) }
        let slice = units[Int(token.unitStart)..<Int(token.unitEnd)]
        return String(decoding: slice, as: UTF8.self)
    }

    /// All normalised words.
    public var words: [String] { tokens.indices.map { word(at: $0) } }

    /// The normalised words joined with single spaces.
    public var joined: String { words.joined(separator: " ") }
}
