import Foundation

/// Wall-clock time in the UK (Europe/London) for an instant, computed without tzdata.
///
/// British Summer Time (UTC+1) runs from 01:00 UTC on the last Sunday of March to 01:00 UTC
/// on the last Sunday of October; otherwise the UK is on GMT (UTC+0).
public struct UKLocalTime: Sendable, Equatable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var weekday: Weekday
    public var hour: Int
    public var minute: Int
    /// Whether British Summer Time applies at this instant.
    public var isSummerTime: Bool

    /// Minutes since local midnight (0…1439).
    public var minuteOfDay: Int { hour * 60 + minute }

    /// The UK wall-clock time at `date`.
    public init(_ date: Date) {
        let utcSeconds = Int(floor(date.timeIntervalSince1970))
        let summer = UKLocalTime.isSummerTime(utcSeconds: utcSeconds)
        let local = utcSeconds + (summer ? 3600 : 0)
        let days = UKLocalTime.floorDiv(local, 86_400)
        let secondsOfDay = local - days * 86_400
        let civil = UKLocalTime.civilDate(daysSinceEpoch: days)
        year = civil.year
        month = civil.month
        day = civil.day
        weekday = UKLocalTime.weekday(daysSinceEpoch: days)
        hour = secondsOfDay / 3600
        minute = (secondsOfDay % 3600) / 60
        isSummerTime = summer
    }

    /// Whether BST is in force at the given UTC instant.
    public static func isSummerTime(utcSeconds: Int) -> Bool {
        let days = floorDiv(utcSeconds, 86_400)
        let year = civilDate(daysSinceEpoch: days).year
        let start = lastSunday(year: year, month: 3) * 86_400 + 3600
        let end = lastSunday(year: year, month: 10) * 86_400 + 3600
        return utcSeconds >= start && utcSeconds < end
    }

    /// The UTC instant of a UK wall-clock time (for tests and schedules). During the October
    /// repeated hour the first (BST) occurrence is returned; a time in the skipped March hour is
    /// read as GMT.
    public static func date(year: Int, month: Int, day: Int, hour: Int, minute: Int) -> Date {
        let days = daysSinceEpoch(year: year, month: month, day: day)
        let naive = days * 86_400 + hour * 3600 + minute * 60
        let asSummer = naive - 3600
        if isSummerTime(utcSeconds: asSummer) {
            return Date(timeIntervalSince1970: TimeInterval(asSummer))
        }
        return Date(timeIntervalSince1970: TimeInterval(naive))
    }

    // MARK: - Calendar arithmetic (proleptic Gregorian, after H. Hinnant)

    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = floorDiv(y, 400)
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilDate(daysSinceEpoch: Int) -> (year: Int, month: Int, day: Int) {
        let z = daysSinceEpoch + 719_468
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// 1970-01-01 was a Thursday.
    static func weekday(daysSinceEpoch: Int) -> Weekday {
        let index = ((daysSinceEpoch % 7) + 7 + 3) % 7  // 0 = Monday
        return Weekday.allCases[index]
    }

    /// Days since the epoch of the last Sunday of a month.
    static func lastSunday(year: Int, month: Int) -> Int {
        let nextMonthFirst =
            month == 12
            ? daysSinceEpoch(year: year + 1, month: 1, day: 1)
            : daysSinceEpoch(year: year, month: month + 1, day: 1)
        let last = nextMonthFirst - 1
        let mondayBased = Weekday.allCases.firstIndex(of: weekday(daysSinceEpoch: last)) ?? 0
        let sinceSunday = (mondayBased + 1) % 7
        return last - sinceSunday
    }
}
