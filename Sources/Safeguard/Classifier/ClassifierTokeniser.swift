/// Turns text into the normalised ASCII words the classifier's features are built from.
///
/// Mirrors `tokens()` in `Scripts/model/train.py` exactly (see its docstring): ASCII is
/// lower-cased; apostrophes and invisible joiners are dropped inside words; fullwidth forms,
/// accented letters and Cyrillic/Greek look-alikes fold to ASCII; a few emoji become words;
/// any other scalar separates words. In each word with a letter, leetspeak maps to letters,
/// a word of digits becomes `0`, runs of three or more identical letters collapse to two and
/// runs of three or more one-letter words are joined (`k i l l` → `kill`). Work is linear in
/// the input; texts longer than `maxScalars` keep only their first and last `keepScalars`.
struct ClassifierTokeniser: Sendable {
    private let apostrophes: Set<UInt32>
    private let invisible: Set<UInt32>
    private let fold: [UInt32: [UInt8]]
    private let emoji: [UInt32: [UInt8]]
    /// ``ASCIIAction`` of each ASCII scalar.
    private let asciiAction: [UInt8]
    /// Each byte after leet mapping.
    private let leetTable: [UInt8]
    private let maxScalars: Int
    private let keepScalars: Int

    init(tables: ClassifierModelFile.Normalisation, maxScalars: Int, keepScalars: Int) throws {
        apostrophes = Set(tables.apostrophes)
        invisible = Set(tables.invisible)
        var leet: [UInt8: UInt8] = [:]
        for (from, to) in tables.leet {
            let source = Array(from.utf8)
            let target = Array(to.utf8)
            guard source.count == 1, target.count == 1 else {
                throw TextClassifierError.unsupported("leet entry \(from) -> \(to)")
            }
            leet[source[0]] = target[0]
        }
        leetTable = (0...255).map { leet[UInt8($0)] ?? UInt8($0) }
        fold = try Self.scalarTable(tables.fold)
        emoji = try Self.scalarTable(tables.emoji)
        asciiAction = Self.asciiActions(
            apostrophes: apostrophes, invisible: invisible, fold: fold, emoji: emoji)
        self.maxScalars = maxScalars
        self.keepScalars = keepScalars
    }

    private static func scalarTable(_ table: [String: String]) throws -> [UInt32: [UInt8]] {
        var result: [UInt32: [UInt8]] = [:]
        for (key, value) in table {
            let bytes = Array(value.utf8)
            guard let scalar = UInt32(key), !bytes.isEmpty,
                bytes.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") })
            else {
                throw TextClassifierError.unsupported("normalisation entry \(key) -> \(value)")
            }
            result[scalar] = bytes
        }
        return result
    }

    /// The normalised words of `text`, each as lower-case ASCII bytes.
    func words(in text: String) -> [[UInt8]] { flatWords(in: text).arrays }

    /// The normalised words of `text` in one buffer (the scoring path: a few buffers per
    /// message instead of an array per word).
    func flatWords(in text: String) -> ClassifierWords {
        var scratch = ClassifierScratch()
        return flatWords(in: text, scratch: &scratch)
    }

    /// The same, in arrays reused from `scratch` (the words' arrays are the scratch's own: give
    /// them back with ``ClassifierScratch/recycle(_:)``).
    func flatWords(in text: String, scratch: inout ClassifierScratch) -> ClassifierWords {
        var scan = Scan(capacity: text.utf8.count, reusing: &scratch)
        let scalars = text.unicodeScalars
        // A text of no more bytes than the limit has no more scalars either: no counting.
        var count = 0
        if text.utf8.count > maxScalars {
            for _ in scalars {
                count += 1
                if count > maxScalars { break }
            }
        }
        if count > maxScalars {
            for scalar in scalars.prefix(keepScalars) { consume(scalar.value, &scan) }
            consume(0x20, &scan)
            let total = scalars.count
            for scalar in scalars.dropFirst(total - keepScalars) { consume(scalar.value, &scan) }
        } else {
            var source = text
            source.withUTF8 { bytes in
                // Scalars decoded from the UTF-8 bytes (valid in a string), ASCII without decoding;
                // a run of ASCII letters and digits (what `consume` appends one by one) is
                // appended at once and lower-cased in place.
                var position = 0
                while position < bytes.count {
                    if isAppended(bytes[position]) {
                        let start = position
                        position += 1
                        while position < bytes.count && isAppended(bytes[position]) { position += 1 }
                        scan.appendLowercased(UnsafeBufferPointer(rebasing: bytes[start..<position]))
                        continue
                    }
                    let (value, length) = UTF8Scalar.decode(bytes, at: position)
                    consume(value, &scan)
                    position += length
                }
            }
        }
        endWord(&scan)
        scratch.current = scan.current
        return joinSpelledOut(scan.words)
    }

    /// A message being cut into words: the word being read, and the finished words.
    private struct Scan {
        var current: [UInt8] = []
        var words = ClassifierWords()

        init(capacity: Int, reusing scratch: inout ClassifierScratch) {
            current = Normaliser.take(&scratch.current)
            words.bytes = Normaliser.take(&scratch.bytes)
            words.ends = Normaliser.take(&scratch.ends)
            current.reserveCapacity(32)
            words.bytes.reserveCapacity(capacity + 8)
            words.ends.reserveCapacity(capacity / 4 + 2)
        }

        /// Appends ASCII letters and digits to the word being read, lower case.
        @inline(__always)
        mutating func appendLowercased(_ run: UnsafeBufferPointer<UInt8>) {
            let first = current.count
            current.append(contentsOf: run)
            current.withUnsafeMutableBufferPointer { word in
                for index in first..<word.count where word[index] >= 0x41 && word[index] <= 0x5A {
                    word[index] += 32
                }
            }
        }
    }

    /// Whether `consume` would append this byte to the word as it is (lower-cased): an ASCII
    /// scalar whose action is to append.
    @inline(__always)
    private func isAppended(_ byte: UInt8) -> Bool {
        byte < 0x80 && asciiAction[Int(byte)] == ASCIIAction.append
    }

    /// How an ASCII scalar is read (the same rules as any other scalar, decided once).
    private enum ASCIIAction {
        static let separator: UInt8 = 0
        static let append: UInt8 = 1
        static let skip: UInt8 = 2
        /// Folded or an emoji word: the tables decide.
        static let table: UInt8 = 3
    }

    /// The action for each ASCII scalar.
    private static func asciiActions(
        apostrophes: Set<UInt32>, invisible: Set<UInt32>, fold: [UInt32: [UInt8]], emoji: [UInt32: [UInt8]]
    ) -> [UInt8] {
        (0..<128).map { (value: UInt32) -> UInt8 in
            if (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
                || (value >= 0x30 && value <= 0x39) || value == 0x40 || value == 0x24
            {
                return ASCIIAction.append
            }
            if apostrophes.contains(value) || invisible.contains(value) { return ASCIIAction.skip }
            if fold[value] != nil || emoji[value] != nil { return ASCIIAction.table }
            return ASCIIAction.separator
        }
    }

    @inline(__always)
    private func consume(_ input: UInt32, _ scan: inout Scan) {
        var value = input
        if value >= 0xFF01 && value <= 0xFF5E { value -= 0xFEE0 }
        if value < 0x80 {
            switch asciiAction[Int(value)] {
            case ASCIIAction.append:
                scan.current.append(value >= 0x41 && value <= 0x5A ? UInt8(value + 32) : UInt8(value))
                return
            case ASCIIAction.skip:
                return
            case ASCIIAction.separator:
                endWord(&scan)
                return
            default:
                break
            }
        }
        if apostrophes.contains(value) || invisible.contains(value) {
            return
        } else if let letters = fold[value] {
            scan.current.append(contentsOf: letters)
        } else if let word = emoji[value] {
            endWord(&scan)
            scan.current.append(contentsOf: word)
            endWord(&scan)
        } else {
            endWord(&scan)
        }
    }

    /// Ends the word being read: leet mapping, number folding and repeat collapsing, or
    /// dropped when it has neither a letter nor a digit.
    @inline(__always)
    private func endWord(_ scan: inout Scan) {
        guard !scan.current.isEmpty else { return }
        var hasLetter = false
        var hasDigit = false
        for byte in scan.current {
            if Self.isLetter(byte) {
                hasLetter = true
            } else if byte >= 0x30 && byte <= 0x39 {
                hasDigit = true
            }
        }
        if hasLetter {
            // The last two bytes written for this word are kept in registers (`last`, `before`)
            // rather than read back from the array: the same bytes, fewer checked loads.
            var written = 0
            var last: UInt8 = 0
            var before: UInt8 = 0
            for byte in scan.current {
                let mapped = leetTable[Int(byte)]
                if written >= 2 && last == mapped && before == mapped { continue }
                scan.words.bytes.append(mapped)
                before = last
                last = mapped
                written += 1
            }
            scan.words.ends.append(scan.words.bytes.count)
        } else if hasDigit {
            scan.words.bytes.append(UInt8(ascii: "0"))
            scan.words.ends.append(scan.words.bytes.count)
        }
        scan.current.removeAll(keepingCapacity: true)
    }

    /// Joins runs of three or more one-letter words ("k i l l" -> "kill").
    private func joinSpelledOut(_ words: ClassifierWords) -> ClassifierWords {
        // Most messages have no three one-letter words in a row: then nothing is joined, and the
        // words are returned as they are instead of copied word by word.
        var run = 0
        var spelledOut = false
        for index in 0..<words.count {
            let range = words.range(index)
            if range.count == 1 && Self.isLetter(words.bytes[range.lowerBound]) {
                run += 1
                if run >= 3 {
                    spelledOut = true
                    break
                }
            } else {
                run = 0
            }
        }
        if !spelledOut { return words }
        var joined = ClassifierWords()
        joined.bytes.reserveCapacity(words.bytes.count)
        joined.ends.reserveCapacity(words.count)
        var runStart = 0
        var runCount = 0
        func flush() {
            if runCount >= 3 {
                let start = joined.bytes.count
                for index in runStart..<(runStart + runCount) {
                    let byte = words.bytes[words.ends[index] - 1]
                    let n = joined.bytes.count - start
                    if n >= 2 && joined.bytes[start + n - 1] == byte && joined.bytes[start + n - 2] == byte {
                        continue
                    }
                    joined.bytes.append(byte)
                }
                joined.ends.append(joined.bytes.count)
            } else {
                for index in runStart..<(runStart + runCount) { joined.append(words, index) }
            }
            runCount = 0
        }
        for index in 0..<words.count {
            let range = words.range(index)
            if range.count == 1 && Self.isLetter(words.bytes[range.lowerBound]) {
                if runCount == 0 { runStart = index }
                runCount += 1
            } else {
                flush()
                joined.append(words, index)
            }
        }
        flush()
        return joined
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
    }
}

/// Normalised words in one buffer: word `i` is `bytes[ends[i - 1]..<ends[i]]` (from 0 for the first).
struct ClassifierWords: Sendable {
    var bytes: [UInt8] = []
    var ends: [Int] = []

    var count: Int { ends.count }

    init() {}

    init(arrays: [[UInt8]]) {
        for word in arrays {
            bytes.append(contentsOf: word)
            ends.append(bytes.count)
        }
    }

    @inline(__always)
    func range(_ index: Int) -> Range<Int> { (index == 0 ? 0 : ends[index - 1])..<ends[index] }

    mutating func append(_ other: ClassifierWords, _ index: Int) {
        bytes.append(contentsOf: other.bytes[other.range(index)])
        ends.append(bytes.count)
    }

    /// Each word as its own array (for explanations and tests).
    var arrays: [[UInt8]] { (0..<count).map { Array(bytes[range($0)]) } }
}
