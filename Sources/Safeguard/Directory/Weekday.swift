/// A day of the week, as used in opening-hours schedules.
public enum Weekday: String, Sendable, Codable, CaseIterable, Equatable, Hashable {
    case mon, tue, wed, thu, fri, sat, sun

    /// The day before this one.
    public var previous: Weekday {
        let all = Weekday.allCases
        let index = all.firstIndex(of: self) ?? 0
        return all[(index + all.count - 1) % all.count]
    }
}
