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

    /// The categories in declaration order.
    var all: [RiskCategory] {
        var result: [RiskCategory] = []
        var rest = bits
        while rest != 0 {
            result.append(RiskCategory.ordered[rest.trailingZeroBitCount])
            rest &= rest - 1
        }
        return result
    }

    var isEmpty: Bool { bits == 0 }
}
