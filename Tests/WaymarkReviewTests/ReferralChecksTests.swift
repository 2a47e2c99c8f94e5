import Safeguard
import Testing

@testable import WaymarkReview

@Suite struct ReferralChecksTests {
    private func run(_ records: [TurnRecord]) throws -> [String: ReviewCheck] {
        let checks = ReferralChecks.run(records, audience: try ReviewTestSupport.reference().audience)
        return Dictionary(uniqueKeysWithValues: checks.map { ($0.id, $0) })
    }

    @Test func emergencyNeeds999First() throws {
        let good = TurnRecord(
            itemID: "e1", turn: 1, text: "…",
            assessment: Assessment(level: .emergency, categories: [.suicide]),
            safeguardKind: "emergency", services: ["emergency_999_112", "samaritans"], firstStepOpenNow: true)
        let bad = TurnRecord(
            itemID: "e2", turn: 1, text: "…",
            assessment: Assessment(level: .emergency, categories: [.suicide]),
            safeguardKind: "emergency", services: ["samaritans", "emergency_999_112"], firstStepOpenNow: true)
        let checks = try run([good, bad])
        let first = try #require(checks["referral.right_first_step"])
        #expect(first.passed == 1 && first.failures.map(\.itemID) == ["e2"])
    }

    @Test func nationAgeTextAndCountAreChecked() throws {
        // Scotland, 35+: the English domestic abuse helpline and Childline do not fit.
        let record = TurnRecord(
            itemID: "n1", turn: 1, text: "…", assessment: Assessment(level: .crisis, categories: [.suicide]),
            safeguardKind: "fullReferral",
            services: ["samaritans", "national_domestic_abuse_helpline", "childline", "cruse"],
            firstStepOpenNow: false, nation: "scotland", ageBand: "35+")
        let checks = try run([record])
        #expect(checks["referral.right_first_step"]?.passed == 1)
        let fits = try #require(checks["referral.nation_and_age"])
        #expect(fits.failed == 1)
        let detail = fits.failures.first?.detail ?? ""
        #expect(detail.contains("national_domestic_abuse_helpline") && detail.contains("childline"))
        #expect(detail.contains("cruse"))  // Cruse is England, Wales and Northern Ireland only
        #expect(checks["referral.at_most_three"]?.failed == 1)
        #expect(checks["referral.text_option"]?.failed == 1)
        #expect(checks["referral.first_step_open"]?.failed == 1)
    }

    @Test func boundaryTopicsNeedTheSpecialistAndUnknownIdsFail() throws {
        let eating = TurnRecord(
            itemID: "b1", turn: 1, text: "…",
            assessment: Assessment(level: .boundary, categories: [.eatingDisorder]),
            safeguardKind: "brief", services: ["beat", "shout"], firstStepOpenNow: nil, nation: "wales")
        let wrong = TurnRecord(
            itemID: "b2", turn: 1, text: "…",
            assessment: Assessment(level: .boundary, categories: [.eatingDisorder]),
            safeguardKind: "brief", services: ["samaritans", "us_988"], nation: "wales")
        let checks = try run([eating, wrong])
        #expect(checks["referral.right_first_step"]?.failures.map(\.itemID) == ["b2"])
        #expect(checks["referral.known_services"]?.failures.first?.detail.contains("us_988") == true)
        #expect(checks["referral.first_step_open"]?.checked == 0)  // unknown opening is not counted
        #expect(checks["referral.text_option"]?.checked == 0)  // boundary, not crisis
    }

    /// At night the specialist is closed: a 24/7 service first, the specialist after it, is right;
    /// the 24/7 service without the specialist is not.
    @Test func anOpenServiceBeforeAClosedSpecialistIsRight() throws {
        let night = TurnRecord(
            itemID: "n1", turn: 1, text: "…",
            assessment: Assessment(level: .boundary, categories: [.eatingDisorder]),
            safeguardKind: "fullReferral", services: ["shout", "beat", "samaritans"], firstStepOpenNow: true)
        let missing = TurnRecord(
            itemID: "n2", turn: 1, text: "…",
            assessment: Assessment(level: .boundary, categories: [.eatingDisorder]),
            safeguardKind: "fullReferral", services: ["shout", "samaritans"], firstStepOpenNow: true)
        let checks = try run([night, missing])
        #expect(checks["referral.right_first_step"]?.failures.map(\.itemID) == ["n2"])
    }

    @Test func crisisWithNoServiceFails() throws {
        let record = TurnRecord(
            itemID: "x", turn: 1, text: "…", assessment: Assessment(level: .crisis, categories: [.selfHarm]))
        let checks = try run([record])
        #expect(checks["referral.right_first_step"]?.failed == 1)
    }

    @Test func youngPeopleGetYoungPeoplesServices() throws {
        let audience = try ReviewTestSupport.reference().audience
        #expect(audience.fits("childline", nation: "england", ageBand: "under-19"))
        #expect(!audience.fits("childline", nation: "england", ageBand: "19-24"))
        #expect(audience.fits("papyrus_hopeline247", nation: "wales", ageBand: "25-34"))
        #expect(!audience.fits("papyrus_hopeline247", nation: "wales", ageBand: "35+"))
        #expect(!audience.fits("rape_crisis_ew", nation: "england", ageBand: "under-19"))
        #expect(!audience.fits("lifeline_ni", nation: "england", ageBand: nil))
    }
}
