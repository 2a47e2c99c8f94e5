/// Risk categories as a bit set, in the order the rule lists them (first = primary).
struct CategorySet: Sendable, Equatable {
    var bits: UInt16 = 0
    var first: RiskCategory?

    init() {}

    init(_ categories: [RiskCategory]) {
        for category in categories { insert(category) }
    }

    mutating func insert(_ category: RiskCategory) {
        if first == nil { first = category }
        bits |= 1 << UInt16(Self.position(category))
    }

    static func position(_ category: RiskCategory) -> Int { category.position }

    /// Danger from another person: the writer (or the child) is the one at risk from someone.
    static let dangerFromOthers = CategorySet([.abuse, .sexualViolence, .childSafeguarding, .harmToOthers])

    /// Whether the two sets share a category.
    func intersects(_ other: CategorySet) -> Bool { bits & other.bits != 0 }

    /// Whether the set holds `category` (no array built, unlike `all.contains`).
    @inline(__always)
    func contains(_ category: RiskCategory) -> Bool { bits & (1 << UInt16(category.position)) != 0 }

    var isEmpty: Bool { bits == 0 }

    /// Some categories, all of them danger from another person (the encoder's reading given the
    /// topic the turn's own words named: "he's got a knife out" after abuse is told).
    var isDangerFromOthersOnly: Bool { !isEmpty && bits & ~Self.dangerFromOthers.bits == 0 }
}

/// Iterating a set gives its categories in declaration order without building an array (the
/// decision reads them for every message).
extension CategorySet: Sequence {
    struct Iterator: IteratorProtocol {
        var rest: UInt16

        mutating func next() -> RiskCategory? {
            guard rest != 0 else { return nil }
            let category = RiskCategory.ordered[rest.trailingZeroBitCount]
            rest &= rest - 1
            return category
        }
    }

    func makeIterator() -> Iterator { Iterator(rest: bits) }

    var underestimatedCount: Int { bits.nonzeroBitCount }
}
