/// The vocabulary of a lexicon: normalised words (UTF-8 bytes) mapped to compact ids.
///
/// Open addressing over FNV-1a hashes so a lookup costs one hash of the word and, on a hit,
/// one byte comparison — no `String` is created on the hot path.
struct WordTable: Sendable {
    /// The bytes of every word, one after another: word `id` is `bytes[start(id)..<ends[id]]`.
    /// One buffer, not an array per word: a lookup compares bytes in place (no array retained
    /// or compared element by element), and the vocabulary is a few allocations, not thousands.
    private var bytes: [UInt8] = []
    private var ends: [Int32] = []
    private var hashes: [UInt64] = []
    private var slots: [Int32]
    private var mask: Int

    init(capacity: Int = 4096) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        mask = size - 1
    }

    /// Number of words.
    var count: Int { ends.count }

    /// The bytes of each word, indexed by id (for writing the artefact).
    var words: [[UInt8]] { (0..<ends.count).map { Array(bytes[range(Int32($0))]) } }

    @inline(__always)
    private func range(_ id: Int32) -> Range<Int> {
        (id == 0 ? 0 : Int(ends[Int(id) - 1]))..<Int(ends[Int(id)])
    }

    /// FNV-1a over bytes.
    static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }

    /// The id of a word, or `nil` when it is not in the vocabulary.
    func lookup(_ word: [UInt8]) -> Int32? {
        word.withUnsafeBufferPointer { lookup($0) }
    }

    /// The id of a word given as bytes in place, or `nil` when it is not in the vocabulary.
    func lookup(_ word: UnsafeBufferPointer<UInt8>) -> Int32? {
        let h = Self.hash(word)
        return bytes.withUnsafeBufferPointer { stored in
            var slot = Int(truncatingIfNeeded: h) & mask
            while true {
                let id = slots[slot]
                if id < 0 { return nil }
                if hashes[Int(id)] == h && Self.equal(stored, range(id), word) { return id }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Whether the stored bytes in `span` are `word` (words are short: a loop, not a call).
    @inline(__always)
    private static func equal(
        _ stored: UnsafeBufferPointer<UInt8>, _ span: Range<Int>, _ word: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        guard span.count == word.count else { return false }
        var offset = 0
        while offset < word.count {
            if stored[span.lowerBound + offset] != word[offset] { return false }
            offset += 1
        }
        return true
    }

    /// The id of a word, adding it when new.
    mutating func insert(_ word: [UInt8]) -> Int32 {
        if let id = lookup(word) { return id }
        if (ends.count + 1) * 2 > slots.count { grow() }
        let id = Int32(ends.count)
        let h = Self.hash(word)
        bytes.append(contentsOf: word)
        ends.append(Int32(bytes.count))
        hashes.append(h)
        place(id: id, hash: h)
        return id
    }

    /// The id of a word given as text, adding it when new.
    mutating func insert(_ word: String) -> Int32 { insert(Array(word.utf8)) }

    /// The text of a word id.
    func text(_ id: Int32) -> String {
        guard id >= 0, Int(id) < ends.count else { return "" }
        return String(decoding: bytes[range(id)], as: UTF8.self)
    }

    private mutating func place(id: Int32, hash: UInt64) {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = id
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        for (index, h) in hashes.enumerated() { place(id: Int32(index), hash: h) }
    }
}
