/// The vocabulary of a lexicon: normalised words (UTF-8 bytes) mapped to compact ids.
///
/// Open addressing over FNV-1a hashes so a lookup costs one hash of the word and, on a hit,
/// one byte comparison — no `String` is created on the hot path. Built by ``WordTableBuilder``;
/// read-only once built, so its tables can be viewed in place in a mapped precompiled artefact.
struct WordTable: Sendable {
    /// The bytes of every word, one after another: word `id` is `bytes[start(id)..<ends[id]]`.
    /// One buffer, not an array per word: a lookup compares bytes in place (no array retained
    /// or compared element by element), and the vocabulary is a few allocations, not thousands.
    let bytes: ReadOnlyTable<UInt8>
    let ends: ReadOnlyTable<Int32>
    let hashes: ReadOnlyTable<UInt64>
    /// Word ids by hash slot (`-1`: empty); a power of two long, never full.
    let slots: ReadOnlyTable<Int32>

    /// Number of words.
    var count: Int { ends.count }

    /// The bytes of each word, indexed by id (for tests).
    var words: [[UInt8]] { (0..<ends.count).map { Array(bytes[Self.range(Int32($0), ends: ends)]) } }

    @inline(__always)
    private static func range<Ends: RandomAccessCollection<Int32>>(_ id: Int32, ends: Ends) -> Range<Int>
    where Ends.Index == Int {
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

    /// A table from its parts, checked so a lookup can never read out of bounds or loop forever
    /// (read from a precompiled artefact): ends rise to the bytes' end, every hash is its
    /// word's, the slots are a power of two with an empty one and hold each word once, where a
    /// lookup finds it.
    init?(
        bytes: ReadOnlyTable<UInt8>, ends: ReadOnlyTable<Int32>, hashes: ReadOnlyTable<UInt64>,
        slots: ReadOnlyTable<Int32>
    ) {
        guard hashes.count == ends.count, slots.count >= 2, slots.count & (slots.count - 1) == 0,
            ends.count < slots.count, ends.last.map({ Int($0) == bytes.count }) ?? bytes.isEmpty
        else { return nil }
        var previous: Int32 = 0
        for end in ends {
            guard end >= previous else { return nil }
            previous = end
        }
        var placed = 0
        for id in slots where id != -1 {
            guard id >= 0, Int(id) < ends.count else { return nil }
            placed += 1
        }
        guard placed == ends.count else { return nil }
        self.bytes = bytes
        self.ends = ends
        self.hashes = hashes
        self.slots = slots
        for id in 0..<ends.count {
            let span = Self.range(Int32(id), ends: ends)
            guard Self.hash(bytes[span]) == hashes[id] else { return nil }
            let found = bytes.withUnsafeBufferPointer {
                lookup(UnsafeBufferPointer(rebasing: $0[span]))
            }
            guard found == Int32(id) else { return nil }
        }
    }

    fileprivate init(builder: WordTableBuilder) {
        bytes = ReadOnlyTable(builder.bytes)
        ends = ReadOnlyTable(builder.ends)
        hashes = ReadOnlyTable(builder.hashes)
        slots = ReadOnlyTable(builder.slots)
    }

    /// The id of a word, or `nil` when it is not in the vocabulary.
    func lookup(_ word: [UInt8]) -> Int32? {
        word.withUnsafeBufferPointer { lookup($0) }
    }

    /// The id of a word given as bytes in place, or `nil` when it is not in the vocabulary.
    func lookup(_ word: UnsafeBufferPointer<UInt8>) -> Int32? {
        bytes.withUnsafeBufferPointer { stored in
            ends.withUnsafeBufferPointer { ends in
                hashes.withUnsafeBufferPointer { hashes in
                    slots.withUnsafeBufferPointer { slots in
                        Self.find(word, bytes: stored, ends: ends, hashes: hashes, slots: slots)
                    }
                }
            }
        }
    }

    /// Open-addressing search shared by the table and its builder (`slots` a power of two long
    /// with an empty slot; every id in it below `ends.count`).
    @inline(__always)
    static func find(
        _ word: UnsafeBufferPointer<UInt8>, bytes: UnsafeBufferPointer<UInt8>,
        ends: UnsafeBufferPointer<Int32>,
        hashes: UnsafeBufferPointer<UInt64>, slots: UnsafeBufferPointer<Int32>
    ) -> Int32? {
        let h = hash(word)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let id = slots[slot]
            if id < 0 { return nil }
            if hashes[Int(id)] == h && equal(bytes, range(id, ends: ends), word) { return id }
            slot = (slot + 1) & mask
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

    /// The text of a word id.
    func text(_ id: Int32) -> String {
        guard id >= 0, Int(id) < ends.count else { return "" }
        return String(decoding: bytes[Self.range(id, ends: ends)], as: UTF8.self)
    }
}

/// Builds a ``WordTable`` word by word (compiling the lexicon's text sources).
struct WordTableBuilder: Sendable {
    fileprivate var bytes: [UInt8] = []
    fileprivate var ends: [Int32] = []
    fileprivate var hashes: [UInt64] = []
    fileprivate var slots: [Int32]

    init(capacity: Int = 4096) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
    }

    /// Number of words.
    var count: Int { ends.count }

    /// The finished, read-only table.
    func finished() -> WordTable { WordTable(builder: self) }

    /// The id of a word, or `nil` when it is not in the table yet.
    func lookup(_ word: [UInt8]) -> Int32? {
        word.withUnsafeBufferPointer { word in
            bytes.withUnsafeBufferPointer { stored in
                ends.withUnsafeBufferPointer { ends in
                    hashes.withUnsafeBufferPointer { hashes in
                        slots.withUnsafeBufferPointer { slots in
                            WordTable.find(word, bytes: stored, ends: ends, hashes: hashes, slots: slots)
                        }
                    }
                }
            }
        }
    }

    /// The id of a word, adding it when new.
    mutating func insert(_ word: [UInt8]) -> Int32 {
        if let id = lookup(word) { return id }
        if (ends.count + 1) * 2 > slots.count { grow() }
        let id = Int32(ends.count)
        let h = WordTable.hash(word)
        bytes.append(contentsOf: word)
        ends.append(Int32(bytes.count))
        hashes.append(h)
        place(id: id, hash: h)
        return id
    }

    /// The id of a word given as text, adding it when new.
    mutating func insert(_ word: String) -> Int32 { insert(Array(word.utf8)) }

    private mutating func place(id: Int32, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = id
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        for (index, h) in hashes.enumerated() { place(id: Int32(index), hash: h) }
    }
}
