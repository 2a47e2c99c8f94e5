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
