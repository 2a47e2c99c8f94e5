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
    private let leet: [UInt8: UInt8]
    private let fold: [UInt32: [UInt8]]
    private let emoji: [UInt32: [UInt8]]
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
        self.leet = leet
        fold = try Self.scalarTable(tables.fold)
        emoji = try Self.scalarTable(tables.emoji)
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
    func words(in text: String) -> [[UInt8]] {
        var raw: [[UInt8]] = []
        var current: [UInt8] = []
        let scalars = text.unicodeScalars
        var count = 0
        for _ in scalars {
            count += 1
            if count > maxScalars { break }
        }
        if count > maxScalars {
            for scalar in scalars.prefix(keepScalars) { consume(scalar.value, &current, &raw) }
            consume(0x20, &current, &raw)
            let total = scalars.count
            for scalar in scalars.dropFirst(total - keepScalars) { consume(scalar.value, &current, &raw) }
        } else {
            for scalar in scalars { consume(scalar.value, &current, &raw) }
        }
        if !current.isEmpty { raw.append(current) }
        return joinSpelledOut(raw.compactMap(finish))
    }

    private func consume(_ input: UInt32, _ current: inout [UInt8], _ raw: inout [[UInt8]]) {
        var value = input
        if value >= 0xFF01 && value <= 0xFF5E { value -= 0xFEE0 }
        if value >= 0x41 && value <= 0x5A {
            current.append(UInt8(value + 32))
        } else if (value >= 0x61 && value <= 0x7A) || (value >= 0x30 && value <= 0x39) || value == 0x40
            || value == 0x24
        {
            current.append(UInt8(value))
        } else if apostrophes.contains(value) || invisible.contains(value) {
            return
        } else if let letters = fold[value] {
            current.append(contentsOf: letters)
        } else if let word = emoji[value] {
            if !current.isEmpty { raw.append(current) }
            current.removeAll(keepingCapacity: true)
            raw.append(word)
        } else if !current.isEmpty {
            raw.append(current)
            current.removeAll(keepingCapacity: true)
        }
    }

    /// Leet mapping, number folding and repeat collapsing for one raw word; `nil` drops it.
    private func finish(_ token: [UInt8]) -> [UInt8]? {
        if token.contains(where: Self.isLetter) {
            return Self.collapse(token.map { leet[$0] ?? $0 })
        }
        if token.contains(where: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            return [UInt8(ascii: "0")]
        }
        return nil
    }

    /// Joins runs of three or more one-letter words ("k i l l" -> "kill").
    private func joinSpelledOut(_ words: [[UInt8]]) -> [[UInt8]] {
        var joined: [[UInt8]] = []
        joined.reserveCapacity(words.count)
        var run: [[UInt8]] = []
        func flush() {
            if run.count >= 3 {
                joined.append(Self.collapse(run.flatMap { $0 }))
            } else {
                joined.append(contentsOf: run)
            }
            run.removeAll()
        }
        for word in words {
            if word.count == 1 && Self.isLetter(word[0]) {
                run.append(word)
            } else {
                flush()
                joined.append(word)
            }
        }
        flush()
        return joined
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
    }

    private static func collapse(_ token: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(token.count)
        for byte in token {
            let n = out.count
            if n >= 2 && out[n - 1] == byte && out[n - 2] == byte { continue }
            out.append(byte)
        }
        return out
    }
}
