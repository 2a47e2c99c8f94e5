/// Turns a message into normalised words with spans back to the original text.
///
/// Folds case, compatibility forms, diacritics and homoglyphs; reads leetspeak (`k1ll`,
/// `$uicide`), spaced or dotted letters (`k i l l`, `s-u-i-c-i-d-e`), stretched letters
/// (`diiiieee`), contractions (`don't`, `dont` → `do not`), misspellings, homophones and slang
/// from the lexicon's spelling list, and emoji with meaning. One pass over the scalars and one
/// over the words: linear in the input, no regular expressions.
public struct Normaliser: Sendable {
    /// The normaliser's tables, held in one object: the closures of `normalise` capture the
    /// normaliser, which copies it, and a copy of seven reference-counted tables was seven
    /// retains and seven releases per message (and per contraction); a copy of this is one.
    private final class Tables: Sendable {
        let table: WordTable
        let replacementStart: ReadOnlyTable<Int32>
        let replacementIDs: ReadOnlyTable<Int32>
        let scalarWords: [UInt32: [UInt8]]

        init(
            table: WordTable, replacementStart: ReadOnlyTable<Int32>, replacementIDs: ReadOnlyTable<Int32>,
            scalarWords: [UInt32: [UInt8]]
        ) {
            self.table = table
            self.replacementStart = replacementStart
            self.replacementIDs = replacementIDs
            self.scalarWords = scalarWords
        }
    }

    private let tables: Tables

    var table: WordTable {
        @inline(__always) _read { yield tables.table }
    }
    /// Replacement word ids for a word id, flattened: ids `replacementStart[id]..<replacementStart[id + 1]`
    /// of `replacementIDs` (an empty range when the word stands for itself).
    var replacementStart: ReadOnlyTable<Int32> {
        @inline(__always) _read { yield tables.replacementStart }
    }
    var replacementIDs: ReadOnlyTable<Int32> {
        @inline(__always) _read { yield tables.replacementIDs }
    }
    /// Words (bytes) that single scalars stand for, e.g. emoji (`💊` → `pills`).
    var scalarWords: [UInt32: [UInt8]] {
        @inline(__always) _read { yield tables.scalarWords }
    }

    /// Longest run of spaced single letters that is merged into a word.
    static let maxSpacedRun = 48

    init(table: WordTable, replacements: [[Int32]], scalarWords: [UInt32: [UInt8]]) {
        var start: [Int32] = [0]
        var ids: [Int32] = []
        for replacement in replacements {
            ids.append(contentsOf: replacement)
            start.append(Int32(ids.count))
        }
        self.init(
            table: table, replacementStart: ReadOnlyTable(start), replacementIDs: ReadOnlyTable(ids),
            scalarWords: scalarWords)
    }

    /// A normaliser from its flattened tables (read from a precompiled artefact).
    init(
        table: WordTable, replacementStart: ReadOnlyTable<Int32>, replacementIDs: ReadOnlyTable<Int32>,
        scalarWords: [UInt32: [UInt8]]
    ) {
        tables = Tables(
            table: table, replacementStart: replacementStart, replacementIDs: replacementIDs,
            scalarWords: scalarWords)
    }

    // MARK: - Public entry point

    /// Normalises a message.
    public func normalise(_ text: String) -> NormalisedText {
        var scratch = AssessScratch()
        return normalise(text, scratch: &scratch)
    }

    /// Normalises a message in arrays reused from `scratch` (the tokens and folded bytes of the
    /// result are the scratch's own: give them back with ``AssessScratch/recycle(_:)``).
    func normalise(_ text: String, scratch: inout AssessScratch) -> NormalisedText {
        var units: [UInt8] = []
        let (tokens, scalarCount) = normalise(text, scratch: &scratch, units: &units)
        return NormalisedText(tokens: tokens, scalarCount: scalarCount, units: units, table: table)
    }

    /// The engine's form: only the tokens (the scratch's own array: give it back by storing it
    /// in `scratch.tokens` once read); the folded bytes stay in the scratch. No
    /// `NormalisedText` is built, so the vocabulary's tables are not copied (retained and
    /// released) for each message.
    func tokens(of text: String, scratch: inout AssessScratch) -> [NormalisedToken] {
        var units: [UInt8] = []
        let tokens = normalise(text, scratch: &scratch, units: &units).tokens
        scratch.units = units
        return tokens
    }

    /// Folds `text` into `units` (the scratch's array, moved out) and reads its words.
    private func normalise(
        _ text: String, scratch: inout AssessScratch, units: inout [UInt8]
    ) -> (tokens: [NormalisedToken], scalarCount: Int) {
        var origin = OffsetMap()
        var index: Int32 = 0
        var source = text
        var folded = Self.take(&scratch.units)
        source.withUTF8 { fold($0, into: &folded, origin: &origin, scalarCount: &index) }
        units = folded
        var tokens = Self.take(&scratch.tokens)
        tokens.reserveCapacity(folded.count / 4 + 1)
        var scanner = WordScanner(units: folded)
        var raw = Self.take(&scratch.raw)
        raw.reserveCapacity(folded.count / 4 + 1)
        while let word = scanner.next() { raw.append(word) }
        var buffer = Self.take(&scratch.word)
        var ids = Self.take(&scratch.ids)
        // The words are read in place from the folded bytes (no slice of the array retained and
        // copied for each word, no array per contraction's piece); a word is copied into `buffer`
        // only when it holds `&` or `*`.
        folded.withUnsafeBufferPointer { units in
            var position = 0
            while position < raw.count {
                if let merged = mergeSpacedLetters(raw, from: position, units: units, into: &ids) {
                    let first = raw[position]
                    let last = raw[merged - 1]
                    appendTokens(
                        ids, first: first, last: last, origin: &origin, tokens: &tokens, number: -1)
                    position = merged
                    continue
                }
                let word = raw[position]
                let piece = UnsafeBufferPointer(rebasing: units[Int(word.start)..<Int(word.end)])
                var number: Int32 = -1
                if piece.contains(where: { $0 == 0x26 || $0 == 0x2A }) {
                    ids.removeAll(keepingCapacity: true)
                    buffer.removeAll(keepingCapacity: true)
                    for byte in piece where byte != 0x26 && byte != 0x2A { buffer.append(byte) }
                    if Self.digitsOnly(buffer) {
                        number = Self.numberValue(buffer)
                        ids.append(table.lookup(buffer) ?? -1)
                    } else {
                        resolveWord(buffer, into: &ids)
                    }
                } else if Self.digitsOnly(piece) {
                    ids.removeAll(keepingCapacity: true)
                    number = Self.numberValue(piece)
                    ids.append(table.lookup(piece) ?? -1)
                } else if let id = table.lookup(piece) {
                    // What `resolveWord` does first for every word (with an apostrophe or not).
                    // Most words are known and stand for themselves: their one token is
                    // appended as `appendTokens` would, without the word-id array (emptied and
                    // filled for each word, that was a tenth of the normaliser).
                    if replacementStart[Int(id)] == replacementStart[Int(id) + 1] {
                        appendToken(id, first: word, last: word, origin: &origin, tokens: &tokens, number: -1)
                        position += 1
                        continue
                    }
                    ids.removeAll(keepingCapacity: true)
                    emit(id, into: &ids)
                } else {
                    ids.removeAll(keepingCapacity: true)
                    resolveWord(piece, into: &ids, lookedUp: true)
                }
                appendTokens(ids, first: word, last: word, origin: &origin, tokens: &tokens, number: number)
                position += 1
            }
        }
        scratch.raw = raw
        scratch.word = buffer
        scratch.ids = ids
        return (tokens, Int(index))
    }

    /// Whether every byte is an ASCII digit (true for no bytes).
    @inline(__always)
    static func digitsOnly<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
        for byte in bytes where byte < 48 || byte > 57 { return false }
        return true
    }

    /// A scratch array, emptied (its capacity kept), moved out of the scratch so it is the only
    /// reference to its storage while it is filled.
    @inline(__always)
    static func take<Element>(_ array: inout [Element]) -> [Element] {
        var taken: [Element] = []
        swap(&taken, &array)
        taken.removeAll(keepingCapacity: true)
        return taken
    }

    /// Folds UTF-8 bytes: runs of ASCII are copied at once and folded in place (lower case, a
    /// backtick read as an apostrophe); other scalars are decoded from their bytes and folded
    /// one by one, their spans recorded in `origin`. Counts the scalars.
    private func fold(
        _ bytes: UnsafeBufferPointer<UInt8>, into units: inout [UInt8], origin: inout OffsetMap,
        scalarCount index: inout Int32
    ) {
        units.reserveCapacity(bytes.count + 8)
        var memo: [UInt32: [UInt8]] = [:]
        var position = 0
        let count = bytes.count
        while position < count {
            if bytes[position] < 0x80 {
                let start = position
                while position < count && bytes[position] < 0x80 { position += 1 }
                let first = units.count
                units.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
                units.withUnsafeMutableBufferPointer { folded in
                    for offset in first..<folded.count {
                        let byte = folded[offset]
                        if byte >= 65 && byte <= 90 {
                            folded[offset] = byte + 32
                        } else if byte == 0x60 {
                            folded[offset] = 0x27
                        }
                    }
                }
                index += Int32(position - start)
                continue
            }
            // A scalar of two to four bytes (the string's UTF-8 is valid).
            let (value, length) = UTF8Scalar.decode(bytes, at: position)
            position += length
            let folded: [UInt8]
            if let word = scalarWords[value] {
                folded = word
            } else if value < 0x3000 {
                folded = ScalarFolding.fold(value)
            } else if let known = memo[value] {
                folded = known
            } else {
                folded = ScalarFolding.fold(value)
                memo[value] = folded
            }
            origin.record(scalar: index, unit: Int32(units.count), count: Int32(folded.count))
            units.append(contentsOf: folded)
            index += 1
        }
    }

    /// The token of a word read as the one id `id`: what ``appendTokens(_:first:last:origin:tokens:number:)``
    /// appends for `[id]`.
    @inline(__always)
    private func appendToken(
        _ id: Int32, first: RawWord, last: RawWord, origin: inout OffsetMap, tokens: inout [NormalisedToken],
        number: Int32
    ) {
        let start = origin.scalar(at: first.start)
        let end = origin.scalar(at: last.end - 1) + 1
        tokens.append(
            NormalisedToken(
                id: id, start: start, end: end, number: number, breakBefore: first.breakBefore,
                quoted: first.quoted, unitStart: first.start, unitEnd: last.end))
    }

    private func appendTokens(
        _ ids: [Int32], first: RawWord, last: RawWord, origin: inout OffsetMap,
        tokens: inout [NormalisedToken],
        number: Int32
    ) {
        let start = origin.scalar(at: first.start)
        let end = origin.scalar(at: last.end - 1) + 1
        for (offset, id) in ids.enumerated() {
            tokens.append(
                NormalisedToken(
                    id: id, start: start, end: end, number: offset == 0 ? number : -1,
                    breakBefore: offset == 0 ? first.breakBefore : 0, quoted: first.quoted,
                    unitStart: first.start, unitEnd: last.end))
        }
    }

    static func numberValue<Digits: Collection<UInt8>>(_ digits: Digits) -> Int32 {
        var value: Int32 = 0
        for digit in digits.prefix(7) { value = value * 10 + Int32(digit - 48) }
        return digits.count > 7 ? 9_999_999 : value
    }

    // MARK: - Word resolution

    /// Resolves one raw word (may contain apostrophes and leet symbols) to word ids.
    func resolveWord(_ word: [UInt8], into ids: inout [Int32]) {
        word.withUnsafeBufferPointer { resolveWord($0, into: &ids) }
    }

    /// The same for bytes read in place. `lookedUp`: the whole word was already looked up and is
    /// not in the vocabulary.
    func resolveWord(_ word: UnsafeBufferPointer<UInt8>, into ids: inout [Int32], lookedUp: Bool = false) {
        if word.contains(0x27) {
            if !lookedUp, let id = table.lookup(word) {
                emit(id, into: &ids)
                return
            }
            ContractionSplitter.forEachPiece(word) { resolvePiece($0, into: &ids) }
            return
        }
        resolvePiece(word, into: &ids, lookedUp: lookedUp)
    }

    @inline(__always)
    private func emit(_ id: Int32, into ids: inout [Int32]) {
        let low = Int(replacementStart[Int(id)])
        let high = Int(replacementStart[Int(id) + 1])
        if low == high {
            ids.append(id)
        } else {
            for index in low..<high { ids.append(replacementIDs[index]) }
        }
    }

    /// Looks a word up directly, then as leetspeak, then with stretched letters folded,
    /// then with a dropped final g (`thinkin`).
    func resolvePiece(_ piece: UnsafeBufferPointer<UInt8>, into ids: inout [Int32], lookedUp: Bool = false) {
        if piece.isEmpty { return }
        if !lookedUp, let id = table.lookup(piece) {
            emit(id, into: &ids)
            return
        }
        resolveUnknown(Array(piece), into: &ids)
    }

    /// `resolvePiece` once the piece as it stands is known not to be in the vocabulary.
    private func resolveUnknown(_ piece: [UInt8], into ids: inout [Int32]) {
        var word = piece
        var hasLetter = false
        var hasOther = false
        for byte in piece {
            if (byte >= 97 && byte <= 122) || byte >= 0x80 { hasLetter = true } else { hasOther = true }
        }
        if hasOther && hasLetter {
            word = Self.decodeLeet(piece)
            if let id = table.lookup(word) {
                emit(id, into: &ids)
                return
            }
        }
        if Self.hasRun(word, of: 3) {
            let two = Self.collapseRuns(word, keeping: 2)
            if let id = table.lookup(two) {
                emit(id, into: &ids)
                return
            }
            let one = Self.collapseRuns(word, keeping: 1)
            if let id = table.lookup(one) {
                emit(id, into: &ids)
                return
            }
            word = two
        }
        if word.count >= 4, word[word.count - 2] == 0x69, word[word.count - 1] == 0x6E {
            if let id = table.lookup(word + [0x67]) {
                emit(id, into: &ids)
                return
            }
        }
        ids.append(-1)
    }

    /// Reads digits and symbols inside a word as letters (`k1ll`, `$uicide`, `h4rm`).
    static func decodeLeet(_ word: [UInt8]) -> [UInt8] {
        word.compactMap { byte -> UInt8? in
            switch byte {
            case 0x30: return 0x6F  // 0 o
            case 0x31, 0x21, 0x7C: return 0x69  // 1 ! | i
            case 0x33: return 0x65  // 3 e
            case 0x34, 0x40: return 0x61  // 4 @ a
            case 0x35, 0x24: return 0x73  // 5 $ s
            case 0x37: return 0x74  // 7 t
            case 0x38: return 0x62  // 8 b
            case 0x39: return 0x67  // 9 g
            case 0x32: return 0x7A  // 2 z
            case 0x36: return 0x67  // 6 g
            case 0x27: return nil
            default: return byte
            }
        }
    }

    static func hasRun(_ word: [UInt8], of length: Int) -> Bool {
        var run = 1
        var index = 1
        while index < word.count {
            if word[index] == word[index - 1] {
                run += 1
                if run >= length { return true }
            } else {
                run = 1
            }
            index += 1
        }
        return false
    }

    /// Shortens every run of a repeated byte to at most `keeping` bytes.
    static func collapseRuns(_ word: [UInt8], keeping: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(word.count)
        var run = 0
        var previous: UInt8 = 0
        for byte in word {
            if byte == previous {
                run += 1
            } else {
                run = 1
                previous = byte
            }
            if run <= keeping { out.append(byte) }
        }
        return out
    }

    // MARK: - Spaced letters

    /// Merges a run of at least three single letters separated by one space, dot, dash,
    /// star or underscore (`k i l l`, `k.i.l.l`) when the letters spell known words.
    /// Returns the index after the run, or `nil`.
    private func mergeSpacedLetters(
        _ raw: [RawWord], from first: Int, units: UnsafeBufferPointer<UInt8>, into ids: inout [Int32]
    ) -> Int? {
        guard raw[first].end - raw[first].start == 1 else { return nil }
        var last = first
        while last + 1 < raw.count, last + 1 - first < Self.maxSpacedRun {
            let next = raw[last + 1]
            guard next.end - next.start == 1, next.start == raw[last].end + 1 else { break }
            let gap = units[Int(raw[last].end)]
            guard gap == 0x20 || gap == 0x2E || gap == 0x2D || gap == 0x2A || gap == 0x5F else { break }
            last += 1
        }
        guard last - first >= 2 else { return nil }
        var letters: [UInt8] = []
        for index in first...last { letters.append(units[Int(raw[index].start)]) }
        letters = Self.decodeLeet(letters)
        ids.removeAll(keepingCapacity: true)
        if let id = table.lookup(letters) ?? table.lookup(Self.collapseRuns(letters, keeping: 1)) {
            emit(id, into: &ids)
            return last + 1
        }
        // Greedy longest known prefix: "k i l l m y s e l f" → kill myself. At least one word of
        // four letters or more, so "a b c" is not read as "a bc".
        var position = 0
        var longest = 0
        while position < letters.count {
            var found = false
            var length = min(letters.count - position, 20)
            while length >= 1 {
                let slice = Array(letters[position..<position + length])
                if length == 1 && slice[0] != 0x69 && slice[0] != 0x61 { break }
                if let id = table.lookup(slice), length > 1 || slice[0] == 0x69 || slice[0] == 0x61 {
                    longest = max(longest, length)
                    emit(id, into: &ids)
                    position += length
                    found = true
                    break
                }
                length -= 1
            }
            if !found { return nil }
        }
        return longest >= 4 ? last + 1 : nil
    }
}
