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

    static func position(_ category: RiskCategory) -> Int {
        RiskCategory.allCases.firstIndex(of: category) ?? 0
    }

    /// The categories in declaration order.
    var all: [RiskCategory] {
        RiskCategory.allCases.enumerated().compactMap {
            bits & (1 << UInt16($0.offset)) != 0 ? $0.element : nil
        }
    }

    var isEmpty: Bool { bits == 0 }
}
