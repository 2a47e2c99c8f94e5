import ChatCore
import Foundation
import Safeguard
import Testing
import WaymarkTesting

/// Plan suggestions come from the directory's crisis route, confirmed numbers only.
@Suite struct SafetyPlanSuggestionsTests {
    let directory: ServiceDirectory

    init() throws {
        directory = try SafeguardResources.loadDirectory(from: RepositoryPaths.locator)
    }

    @Test func englandGetsSamaritansAndShoutWithRealNumbers() {
        let lines = SafetyPlanSuggestions.services(
            directory: directory, settings: PersonSettings(nation: .england))
        #expect(!lines.isEmpty && lines.count <= 4)
        #expect(lines.contains { $0.hasPrefix("Samaritans:") && $0.contains("116 123") })
        #expect(lines.contains { $0.contains("85258") })
        // Every number shown is one the directory displays (never invented).
        let known = directory.displayedNumberDigits
        for line in lines {
            for number in line.split(whereSeparator: { !$0.isNumber && $0 != " " })
            where number.filter(\.isNumber).count >= 5 {
                let digits = number.filter(\.isNumber)
                #expect(known.contains { $0.contains(digits) || digits.contains($0) }, "\(line)")
            }
        }
        // Nothing about being open or closed right now: the plan is kept for later.
        #expect(!lines.contains { $0.contains("closed now") })
    }

    @Test func eachNationGetsItsOwnRoute() {
        let england = SafetyPlanSuggestions.services(
            directory: directory, settings: PersonSettings(nation: .england))
        let scotland = SafetyPlanSuggestions.services(
            directory: directory, settings: PersonSettings(nation: .scotland))
        #expect(!scotland.isEmpty)
        #expect(!scotland.contains { $0.contains("(England)") })
        #expect(england != scotland)
    }

    @Test func limitIsRespected() {
        let lines = SafetyPlanSuggestions.services(
            directory: directory, settings: PersonSettings(nation: .wales), limit: 1)
        #expect(lines.count == 1)
    }
}
