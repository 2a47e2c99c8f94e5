import Foundation

/// When a service (or one of its channels) is open, as text and, where the fact is verified and
/// clear, as a weekly schedule in UK local time.
public struct OpeningHours: Sendable, Equatable, Codable {
    /// One opening period on the given days; `close` ≤ `open` means it runs past midnight.
    public struct Period: Sendable, Equatable, Codable {
        public var days: [Weekday]
        /// "HH:MM" in UK local time.
        public var open: String
        /// "HH:MM" in UK local time; "24:00" is midnight at the end of the day.
        public var close: String

        public init(days: [Weekday], open: String, close: String) {
            self.days = days
            self.open = open
            self.close = close
        }
    }

    /// A machine-readable weekly schedule.
    public struct Schedule: Sendable, Equatable, Codable {
        public var alwaysOpen: Bool?
        public var periods: [Period]?

        public init(alwaysOpen: Bool? = nil, periods: [Period]? = nil) {
            self.alwaysOpen = alwaysOpen
            self.periods = periods
        }
    }

    /// The hours as the reference words them (may be `nil` when unknown).
    public var text: String?
    public var status: FactStatus
    /// Present only when the hours are verified and could be read with certainty.
    public var schedule: Schedule?
    /// Why there is no schedule, or a caveat from the reference.
    public var note: String?

    public init(text: String?, status: FactStatus, schedule: Schedule? = nil, note: String? = nil) {
        self.text = text
        self.status = status
        self.schedule = schedule
        self.note = note
    }

    /// Open at all hours.
    public static let alwaysOpen = OpeningHours(
        text: "24/7", status: .confirmed, schedule: Schedule(alwaysOpen: true))

    /// Whether the hours are known to be round the clock.
    public var isAlwaysOpen: Bool {
        status.isVerified && schedule?.alwaysOpen == true
    }

    /// What to show people: the verified hours, or "hours not confirmed: check the website".
    public var displayText: String {
        if status.isVerified, schedule != nil, let text { return text }
        return "hours not confirmed: check the website"
    }

    /// Whether open at `date` in UK time; `nil` when the hours are not known well enough.
    public func isOpen(at date: Date) -> Bool? {
        guard status.isVerified, let schedule else { return nil }
        if schedule.alwaysOpen == true { return true }
        guard let periods = schedule.periods, !periods.isEmpty else { return nil }
        let local = UKLocalTime(date)
        let now = local.minuteOfDay
        for period in periods {
            guard let open = Self.minutes(period.open), let close = Self.minutes(period.close) else {
                return nil
            }
            if close > open {
                if period.days.contains(local.weekday), now >= open, now < close { return true }
            } else {
                if period.days.contains(local.weekday), now >= open { return true }
                if period.days.contains(local.weekday.previous), now < close { return true }
            }
        }
        return false
    }

    static func minutes(_ clock: String) -> Int? {
        let parts = clock.split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]),
            (0...24).contains(hour), (0..<60).contains(minute), hour * 60 + minute <= 1440
        else { return nil }
        return hour * 60 + minute
    }
}
