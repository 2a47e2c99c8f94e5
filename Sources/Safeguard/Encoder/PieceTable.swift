/// The WordPiece vocabulary as a table over its own bytes: piece → id by open addressing on an
/// FNV-1a hash of the piece's UTF-8.
///
/// Built in one pass over `vocab.txt` with no string per line (a `[String: Int32]` of 30,522
/// pieces was a third of a one-message `assess` run), and looked up from bytes, so a candidate
/// piece is never made into a `String`. Pieces compare byte for byte, as the Python reference's
/// tokenizer compares them (a Swift `String` key would also match canonically equivalent
/// spellings).
struct PieceTable: Sendable {
    /// Every line of the vocabulary, back to back.
    private let bytes: [UInt8]
    /// For each distinct piece: where it starts and ends in `bytes`, and its id.
    private let starts: [Int32]
    private let ends: [Int32]
    private let ids: [Int32]
    /// Entry index + 1 per slot, 0 where free; a power of two at least twice the entries.
    private let slots: [Int32]

    /// Number of distinct pieces.
    var count: Int { ids.count }

    /// One piece a line; the line number is its id. Empty lines are skipped (their ids are
    /// kept), a trailing carriage return is not part of the piece, and of two equal pieces the
    /// first keeps its id.
    init<Bytes: Collection<UInt8>>(lines text: Bytes) {
        let bytes = Array(text)
        var starts: [Int32] = []
        var ends: [Int32] = []
        var ids: [Int32] = []
        var capacity = 1024
        while capacity < 2 * (bytes.count / 4 + 1) { capacity *= 2 }
        var slots = [Int32](repeating: 0, count: capacity)
        var line: Int32 = 0
        var start = 0
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while index <= buffer.count {
                guard index == buffer.count || buffer[index] == UInt8(ascii: "\n") else {
                    index += 1
                    continue
                }
                var end = index
                if end > start && buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                // The last line is a piece only when the text does not end with a newline.
                if end > start {
                    let piece = UnsafeBufferPointer(rebasing: buffer[start..<end])
                    if slots.count < 2 * (ids.count + 1) {
                        slots = Self.grown(slots, starts: starts, ends: ends, in: buffer)
                    }
                    let mask = slots.count - 1
                    var slot = Int(Self.hash(piece)) & mask
                    var duplicate = false
                    while slots[slot] != 0 {
                        let entry = Int(slots[slot] - 1)
                        if Self.equal(
                            piece,
                            UnsafeBufferPointer(rebasing: buffer[Int(starts[entry])..<Int(ends[entry])]))
                        {
                            duplicate = true
                            break
                        }
                        slot = (slot + 1) & mask
                    }
                    if !duplicate {
                        starts.append(Int32(start))
                        ends.append(Int32(end))
                        ids.append(line)
                        slots[slot] = Int32(ids.count)
                    }
                }
                line += 1
                index += 1
                start = index
            }
        }
        self.bytes = bytes
        self.starts = starts
        self.ends = ends
        self.ids = ids
        self.slots = slots
    }

    /// The id of `piece` (after `##` when `continuation`), if the vocabulary has it.
    func id(of piece: UnsafeBufferPointer<UInt8>, continuation: Bool = false) -> Int32? {
        let prefixLength = continuation ? 2 : 0
        let hash = Self.mix(Self.fnv1a(piece, from: continuation ? Self.continuationBasis : Self.offsetBasis))
        return bytes.withUnsafeBufferPointer { buffer in
            slots.withUnsafeBufferPointer { slots in
                let mask = slots.count - 1
                var slot = Int(hash) & mask
                while slots[slot] != 0 {
                    let entry = Int(slots[slot] - 1)
                    let start = Int(starts[entry])
                    let end = Int(ends[entry])
                    if end - start == piece.count + prefixLength
                        && (!continuation
                            || (buffer[start] == UInt8(ascii: "#") && buffer[start + 1] == UInt8(ascii: "#")))
                        && Self.equal(
                            piece, UnsafeBufferPointer(rebasing: buffer[(start + prefixLength)..<end]))
                    {
                        return ids[entry]
                    }
                    slot = (slot + 1) & mask
                }
                return nil
            }
        }
    }

    /// The id of a piece given as a string (tests, special tokens).
    func id(of piece: String) -> Int32? {
        var copy = piece
        return copy.withUTF8 { id(of: $0) }
    }

    private static let offsetBasis: UInt32 = 0x811C_9DC5
    private static let prime: UInt32 = 0x0100_0193
    /// FNV-1a's state after `##`: a continuation piece hashes as the line `##piece` does.
    private static let continuationBasis: UInt32 = {
        var h = offsetBasis
        for byte in "##".utf8 { h = (h ^ UInt32(byte)) &* prime }
        return h
    }()

    /// FNV-1a 32-bit of `bytes`, continuing from `hash`.
    @inline(__always)
    private static func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>, from hash: UInt32) -> UInt32 {
        var h = hash
        for byte in bytes { h = (h ^ UInt32(byte)) &* prime }
        return h
    }

    /// FNV's low bits mix poorly for short keys: the high half is folded in before masking.
    @inline(__always)
    private static func mix(_ hash: UInt32) -> UInt32 { hash ^ (hash >> 16) }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        mix(fnv1a(bytes, from: offsetBasis))
    }

    @inline(__always)
    private static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for index in 0..<a.count where a[index] != b[index] { return false }
        return true
    }

    private static func grown(
        _ slots: [Int32], starts: [Int32], ends: [Int32], in buffer: UnsafeBufferPointer<UInt8>
    ) -> [Int32] {
        var bigger = [Int32](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        for entry in 0..<starts.count {
            var slot =
                Int(hash(UnsafeBufferPointer(rebasing: buffer[Int(starts[entry])..<Int(ends[entry])]))) & mask
            while bigger[slot] != 0 { slot = (slot + 1) & mask }
            bigger[slot] = Int32(entry + 1)
        }
        return bigger
    }
}
