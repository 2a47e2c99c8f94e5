/// A set of up to 128 word classes (`@pills`, `@kin`, …) a token belongs to.
struct ClassMask: Sendable, Equatable {
    var low: UInt64 = 0
    var high: UInt64 = 0

    static let empty = ClassMask()

    /// Whether the class with this index is in the set.
    @inline(__always)
    func contains(_ index: Int) -> Bool {
        index < 64 ? (low >> UInt64(index)) & 1 == 1 : (high >> UInt64(index - 64)) & 1 == 1
    }

    mutating func insert(_ index: Int) {
        if index < 64 { low |= 1 << UInt64(index) } else { high |= 1 << UInt64(index - 64) }
    }

    static func | (lhs: ClassMask, rhs: ClassMask) -> ClassMask {
        ClassMask(low: lhs.low | rhs.low, high: lhs.high | rhs.high)
    }

    var isEmpty: Bool { low == 0 && high == 0 }
}
