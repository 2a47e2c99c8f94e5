/// One message split into words, emoji and clauses, in linear time and bounded size.
///
/// Very long messages are read from their first ``headLimit`` and last ``tailLimit`` Unicode
/// scalars only, so the listener's work stays small whatever arrives.
struct ListenerText: Sendable {
    /// One word or emoji.
    struct Token: Sendable, Equatable {
        /// As written (apostrophes straightened, surrounding quotes trimmed).
        var text: String
        /// Lower-cased, for matching.
        var key: String
        var isEmoji: Bool
        /// Index of the clause the token belongs to.
        var clause: Int
    }

    /// A stretch of words between punctuation.
    struct Clause: Sendable, Equatable {
        /// Token indices, half-open.
        var range: Range<Int>
        /// Whether the clause ended with a question mark.
        var isQuestion: Bool
    }

    static let headLimit = 6_000
    static let tailLimit = 2_000

    var tokens: [Token] = []
    var clauses: [Clause] = []
    /// Word tokens (not emoji), counted over the whole message when it is long.
    var wordCount = 0
    /// Whether the message had any letters or digits at all.
    var hasLettersOrDigits = false
    /// Whether only part of the message was read.
    var wasTruncated = false

    /// The lower-cased keys of every token, for phrase matching.
    var keys: [String] { tokens.map(\.key) }

    init(_ message: String) {
        let scalars = message.unicodeScalars
        // A message no longer in bytes than the limits is certainly no longer in scalars.
        if message.utf8.count > Self.headLimit + Self.tailLimit,
            let headEnd = scalars.index(
                scalars.startIndex, offsetBy: Self.headLimit, limitedBy: scalars.endIndex),
            let tailStart = scalars.index(
                scalars.endIndex, offsetBy: -Self.tailLimit, limitedBy: scalars.startIndex),
            headEnd < tailStart
        {
            wasTruncated = true
            read(scalars[scalars.startIndex..<headEnd])
            closeClause(question: false)
            read(scalars[tailStart..<scalars.endIndex])
            wordCount = max(wordCount, Self.estimateWords(in: message.utf8))
        } else {
            read(scalars[...])
        }
        closeClause(question: false)
    }

    // MARK: - Reading

    private var word = ""
    private var clauseStart = 0

    private mutating func read(_ scalars: Substring.UnicodeScalarView) {
        for scalar in scalars {
            if Self.isWordScalar(scalar) {
                word.unicodeScalars.append(scalar)
                if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    hasLettersOrDigits = true
                }
            } else if Self.isApostrophe(scalar) {
                if !word.isEmpty { word.append("'") }
            } else if word.isEmpty == false && Self.isJoiningMark(scalar) {
                word.unicodeScalars.append(scalar)
            } else {
                closeWord()
                if Self.isEmoji(scalar) {
                    appendToken(String(scalar), isEmoji: true)
                } else if Self.isQuestionMark(scalar) {
                    closeClause(question: true)
                } else if Self.isClauseBreak(scalar) {
                    closeClause(question: false)
                }
            }
        }
        closeWord()
    }

    private mutating func closeWord() {
        guard !word.isEmpty else { return }
        var text = word
        word = ""
        while text.hasSuffix("'") { text.removeLast() }
        guard !text.isEmpty else { return }
        wordCount += 1
        appendToken(text, isEmoji: false)
    }

    private mutating func appendToken(_ text: String, isEmoji: Bool) {
        tokens.append(Token(text: text, key: text.lowercased(), isEmoji: isEmoji, clause: clauses.count))
    }

    private mutating func closeClause(question: Bool) {
        closeWord()
        if tokens.count > clauseStart {
            clauses.append(Clause(range: clauseStart..<tokens.count, isQuestion: question))
            clauseStart = tokens.count
        } else if question, let last = clauses.indices.last, clauses[last].range.upperBound == tokens.count {
            clauses[last].isQuestion = true
        }
    }

    // MARK: - Character classes

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        if isEmoji(scalar) { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal
    }

    private static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}" || scalar == "\u{02BC}" || scalar == "\u{2018}"
    }

    /// Combining marks and joiners that belong inside a word.
    private static func isJoiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// A pictographic emoji (not digits, `#` or `*`, which also carry the emoji property).
    private static func isEmoji(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value > 0x7F, scalar.properties.isEmoji else { return false }
        // Skin tones, variation selectors and joiners are modifiers, not emoji of their own.
        if scalar.properties.isEmojiModifier { return false }
        return scalar.properties.isEmojiPresentation || scalar.value >= 0x2190
    }

    private static func isQuestionMark(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "?" || scalar == "\u{FF1F}" || scalar == "\u{061F}"
    }

    private static func isClauseBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", ",", ";", ":", "!", "\n", "\r", "(", ")", "[", "]", "\"", "\u{2026}", "\u{2013}",
            "\u{2014}",
            "\u{201C}", "\u{201D}", "\u{3002}", "\u{FF0C}", "/", "|":
            return true
        default:
            return scalar == "-" ? false : scalar.properties.generalCategory == .paragraphSeparator
        }
    }

    /// A cheap word count over the whole message: runs of bytes between ASCII spaces.
    private static func estimateWords(in bytes: String.UTF8View) -> Int {
        var count = 0
        var inWord = false
        for byte in bytes {
            let space = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
            if !space && !inWord { count += 1 }
            inWord = !space
        }
        return count
    }
}
