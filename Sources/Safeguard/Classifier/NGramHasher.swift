/// Enumerates the hashed n-gram features of a list of normalised words.
///
/// Mirrors `feature_strings()` and `bucket()` in `Scripts/model/train.py`: for each word,
/// `w:word`, `b:word next`, `t:word next next2`, then `c:gram` for each character 3- to
/// 5-gram of `<word>` (the word cut to `charWordCap` characters). A feature's bucket is the
/// FNV-1a 32-bit hash of the feature string's UTF-8 bytes, modulo `buckets`. Hashing streams
/// over the bytes, so no feature string is built unless it is asked for.
struct NGramHasher: Sendable {
    /// Which kind of n-gram a feature is, and where it sits in the words.
    struct Feature: Sendable, Equatable {
        /// The kinds of feature, by their prefix in the feature string.
        enum Kind: Sendable, Equatable {
            case word, bigram, trigram, chars
        }

        var kind: Kind
        /// Index of the (first) word.
        var wordIndex: Int
        /// For `chars`: start and length in the marked word `<word>`.
        var start: Int = 0
        var length: Int = 0

        /// The feature string exactly as the trainer hashes it (`w:`, `b:`, `t:`, `c:`).
        func hashedText(in words: [[UInt8]], charWordCap: Int) -> String {
            switch kind {
            case .word: return "w:" + Self.string(words[wordIndex])
            case .bigram:
                return "b:" + Self.string(words[wordIndex]) + " " + Self.string(words[wordIndex + 1])
            case .trigram:
                return "t:" + Self.string(words[wordIndex]) + " " + Self.string(words[wordIndex + 1]) + " "
                    + Self.string(words[wordIndex + 2])
            case .chars:
                let marked = NGramHasher.marked(words[wordIndex], cap: charWordCap)
                return "c:" + Self.string(Array(marked[start..<(start + length)]))
            }
        }

        /// A reader-friendly form: words as they are; character grams with `*` where the word
        /// continues (`<unal` → `unal*`, `nal` → `*nal*`, `<kms>` → `kms`).
        func displayText(in words: [[UInt8]], charWordCap: Int) -> String {
            let text = hashedText(in: words, charWordCap: charWordCap)
            let body = String(text.dropFirst(2))
            guard kind == .chars else { return body }
            let head = body.hasPrefix("<") ? String(body.dropFirst()) : "*" + body
            return head.hasSuffix(">") ? String(head.dropLast()) : head + "*"
        }

        private static func string(_ bytes: [UInt8]) -> String {
            String(decoding: bytes, as: UTF8.self)
        }
    }

    let buckets: UInt32
    let charMin: Int
    let charMax: Int
    let charWordCap: Int

    init(buckets: UInt32, charMin: Int, charMax: Int, charWordCap: Int) {
        self.buckets = buckets
        self.charMin = charMin
        self.charMax = charMax
        self.charWordCap = charWordCap
    }

    /// A hash's bucket: the hash modulo `buckets`, a mask when `buckets` is a power of two (a
    /// division per feature was a tenth of the hashing).
    @inline(__always)
    func bucket(_ hash: UInt32) -> UInt32 {
        buckets & (buckets &- 1) == 0 ? hash & (buckets &- 1) : hash % buckets
    }

    static let offsetBasis: UInt32 = 0x811C_9DC5
    static let prime: UInt32 = 0x0100_0193

    /// FNV-1a 32-bit of `bytes`, continuing from `hash`.
    static func fnv1a<C: Collection>(_ bytes: C, from hash: UInt32 = offsetBasis) -> UInt32
    where C.Element == UInt8 {
        var h = hash
        for byte in bytes {
            h ^= UInt32(byte)
            h = h &* prime
        }
        return h
    }

    static func marked(_ word: [UInt8], cap: Int) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "<")]
        out.append(contentsOf: word.prefix(cap))
        out.append(UInt8(ascii: ">"))
        return out
    }

    /// The same for words given one array each (tests).
    func forEachFeature(of words: [[UInt8]], _ body: (UInt32, Feature) -> Void) {
        forEachFeature(of: ClassifierWords(arrays: words), body)
    }

    /// Calls `body` with the bucket of every feature of `words`, in the trainer's order.
    func forEachFeature(of words: ClassifierWords, _ body: (UInt32, Feature) -> Void) {
        let space = UInt32(UInt8(ascii: " "))
        let wordPrefix = Self.fnv1a("w:".utf8)
        let bigramPrefix = Self.fnv1a("b:".utf8)
        let trigramPrefix = Self.fnv1a("t:".utf8)
        let charPrefix = Self.fnv1a("c:".utf8)
        let count = words.count
        words.bytes.withUnsafeBufferPointer { bytes in
            words.ends.withUnsafeBufferPointer { ends in
                @inline(__always)
                func wordAt(_ index: Int) -> UnsafeBufferPointer<UInt8> {
                    UnsafeBufferPointer(rebasing: bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]])
                }
                @inline(__always)
                func spaced(_ hash: UInt32) -> UInt32 { (hash ^ space) &* Self.prime }
                for index in 0..<count {
                    let word = wordAt(index)
                    // The word, bigram and trigram hashes are three independent FNV-1a chains over
                    // the same bytes (and the bigram and trigram two over the next word's): run
                    // side by side in one loop, the multiplications overlap instead of waiting on
                    // each other. The same values, reported in the same order.
                    var unigram = wordPrefix
                    var bigram = bigramPrefix
                    var trigram = trigramPrefix
                    for byte in word {
                        let value = UInt32(byte)
                        unigram = (unigram ^ value) &* Self.prime
                        bigram = (bigram ^ value) &* Self.prime
                        trigram = (trigram ^ value) &* Self.prime
                    }
                    body(bucket(unigram), Feature(kind: .word, wordIndex: index))
                    if index + 1 < count {
                        bigram = spaced(bigram)
                        trigram = spaced(trigram)
                        for byte in wordAt(index + 1) {
                            let value = UInt32(byte)
                            bigram = (bigram ^ value) &* Self.prime
                            trigram = (trigram ^ value) &* Self.prime
                        }
                        body(bucket(bigram), Feature(kind: .bigram, wordIndex: index))
                    }
                    if index + 2 < count {
                        let h = Self.fnv1a(wordAt(index + 2), from: spaced(trigram))
                        body(bucket(h), Feature(kind: .trigram, wordIndex: index))
                    }
                    forEachCharGram(of: word, prefix: charPrefix) { bucket, start, length in
                        body(bucket, Feature(kind: .chars, wordIndex: index, start: start, length: length))
                    }
                }
            }
        }
    }

    /// The character grams of `<word>`, shortest first and by start within a length (the
    /// trainer's order). Each gram's hash extends the one a character shorter at the same
    /// start (FNV-1a runs byte by byte, so the value is the same), and the marked word lives
    /// on the stack: no allocation.
    @inline(__always)
    private func forEachCharGram(
        of word: UnsafeBufferPointer<UInt8>, prefix: UInt32,
        _ body: (UInt32, _ start: Int, _ length: Int) -> Void
    ) {
        let count = min(word.count, charWordCap) + 2
        let longest = max(charMin, charMax)
        guard charMin <= count else { return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { marked in
            marked[0] = UInt8(ascii: "<")
            for offset in 0..<(count - 2) { marked[offset + 1] = word[offset] }
            marked[count - 1] = UInt8(ascii: ">")
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: count) { hashes in
                for start in 0...(count - charMin) {
                    var h = prefix
                    for offset in start..<(start + charMin - 1) {
                        h ^= UInt32(marked[offset])
                        h = h &* Self.prime
                    }
                    hashes[start] = h
                }
                var length = charMin
                while length <= longest && length <= count {
                    for start in 0...(count - length) {
                        var h = hashes[start]
                        h ^= UInt32(marked[start + length - 1])
                        h = h &* Self.prime
                        hashes[start] = h
                        body(bucket(h), start, length)
                    }
                    length += 1
                }
            }
        }
    }
}
