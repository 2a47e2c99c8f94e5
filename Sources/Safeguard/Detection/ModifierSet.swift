/// Context modifiers as a bit set (kept in `ContextModifier.allCases` order for output).
struct ModifierSet: Sendable, Equatable {
    var bits: UInt16 = 0

    @inline(__always)
    static func bit(_ modifier: ContextModifier) -> UInt16 {
        switch modifier {
        case .negated: 1
        case .historical: 2
        case .hypothetical: 4
        case .fictional: 8
        case .otherPerson: 16
        case .figurative: 32
        case .quoted: 64
        case .pretext: 128
        case .contextual: 256
        }
    }

    func contains(_ modifier: ContextModifier) -> Bool { bits & Self.bit(modifier) != 0 }
    mutating func insert(_ modifier: ContextModifier) { bits |= Self.bit(modifier) }
    mutating func remove(_ modifier: ContextModifier) { bits &= ~Self.bit(modifier) }
    var isEmpty: Bool { bits == 0 }

    /// The modifiers as an array, in declaration order (none: the empty array, not allocated).
    var all: [ContextModifier] {
        if bits == 0 { return [] }
        return ContextModifier.allCases.filter { contains($0) }
    }
}
