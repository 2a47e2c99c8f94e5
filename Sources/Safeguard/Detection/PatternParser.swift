/// Parses the pattern language of the lexicon into plain sequences.
///
/// ```
/// want to {die|be dead}        alternatives in braces, `|` between them
/// better off {without me|}     an empty alternative makes the group optional
/// really? want to die          `word?` is an optional word
/// taken ~2 @pills              `~N` skips up to N words; `@name` is a word class
/// #num tablets, aged #minor    `#num` any number, `#minor` a number from 1 to 17
/// had enough $                 `$` (last) needs a clause or sentence boundary after
/// ```
enum PatternParser {
    /// One item of a parsed sequence, before words are resolved to ids.
    enum Item: Sendable, Hashable {
        case literal(String)
        case wordClass(String)
        case gap(Int)
        case boundary
    }

    /// Most sequences one pattern line may expand to.
    static let maxExpansions = 100_000

    /// All sequences a pattern stands for.
    static func expand(_ pattern: String) throws(PatternError) -> [[Item]] {
        var scalars = Array(pattern.unicodeScalars)[...]
        let result = try parseSequence(&scalars, inGroup: false)
        if !scalars.isEmpty { throw PatternError("unbalanced '}'") }
        return result
    }

    /// A syntax error in one pattern.
    struct PatternError: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    private static func parseSequence(
        _ input: inout ArraySlice<Unicode.Scalar>, inGroup: Bool
    ) throws(PatternError) -> [[Item]] {
        var sequences: [[Item]] = [[]]
        while let scalar = input.first {
            if scalar == "}" || scalar == "|" {
                if !inGroup { throw PatternError("'\(scalar)' outside braces") }
                break
            }
            if scalar == " " || scalar == "\t" {
                input.removeFirst()
                continue
            }
            var choices: [[Item]]
            if scalar == "{" {
                input.removeFirst()
                choices = []
                while true {
                    let alternative = try parseSequence(&input, inGroup: true)
                    choices.append(contentsOf: alternative)
                    guard let next = input.first else { throw PatternError("missing '}'") }
                    input.removeFirst()
                    if next == "}" { break }
                }
            } else {
                var word = ""
                while let next = input.first, next != " ", next != "\t", next != "{", next != "}",
                    next != "|"
                {
                    word.unicodeScalars.append(next)
                    input.removeFirst()
                }
                var optional = false
                if word.count > 1 && word.hasSuffix("?") {
                    optional = true
                    word.removeLast()
                }
                let item = try item(for: word)
                choices = optional ? [[item], []] : [[item]]
            }
            var combined: [[Item]] = []
            for sequence in sequences {
                for choice in choices { combined.append(sequence + choice) }
            }
            if combined.count > maxExpansions { throw PatternError("pattern expands to too many sequences") }
            sequences = combined
        }
        return sequences
    }

    private static func item(for word: String) throws(PatternError) -> Item {
        if word == "$" { return .boundary }
        if word.hasPrefix("~") {
            guard let count = Int(word.dropFirst()), count > 0, count <= 8 else {
                throw PatternError("gap '\(word)' must be ~1 … ~8")
            }
            return .gap(count)
        }
        if word.hasPrefix("@") || word.hasPrefix("#") {
            guard word.count > 1 else { throw PatternError("empty class name") }
            return .wordClass(word)
        }
        return .literal(word)
    }
}
