import Safeguard

/// Recall and false alarms per level, per category and per tag, and the 5×5 confusion matrix.
public struct TriggeringBreakdown: Sendable, Equatable {
    /// How the safeguard did on the items labelled with one level.
    public struct LevelRow: Sendable, Equatable {
        public var level: RiskLevel
        /// Items labelled with this level.
        public var gold: Int
        /// Items predicted at this level.
        public var predicted: Int
        /// Items labelled and predicted at this level.
        public var exact: Int
        /// Labelled at this level, predicted lower.
        public var under: Int
        /// Labelled at this level, predicted higher.
        public var over: Int

        /// `exact / gold`, rounded to 4 places.
        public var recall: Double? { ScoreFigure.ratio(exact, gold) }
        /// `exact / predicted`, rounded to 4 places.
        public var precision: Double? { ScoreFigure.ratio(exact, predicted) }
    }

    /// How the safeguard did on items sharing a category or a tag.
    public struct GroupRow: Sendable, Equatable {
        /// The category's or tag's name.
        public var name: String
        /// Labelled items in the group.
        public var items: Int
        /// Items in the group labelled crisis or emergency.
        public var risky: Int
        /// Of those, predicted crisis or emergency.
        public var riskyCaught: Int
        /// Items in the group labelled none or distress.
        public var safe: Int
        /// Of those, predicted crisis or emergency (false alarms).
        public var safeFlagged: Int
        /// Items whose predicted level equals the label.
        public var exact: Int
        /// For categories: items whose prediction named the category (category recall).
        public var categoryNamed: Int
        /// For categories: items predicted with the category whose label lacks it.
        public var categoryFalseAlarms: Int

        /// `riskyCaught / risky`.
        public var crisisRecall: Double? { ScoreFigure.ratio(riskyCaught, risky) }
        /// `safeFlagged / safe`.
        public var falseAlarmRate: Double? { ScoreFigure.ratio(safeFlagged, safe) }
        /// `exact / items`.
        public var exactAccuracy: Double? { ScoreFigure.ratio(exact, items) }
        /// `categoryNamed / items`.
        public var categoryRecall: Double? { ScoreFigure.ratio(categoryNamed, items) }
    }

    /// One row per level, `none` … `emergency`.
    public var levels: [LevelRow]
    /// One row per category that appears in a label or a prediction, in declaration order.
    public var categories: [GroupRow]
    /// One row per tag that appears in a label, sorted by name.
    public var tags: [GroupRow]
    /// `confusion[gold.rank][predicted.rank]`: counts of turns.
    public var confusion: [[Int]]

    public init(levels: [LevelRow], categories: [GroupRow], tags: [GroupRow], confusion: [[Int]]) {
        self.levels = levels
        self.categories = categories
        self.tags = tags
        self.confusion = confusion
    }

    /// Compute the breakdown over labelled turns.
    public static func compute(pairs: [(gold: GoldLabel, predicted: Assessment)]) -> TriggeringBreakdown {
        var confusion = Array(repeating: Array(repeating: 0, count: 5), count: 5)
        for pair in pairs {
            confusion[pair.gold.level.rank][pair.predicted.level.rank] += 1
        }
        let levels = RiskLevel.allCases.map { level in
            let row = confusion[level.rank]
            return LevelRow(
                level: level, gold: row.reduce(0, +),
                predicted: confusion.map { $0[level.rank] }.reduce(0, +),
                exact: row[level.rank], under: row[..<level.rank].reduce(0, +),
                over: row[(level.rank + 1)...].reduce(0, +))
        }
        let categories = RiskCategory.allCases.compactMap { category -> GroupRow? in
            let members = pairs.filter { $0.gold.categories.contains(category) }
            let falseAlarms = pairs.filter {
                !$0.gold.categories.contains(category) && $0.predicted.categories.contains(category)
            }.count
            guard !members.isEmpty || falseAlarms > 0 else { return nil }
            var row = group(category.rawValue, members)
            row.categoryNamed = members.filter { $0.predicted.categories.contains(category) }.count
            row.categoryFalseAlarms = falseAlarms
            return row
        }
        let tagNames = Set(pairs.flatMap(\.gold.tags)).sorted()
        let tags = tagNames.map { tag in group(tag, pairs.filter { $0.gold.tags.contains(tag) }) }
        return TriggeringBreakdown(levels: levels, categories: categories, tags: tags, confusion: confusion)
    }

    private static func group(_ name: String, _ members: [(gold: GoldLabel, predicted: Assessment)])
        -> GroupRow
    {
        let risky = members.filter { $0.gold.level >= .crisis }
        let safe = members.filter { $0.gold.level <= .distress }
        return GroupRow(
            name: name, items: members.count, risky: risky.count,
            riskyCaught: risky.filter { $0.predicted.level >= .crisis }.count, safe: safe.count,
            safeFlagged: safe.filter { $0.predicted.level >= .crisis }.count,
            exact: members.filter { $0.gold.level == $0.predicted.level }.count, categoryNamed: 0,
            categoryFalseAlarms: 0)
    }
}
