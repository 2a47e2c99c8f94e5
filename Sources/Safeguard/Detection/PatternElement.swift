/// One position of a compiled pattern.
enum PatternElement: Sendable, Hashable {
    /// A word (vocabulary id).
    case word(Int32)
    /// Any word of a class (`@pills`), or a built-in class (`#num`, `#minor`).
    case wordClass(Int)
    /// Up to this many words of anything (`~3`).
    case gap(Int)
    /// The pattern must end at a clause or sentence boundary (`$`, last element only).
    case boundary
}
