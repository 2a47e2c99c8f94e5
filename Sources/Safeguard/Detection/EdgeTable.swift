/// An open-addressing hash map from a trie edge (node, word id) packed in a `UInt64` to the
/// child node, with a cheap multiplicative hash (the standard `Dictionary` hashes with SipHash,
/// which is most of the cost of a lookup on this path).
struct EdgeTable: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0

    /// Marks an empty slot (no real key has every bit set: node ids are far below 2^32 - 1).
    private static let empty = UInt64.max

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: Self.empty, count: size)
        values = Array(repeating: -1, count: size)
        mask = size - 1
    }

    @inline(__always)
    private static func slot(_ key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The child for an edge, if any.
    @inline(__always)
    subscript(key: UInt64) -> Int32? {
        var slot = Self.slot(key, mask: mask)
        while true {
            let stored = keys[slot]
            if stored == key { return values[slot] }
            if stored == Self.empty { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// Adds or replaces an edge.
    mutating func set(_ key: UInt64, _ value: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        var slot = Self.slot(key, mask: mask)
        while keys[slot] != Self.empty && keys[slot] != key { slot = (slot + 1) & mask }
        if keys[slot] == Self.empty { count += 1 }
        keys[slot] = key
        values[slot] = value
    }

    /// Every key (for building derived tables).
    var allKeys: [UInt64] { keys.filter { $0 != Self.empty } }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        let size = keys.count * 2
        keys = Array(repeating: Self.empty, count: size)
        values = Array(repeating: -1, count: size)
        mask = size - 1
        count = 0
        for (index, key) in oldKeys.enumerated() where key != Self.empty { set(key, oldValues[index]) }
    }
}
