import Foundation
import Testing

@testable import Safeguard

@Suite struct ReferralMatcherTests {
    let directory: ServiceDirectory
    let matcher: ReferralMatcher

    init() throws {
        directory = try TestResources.directory()
        matcher = ReferralMatcher(directory: directory)
    }

    static let bands: [AgeBand?] = [nil] + AgeBand.allCases.map { $0 }
    /// A week of sample times: weekday/weekend, day/evening/night, midnight, and both clock changes.
    static let times: [Date] = {
        var dates: [Date] = []
        for day in 23...29 {  // Mon 23 – Sun 29 November 2026
            for hour in [0, 3, 9, 14, 17, 21, 23] { dates.append(TestResources.uk(2026, 11, day, hour)) }
        }
        dates.append(TestResources.uk(2026, 3, 29, 0, 30))
        dates.append(TestResources.uk(2026, 3, 29, 3, 0))
        dates.append(TestResources.uk(2026, 10, 25, 1, 30))
        dates.append(TestResources.uk(2026, 10, 25, 17, 30))
        dates.append(TestResources.uk(2026, 7, 1, 23, 59))
        return dates
    }()

    func crisis(_ categories: [RiskCategory] = [.suicide], subject: Subject = .speaker) -> Assessment {
        Assessment(level: .crisis, categories: categories, subject: subject)
    }

    func boundary(_ category: RiskCategory, subject: Subject = .speaker) -> Assessment {
        Assessment(level: .boundary, categories: [category], subject: subject)
    }

    @Test func emergencyLeadsWith999AndOffersAandE() throws {
        for nation in Nation.allCases {
            for subject in [Subject.speaker, .other] {
                let referral = try #require(
                    matcher.referral(
                        for: Assessment(level: .emergency, categories: [.suicide], subject: subject),
                        settings: PersonSettings(nation: nation), now: TestResources.uk(2026, 11, 24, 3)))
                #expect(referral.firstStep.serviceID == "emergency_999_112")
                #expect(referral.firstStep.channels.first?.dial == "999")
                #expect(referral.alternatives.map(\.serviceID).contains("a_and_e"))
            }
        }
    }

    @Test func crisisAcrossNationsAgesAndTimes() throws {
        for nation in Nation.allCases {
            for band in Self.bands {
                for now in Self.times {
                    let settings = PersonSettings(nation: nation, ageBand: band)
                    let referral = try #require(matcher.referral(for: crisis(), settings: settings, now: now))
                    let context = "\(nation) \(band?.rawValue ?? "-") \(UKLocalTime(now))"
                    #expect(referral.alternatives.count <= 2, "\(context)")
                    #expect(referral.firstStep.isOpenNow == true, "first step must be open: \(context)")
                    let first = try #require(directory.service(id: referral.firstStep.serviceID))
                    #expect(first.hours.isAlwaysOpen, "24/7 first at crisis: \(context)")
                    #expect(referral.offers.contains { $0.hasTextOption }, "text option: \(context)")
                    for offer in referral.offers {
                        let service = try #require(directory.service(id: offer.serviceID))
                        #expect(
                            service.serves(nation) && service.accepts(band), "\(offer.serviceID) \(context)")
                        #expect(!offer.channels.isEmpty)
                        #expect(offer.channels.allSatisfy { $0.isDisplayable })
                    }
                    let ids = referral.serviceIDs
                    if nation == .northernIreland {
                        #expect(!ids.contains("nhs111_england") && !ids.contains("nhs111_wales_press2"))
                        if band == nil || band == .from35 { #expect(ids.first == "lifeline_ni") }
                    }
                    switch band {
                    case .under19: #expect(ids.first == "childline", "\(context)")
                    case .from19To24, .from25To34: #expect(ids.first == "papyrus_hopeline247", "\(context)")
                    case .from35, nil:
                        #expect(
                            !ids.contains("childline") && !ids.contains("papyrus_hopeline247"), "\(context)")
                    }
                }
            }
        }
    }

    @Test func nationRoutesForAdultsInCrisis() throws {
        let now = TestResources.uk(2026, 11, 24, 14)
        func ids(_ nation: Nation) throws -> [String] {
            try #require(matcher.referral(for: crisis(), settings: PersonSettings(nation: nation), now: now))
                .serviceIDs
        }
        #expect(try ids(.england) == ["samaritans", "shout", "nhs111_england"])
        #expect(try ids(.wales) == ["samaritans", "shout", "nhs111_wales_press2"])
        #expect(try ids(.scotland).contains("nhs24_111_scotland"))
        #expect(try ids(.northernIreland) == ["lifeline_ni", "shout", "samaritans"])
        let england = try #require(
            matcher.referral(for: crisis(), settings: PersonSettings(nation: .england), now: now))
        #expect(
            england.alternatives.last?.channels.first?.action
                == "Call 111 and choose the mental health option (option 2)")
        let wales = try #require(
            matcher.referral(for: crisis(), settings: PersonSettings(nation: .wales), now: now))
        #expect(wales.alternatives.last?.channels.first?.action == "Call 111 and press 2")
        #expect(england.firstStep.channels.allSatisfy { $0.label?.contains("Welsh") != true })
    }

    @Test func topicServicesForBoundaryCategories() throws {
        let weekdayAfternoon = TestResources.uk(2026, 11, 24, 16)
        let england = PersonSettings(nation: .england)
        func first(
            _ category: RiskCategory, _ settings: PersonSettings = PersonSettings(nation: .england),
            at now: Date? = nil, subject: Subject = .speaker
        ) throws -> Referral {
            try #require(
                matcher.referral(
                    for: boundary(category, subject: subject), settings: settings,
                    now: now ?? weekdayAfternoon))
        }
        #expect(try first(.abuse).firstStep.serviceID == "national_domestic_abuse_helpline")
        #expect(
            try first(.abuse, PersonSettings(nation: .scotland)).serviceIDs.contains(
                "national_domestic_abuse_helpline") == false)
        #expect(try first(.sexualViolence).firstStep.serviceID == "rape_crisis_ew")
        #expect(
            try first(.sexualViolence, PersonSettings(nation: .wales)).firstStep.serviceID == "rape_crisis_ew"
        )
        #expect(try first(.substance).firstStep.serviceID == "frank")
        #expect(try first(.bereavement).firstStep.serviceID == "cruse")
        #expect(try first(.psychosis).firstStep.serviceID == "nhs111_england")
        #expect(
            try first(.psychosis, PersonSettings(nation: .northernIreland)).firstStep.serviceID
                == "lifeline_ni")
        #expect(try first(.childSafeguarding).firstStep.serviceID == "nspcc_helpline")
        #expect(
            try first(.childSafeguarding, PersonSettings(nation: .england, ageBand: .under19)).firstStep
                .serviceID
                == "childline")
        #expect(
            try first(.abuse, PersonSettings(nation: .wales, ageBand: .under19)).firstStep.serviceID
                == "childline")
        #expect(try first(.harmToOthers).firstStep.serviceID == "nhs111_england")
        _ = england
    }

    @Test func sexualViolenceInScotlandFollowsTheHelplineHours() throws {
        let scotland = PersonSettings(nation: .scotland)
        let evening = try #require(
            matcher.referral(
                for: boundary(.sexualViolence), settings: scotland, now: TestResources.uk(2026, 11, 24, 20)))
        #expect(evening.firstStep.serviceID == "rape_crisis_scotland")
        let morning = try #require(
            matcher.referral(
                for: boundary(.sexualViolence), settings: scotland, now: TestResources.uk(2026, 11, 24, 10)))
        #expect(morning.firstStep.serviceID != "rape_crisis_scotland")
        let closed = try #require(morning.alternatives.first { $0.serviceID == "rape_crisis_scotland" })
        #expect(closed.isOpenNow == false)
        #expect(!morning.serviceIDs.contains("rape_crisis_ew"))
    }

    @Test func eatingDisordersUseBeatWithTheNationsNumber() throws {
        let tuesday = TestResources.uk(2026, 11, 24, 16)
        let expected: [Nation: String] = [
            .england: "0808 801 0677", .scotland: "0808 801 0432", .wales: "0808 801 0433",
            .northernIreland: "0808 801 0434",
        ]
        for (nation, number) in expected {
            let referral = try #require(
                matcher.referral(
                    for: boundary(.eatingDisorder), settings: PersonSettings(nation: nation), now: tuesday))
            #expect(referral.firstStep.serviceID == "beat")
            let calls = referral.firstStep.channels.filter { $0.kind == .call }
            #expect(calls.map(\.dial) == [number])
        }
        // Saturday: Beat is closed, so it is not the first step but is still offered.
        let saturday = try #require(
            matcher.referral(
                for: boundary(.eatingDisorder), settings: PersonSettings(nation: .england),
                now: TestResources.uk(2026, 11, 28, 16)))
        #expect(saturday.firstStep.serviceID != "beat")
        #expect(saturday.alternatives.contains { $0.serviceID == "beat" && $0.isOpenNow == false })
    }

    @Test func childSafeguardingAtNightLeadsWithWhatIsOpen() throws {
        let night = TestResources.uk(2026, 11, 24, 23, 30)
        let referral = try #require(
            matcher.referral(
                for: boundary(.childSafeguarding), settings: PersonSettings(nation: .england), now: night))
        // The phone line is closed, but the email and online form are open any time.
        #expect(referral.firstStep.serviceID == "nspcc_helpline")
        #expect(referral.firstStep.isOpenNow == true)
        #expect(referral.firstStep.channels.allSatisfy { $0.kind != .call })
        let day = try #require(
            matcher.referral(
                for: boundary(.childSafeguarding), settings: PersonSettings(nation: .england),
                now: TestResources.uk(2026, 11, 24, 11)))
        #expect(day.firstStep.channels.first?.kind == .call)
    }

    @Test func crisisAlwaysOffersAnSMSTextOption() throws {
        for nation in Nation.allCases {
            for band in Self.bands {
                for subject in [Subject.speaker, .other] {
                    let referral = try #require(
                        matcher.referral(
                            for: crisis(subject: subject),
                            settings: PersonSettings(nation: nation, ageBand: band),
                            now: TestResources.uk(2026, 11, 24, 3)))
                    #expect(
                        referral.offers.contains { $0.channels.contains { $0.kind == .text } },
                        "\(nation) \(band?.rawValue ?? "-") \(subject)")
                }
            }
        }
    }

    @Test func substanceOutsideEnglandDoesNotOfferAnEnglandOnlyService() throws {
        let scotland = try #require(
            matcher.referral(
                for: boundary(.substance), settings: PersonSettings(nation: .scotland, ageBand: .from35),
                now: TestResources.uk(2026, 11, 24, 11)))
        #expect(!scotland.serviceIDs.contains("frank"))
        #expect(!scotland.serviceIDs.contains("the_mix"))
        let young = try #require(
            matcher.referral(
                for: boundary(.substance), settings: PersonSettings(nation: .wales, ageBand: .from19To24),
                now: TestResources.uk(2026, 11, 24, 11)))
        #expect(young.firstStep.serviceID == "the_mix")
    }

    @Test func helpingSomeoneElseGetsServicesForHelpers() throws {
        for nation in Nation.allCases {
            for now in Self.times {
                for band in Self.bands {
                    let referral = try #require(
                        matcher.referral(
                            for: crisis(subject: .other),
                            settings: PersonSettings(nation: nation, ageBand: band),
                            now: now))
                    for id in referral.serviceIDs {
                        #expect(directory.service(id: id)?.forHelpers == true, "\(id) for \(nation)")
                    }
                    #expect(referral.firstStep.isOpenNow == true)
                }
            }
        }
        let england = try #require(
            matcher.referral(
                for: crisis(subject: .other), settings: PersonSettings(nation: .england),
                now: TestResources.uk(2026, 11, 24, 12)))
        #expect(england.firstStep.serviceID == "nhs111_england")
        #expect(england.serviceIDs.contains("papyrus_hopeline247"))
    }

    @Test func closedServicesAreNeverTheFirstStep() throws {
        let levels: [RiskLevel] = [.distress, .boundary, .crisis, .emergency]
        for level in levels {
            for category in RiskCategory.allCases {
                for nation in Nation.allCases {
                    for now in Self.times {
                        let assessment = Assessment(level: level, categories: [category], subject: .speaker)
                        guard
                            let referral = matcher.referral(
                                for: assessment, settings: PersonSettings(nation: nation), now: now)
                        else {
                            Issue.record("no referral for \(level) \(category) \(nation)")
                            continue
                        }
                        #expect(referral.firstStep.isOpenNow != false, "\(level) \(category) \(nation)")
                        #expect(referral.alternatives.count <= 2)
                        #expect(Set(referral.serviceIDs).count == referral.serviceIDs.count)
                    }
                }
            }
        }
    }

    @Test func noReferralWhenNothingIsWrong() {
        #expect(matcher.referral(for: .clear, settings: PersonSettings(), now: Date()) == nil)
    }
}
