import Foundation

/// BERT's uncased WordPiece tokenizer, as Hugging Face's `BertTokenizerFast` runs it.
///
/// Normalise (drop NUL, U+FFFD and other/format characters; white space → space; spaces around
/// CJK ideographs; NFD and drop non-spacing marks; lower-case each scalar), split on white space
/// and around every punctuation character, then greedy longest-match-first word pieces with
/// `##` continuations. A word longer than 100 scalars, or one no pieces cover, is `[UNK]`.
/// Pinned to the Python reference by `resources/safeguard/encoder/golden.json`.
public struct WordPieceTokenizer: Sendable {
    /// Piece → id.
    private let vocabulary: PieceTable
    public let unknownID: Int32
    public let classID: Int32
    public let separatorID: Int32
    /// Longest word (in scalars) read as pieces; longer words are `[UNK]`.
    public static let maxWordScalars = 100

    /// Reads `vocab.txt` (one piece a line, the line number is the id).
    public init(vocabularyText: String) throws(EncoderError) {
        let table = PieceTable(lines: vocabularyText.utf8)
        guard let unknown = table.id(of: "[UNK]"), let cls = table.id(of: "[CLS]"),
            let sep = table.id(of: "[SEP]")
        else {
            throw .invalidVocabulary("vocab.txt has no [UNK], [CLS] or [SEP]")
        }
        vocabulary = table
        unknownID = unknown
        classID = cls
        separatorID = sep
    }

    /// Number of pieces in the vocabulary.
    public var count: Int { vocabulary.count }

    /// Word-piece ids of `text`, without special tokens; stops once `limit` ids are produced.
    public func ids(_ text: String, limit: Int = .max) -> [Int32] {
        var result: [Int32] = []
        var word: [Unicode.Scalar] = []
        func flush() {
            guard !word.isEmpty else { return }
            appendPieces(of: word, to: &result)
            word.removeAll(keepingCapacity: true)
        }
        for scalar in Self.normalised(text) {
            if result.count >= limit { break }
            if Self.isWhitespace(scalar) {
                flush()
            } else if Self.isPunctuation(scalar) {
                flush()
                word.append(scalar)
                flush()
            } else {
                word.append(scalar)
            }
        }
        flush()
        if result.count > limit { result.removeLast(result.count - limit) }
        return result
    }

    /// Greedy longest-match-first pieces of `word`, looked up from its UTF-8 (no string per
    /// candidate piece); `[UNK]` alone when some part of it is no piece.
    private func appendPieces(of word: [Unicode.Scalar], to result: inout [Int32]) {
        guard word.count <= Self.maxWordScalars else {
            result.append(unknownID)
            return
        }
        var utf8: [UInt8] = []
        utf8.reserveCapacity(word.count * 4)
        // Where each scalar starts in `utf8`, and its end.
        var offsets: [Int] = []
        offsets.reserveCapacity(word.count + 1)
        for scalar in word {
            offsets.append(utf8.count)
            UTF8.encode(scalar) { utf8.append($0) }
        }
        offsets.append(utf8.count)
        let before = result.count
        let covered = utf8.withUnsafeBufferPointer { buffer in
            var start = 0
            while start < word.count {
                var end = word.count
                var found: Int32?
                while start < end {
                    let piece = UnsafeBufferPointer(rebasing: buffer[offsets[start]..<offsets[end]])
                    if let id = vocabulary.id(of: piece, continuation: start > 0) {
                        found = id
                        break
                    }
                    end -= 1
                }
                guard let id = found else { return false }
                result.append(id)
                start = end
            }
            return true
        }
        if !covered {
            result.removeSubrange(before...)
            result.append(unknownID)
        }
    }

    // MARK: - Normalisation

    /// The normalised scalars (BertNormalizer: clean, CJK spacing, strip accents, lower-case).
    static func normalised(_ text: String) -> [Unicode.Scalar] {
        var cleaned = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value == 0 || scalar.value == 0xFFFD || isControl(scalar) { continue }
            if isWhitespace(scalar) {
                cleaned.append(" ")
            } else if isChinese(scalar) {
                cleaned.append(" ")
                cleaned.append(scalar)
                cleaned.append(" ")
            } else {
                cleaned.append(scalar)
            }
        }
        let decomposed = String(cleaned).decomposedStringWithCanonicalMapping
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(decomposed.unicodeScalars.count)
        for scalar in decomposed.unicodeScalars where scalar.properties.generalCategory != .nonspacingMark {
            if scalar.isASCII {
                result.append(
                    scalar.value >= 0x41 && scalar.value <= 0x5A
                        ? Unicode.Scalar(UInt8(scalar.value + 32)) : scalar)
            } else if scalar.properties.changesWhenLowercased {
                result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return result
    }

    /// Tab, newline and carriage return are white space; other C* categories are control.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        default: break
        }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned: return true
        default: return false
        }
    }

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace
    }

    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 33 && value <= 47) || (value >= 58 && value <= 64)
                || (value >= 91 && value <= 96) || (value >= 123 && value <= 126)
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    static func isChinese(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F,
            0x2B740...0x2B81F, 0x2B920...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
            return true
        default:
            return false
        }
    }
}
