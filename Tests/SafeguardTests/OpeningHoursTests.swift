import Foundation
import Testing

@testable import Safeguard

@Suite struct OpeningHoursTests {
    func utc(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int = 0, _ s: Int = 0) -> Date {
        let days = UKLocalTime.daysSinceEpoch(year: y, month: mo, day: d)
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + h * 3600 + mi * 60 + s))
    }

    @Test func springForwardAtOneUTCOnTheLastSundayOfMarch() {
        // 2026: last Sunday of March is the 29th.
        let before = UKLocalTime(utc(2026, 3, 29, 0, 59, 59))
        #expect(!before.isSummerTime && before.hour == 0 && before.minute == 59)
        let after = UKLocalTime(utc(2026, 3, 29, 1, 0, 0))
        #expect(after.isSummerTime && after.hour == 2 && after.minute == 0)
        #expect(after.weekday == .sun)
        #expect(!UKLocalTime(utc(2026, 3, 22, 12)).isSummerTime)
    }

    @Test func fallBackAtOneUTCOnTheLastSundayOfOctober() {
        // 2026: last Sunday of October is the 25th.
        let before = UKLocalTime(utc(2026, 10, 25, 0, 59))
        #expect(before.isSummerTime && before.hour == 1 && before.minute == 59)
        let after = UKLocalTime(utc(2026, 10, 25, 1, 0))
        #expect(!after.isSummerTime && after.hour == 1 && after.minute == 0)
        #expect(UKLocalTime(utc(2027, 10, 31, 0, 30)).isSummerTime)  // 2027: the 31st
        #expect(!UKLocalTime(utc(2027, 10, 31, 1, 30)).isSummerTime)
    }

    @Test func weekdaysAndDatesAcrossMidnight() {
        let t = UKLocalTime(utc(2026, 7, 4, 23, 30))  // Sat 23:30 UTC = Sun 00:30 BST
        #expect(t.weekday == .sun && t.day == 5 && t.hour == 0 && t.minute == 30)
        let w = UKLocalTime(utc(2026, 1, 1, 0, 0))
        #expect(w.weekday == .thu && w.year == 2026 && w.month == 1 && w.day == 1)
        let leap = UKLocalTime(utc(2028, 2, 29, 12))
        #expect(leap.month == 2 && leap.day == 29 && leap.weekday == .tue)
    }

    @Test func agreesWithTheSystemTimeZoneDatabaseWhenAvailable() throws {
        guard let london = TimeZone(identifier: "Europe/London") else { return }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = london
        var date = utc(2025, 1, 1, 0, 30)
        let end = utc(2028, 1, 1, 0)
        while date < end {
            let ours = UKLocalTime(date)
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
            #expect(parts.hour == ours.hour && parts.day == ours.day && parts.month == ours.month, "\(date)")
            date += 3600 * 7 + 60 * 13
        }
    }

    @Test func localDateRoundTrips() {
        let date = TestResources.uk(2026, 6, 15, 9, 30)
        let t = UKLocalTime(date)
        #expect(t.hour == 9 && t.minute == 30 && t.isSummerTime)
        let winter = TestResources.uk(2026, 12, 15, 9, 30)
        #expect(UKLocalTime(winter).hour == 9)
    }

    @Test func eveningServiceOpensAndClosesInUKTime() throws {
        let calm = try #require(try TestResources.directory().service(id: "calm"))
        // 5pm–midnight every day.
        #expect(calm.isOpen(at: TestResources.uk(2026, 1, 14, 16, 59)) == false)
        #expect(calm.isOpen(at: TestResources.uk(2026, 1, 14, 17, 0)) == true)
        #expect(calm.isOpen(at: TestResources.uk(2026, 1, 14, 23, 59)) == true)
        #expect(calm.isOpen(at: TestResources.uk(2026, 1, 15, 0, 0)) == false)
        // 16:30 UTC is 17:30 in summer (open) but 16:30 in winter (closed).
        #expect(calm.isOpen(at: utc(2026, 7, 14, 16, 30)) == true)
        #expect(calm.isOpen(at: utc(2026, 1, 14, 16, 30)) == false)
        // On the changeover days.
        #expect(calm.isOpen(at: utc(2026, 3, 29, 16, 30)) == true)
        #expect(calm.isOpen(at: utc(2026, 10, 25, 16, 30)) == false)
    }

    @Test func overnightAndWeekendScheduleRunsPastMidnight() throws {
        let space = try #require(try TestResources.directory().service(id: "breathing_space"))
        // 2026-11-23 is a Monday. Mon–Thu 6pm–2am; Fri 6pm – Mon 6am.
        #expect(space.isOpen(at: TestResources.uk(2026, 11, 23, 1, 0)) == true)  // Sunday night
        #expect(space.isOpen(at: TestResources.uk(2026, 11, 23, 7, 0)) == false)
        #expect(space.isOpen(at: TestResources.uk(2026, 11, 23, 19, 0)) == true)
        #expect(space.isOpen(at: TestResources.uk(2026, 11, 24, 1, 30)) == true)  // Mon night
        #expect(space.isOpen(at: TestResources.uk(2026, 11, 24, 2, 30)) == false)
        #expect(space.isOpen(at: TestResources.uk(2026, 11, 27, 1, 30)) == true)  // Thu night
        #expect(space.isOpen(at: TestResources.uk(2026, 11, 27, 12, 0)) == false)  // Fri noon
        #expect(space.isOpen(at: TestResources.uk(2026, 11, 28, 12, 0)) == true)  // Sat noon
        #expect(space.isOpen(at: TestResources.uk(2026, 11, 29, 23, 0)) == true)  // Sun night
    }

    @Test func weekdayOnlyServiceIsClosedAtWeekends() throws {
        let beat = try #require(try TestResources.directory().service(id: "beat"))
        #expect(beat.isOpen(at: TestResources.uk(2026, 11, 24, 16, 0)) == true)  // Tue
        #expect(beat.isOpen(at: TestResources.uk(2026, 11, 24, 20, 0)) == false)
        #expect(beat.isOpen(at: TestResources.uk(2026, 11, 28, 16, 0)) == false)  // Sat
        let nspcc = try #require(try TestResources.directory().service(id: "nspcc_helpline"))
        #expect(nspcc.isOpen(at: TestResources.uk(2026, 11, 28, 8, 30)) == false)  // Sat before 9
        #expect(nspcc.isOpen(at: TestResources.uk(2026, 11, 27, 8, 30)) == true)  // Fri
        let form = try #require(nspcc.displayedChannels.first { $0.kind == .web })
        #expect(nspcc.isOpen(form, at: TestResources.uk(2026, 11, 28, 3, 0)) == true)
    }

    @Test func unknownHoursAreNeverReportedOpenOrClosed() throws {
        let directory = try TestResources.directory()
        for id in ["the_mix", "cruse", "mens_advice_line", "nhs24_111_scotland", "saneline"] {
            let service = try #require(directory.service(id: id))
            #expect(service.isOpen(at: TestResources.uk(2026, 11, 24, 12)) == nil, "\(id)")
        }
    }
}
