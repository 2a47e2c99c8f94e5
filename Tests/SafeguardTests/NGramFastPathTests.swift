import Foundation
import Testing

@testable import Safeguard

/// The n-gram model's fast paths against their plain definitions: character grams hashed
/// incrementally give each gram string's own FNV-1a bucket, and the bucket set answers as
/// `Set<UInt32>` does.
@Suite struct NGramFastPathTests {
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state ^ (state >> 29)
        }
    }

    @Test func everyFeatureBucketIsTheHashOfItsText() {
        var random = SeededGenerator(state: 7)
        let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789@$".utf8)
        for (charMin, charMax, cap) in [(3, 5, 12), (1, 1, 3), (2, 6, 4), (4, 4, 20)] {
            let hasher = NGramHasher(buckets: 1 << 20, charMin: charMin, charMax: charMax, charWordCap: cap)
            for _ in 0..<50 {
                let words = (0..<Int.random(in: 1...6, using: &random)).map { _ in
                    (0..<Int.random(in: 1...25, using: &random)).map { _ in
                        letters.randomElement(using: &random) ?? 0
                    }
                }
                var seen: [String] = []
                hasher.forEachFeature(of: words) { bucket, feature in
                    let text = feature.hashedText(in: words, charWordCap: cap)
                    #expect(bucket == NGramHasher.fnv1a(text.utf8) % (1 << 20), "\(text)")
                    seen.append(text)
                }
                // Every character gram of every (capped, marked) word, shortest first.
                for (index, word) in words.enumerated() {
                    let marked = NGramHasher.marked(word, cap: cap)
                    var expected: [String] = []
                    for length in charMin...charMax where length <= marked.count {
                        for start in 0...(marked.count - length) {
                            expected.append(
                                "c:" + String(decoding: marked[start..<(start + length)], as: UTF8.self))
                        }
                    }
                    let chars = seen.filter { $0.hasPrefix("c:") }
                    let before = words[..<index].map { word -> Int in
                        let count = NGramHasher.marked(word, cap: cap).count
                        return (charMin...charMax).filter { $0 <= count }.map { count - $0 + 1 }.reduce(0, +)
                    }.reduce(0, +)
                    #expect(Array(chars.dropFirst(before).prefix(expected.count)) == expected)
                }
            }
        }
    }

    @Test func theBucketSetAnswersAsASetDoes() {
        var random = SeededGenerator(state: 11)
        for size in [0, 1, 100, 129, 1_000, 5_000] {
            var fast = BucketSet()
            var plain = Set<UInt32>()
            for _ in 0..<size {
                // Few distinct values, so repeats are common.
                let bucket =
                    UInt32.random(in: 0..<UInt32(max(1, size / 2)), using: &random) * 4_099 % (1 << 24)
                #expect(fast.insert(bucket) == plain.insert(bucket).inserted)
            }
        }
    }
}

/// The model's tokeniser (one flat buffer, ASCII read from a table) against the rules of
/// `tokens()` in `Scripts/model/train.py` written out plainly over strings, on fuzzed text made
/// of every ASCII scalar, the tables' own scalars (apostrophes, invisible joiners, folded letters,
/// emoji), fullwidth forms and scalars no table knows.
@Suite struct ClassifierTokeniserTests {
    static func tables() throws -> (ClassifierModelFile.Normalisation, maxScalars: Int, keepScalars: Int) {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("resources").appendingPathComponent(TextClassifier.resourcePath)
        let file = try JSONDecoder().decode(ClassifierModelFile.self, from: Data(contentsOf: url))
        return (file.normalisation, file.maxScalars, file.keepScalars)
    }

    /// The trainer's rules, one step at a time over strings.
    static func plainWords(
        _ text: String, tables: ClassifierModelFile.Normalisation, maxScalars: Int, keepScalars: Int
    ) -> [String] {
        var values = text.unicodeScalars.map(\.value)
        if values.count > maxScalars {
            values = Array(values.prefix(keepScalars)) + [0x20] + Array(values.suffix(keepScalars))
        }
        var raw: [String] = []
        var current = ""
        func cut() {
            if !current.isEmpty { raw.append(current) }
            current = ""
        }
        for original in values {
            let value = (0xFF01...0xFF5E).contains(original) ? original - 0xFEE0 : original
            let character = Unicode.Scalar(value).map { String(Character($0)) } ?? ""
            if (0x41...0x5A).contains(value) {
                current += character.lowercased()
            } else if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) || value == 0x40
                || value == 0x24
            {
                current += character
            } else if tables.apostrophes.contains(value) || tables.invisible.contains(value) {
                continue
            } else if let letters = tables.fold[String(value)] {
                current += letters
            } else if let word = tables.emoji[String(value)] {
                cut()
                raw.append(word)
            } else {
                cut()
            }
        }
        cut()
        func collapsed(_ word: String) -> String {
            var out = ""
            for character in word
            where !(out.count >= 2 && out.hasSuffix(String(repeating: character, count: 2))) {
                out.append(character)
            }
            return out
        }
        let finished = raw.compactMap { word -> String? in
            if word.contains(where: { ("a"..."z").contains($0) }) {
                return collapsed(String(word.map { tables.leet[String($0)].map(Character.init) ?? $0 }))
            }
            return word.contains(where: \.isNumber) ? "0" : nil
        }
        var joined: [String] = []
        var run: [String] = []
        for word in finished + [""] {
            if word.count == 1, ("a"..."z").contains(word) {
                run.append(word)
                continue
            }
            if run.count >= 3 { joined.append(collapsed(run.joined())) } else { joined += run }
            run = []
            if !word.isEmpty { joined.append(word) }
        }
        return joined
    }

    @Test func flatWordsFollowTheTrainersRules() throws {
        let (tables, maxScalars, keepScalars) = try Self.tables()
        let tokeniser = try ClassifierTokeniser(
            tables: tables, maxScalars: maxScalars, keepScalars: keepScalars)
        var alphabet: [UInt32] = Array(0..<128) + tables.apostrophes + tables.invisible
        alphabet += tables.fold.keys.compactMap { UInt32($0) }.sorted().prefix(60)
        alphabet += tables.emoji.keys.compactMap { UInt32($0) }.sorted().prefix(30)
        alphabet += [0xFF01, 0xFF10, 0xFF21, 0xFF41, 0xFF5E, 0xE9, 0x430, 0x4E2D, 0x1F600, 0x2028, 0xFF5F]
        alphabet +=
            Array(repeating: 0x20, count: 30) + Array(repeating: 0x61, count: 20) + [0x69, 0x6B, 0x6C]
        var random = NGramFastPathTests.SeededGenerator(state: 14)
        var checked = 0
        for round in 0..<4_000 {
            let length = round < 3_990 ? Int.random(in: 0...40, using: &random) : maxScalars + 5
            var text = String.UnicodeScalarView()
            for _ in 0..<length {
                if let scalar = Unicode.Scalar(alphabet.randomElement(using: &random) ?? 0x20) {
                    text.append(scalar)
                }
            }
            let string = String(text)
            let fast = tokeniser.words(in: string).map { String(decoding: $0, as: UTF8.self) }
            let plain = Self.plainWords(
                string, tables: tables, maxScalars: maxScalars, keepScalars: keepScalars)
            #expect(fast == plain, "\(string.unicodeScalars.map(\.value).prefix(60))")
            checked += fast.count
        }
        #expect(checked > 2_000)
    }
}
