import Foundation
import Testing

@testable import Safeguard

/// Every contact Waymark can show must agree with the researched reference.
@Suite struct DirectoryReferenceTests {
    struct RefChannel: Decodable {
        var kind: String
        var value: String
        var status: String
        var display: Bool?
        var keyword: String?
    }
    struct RefFact: Decodable {
        var status: String
    }
    struct RefService: Decodable {
        var id: String
        var channels: [RefChannel]
        var hours: RefFact
    }

    static let kindMap: [String: String] = [
        "phone": "call", "textphone_relay": "textphone",
    ]

    func reference() throws -> [String: RefService] {
        let url = try #require(TestResources.referenceURL(), "reference uk-services.json not found")
        let list = try JSONDecoder().decode([RefService].self, from: Data(contentsOf: url))
        return Dictionary(uniqueKeysWithValues: list.map { ($0.id, $0) })
    }

    @Test func everyReferenceServiceIsInTheDirectory() throws {
        let reference = try reference()
        let directory = try TestResources.directory()
        #expect(reference.count == 38)
        #expect(Set(directory.services.map(\.id)) == Set(reference.keys))
        #expect(directory.services.allSatisfy { !$0.checked.isEmpty && $0.checked == directory.checked })
    }

    @Test func everyDisplayedContactAgreesWithTheReference() throws {
        let reference = try reference()
        let directory = try TestResources.directory()
        var checked = 0
        for service in directory.services {
            let ref = try #require(reference[service.id])
            for channel in service.displayedChannels {
                let match = ref.channels.first { refChannel in
                    refChannel.value == channel.value
                        && (Self.kindMap[refChannel.kind] ?? refChannel.kind) == channel.kind.rawValue
                        && refChannel.keyword == channel.keyword
                }
                let refChannel = try #require(match, "\(service.id): \(channel.value) not in reference")
                #expect(
                    ["confirmed", "corroborated"].contains(refChannel.status),
                    "\(service.id) \(channel.value)")
                #expect(refChannel.display == true, "\(service.id) \(channel.value) is not for display")
                #expect(refChannel.status == channel.status.rawValue)
                if let dial = channel.dial {
                    #expect(
                        refChannel.value.contains(dial),
                        "\(service.id): dial \(dial) not in \(refChannel.value)")
                    #expect(
                        channel.action.contains(dial) || channel.kind == .text || channel.kind == .silentCall)
                }
                if let keyword = channel.keyword {
                    #expect(channel.action.contains(keyword))
                }
                checked += 1
            }
        }
        #expect(checked > 60)
    }

    @Test func nothingUnverifiedIsDisplayed() throws {
        let directory = try TestResources.directory()
        for service in directory.services {
            for channel in service.channels where channel.status == .unverified {
                #expect(!channel.isDisplayable, "\(service.id) \(channel.value)")
            }
            if !service.hours.status.isVerified {
                #expect(service.hours.schedule == nil)
                #expect(service.hours.displayText.contains("check the website"))
            }
            if !service.cost.status.isVerified { #expect(service.isFree == nil) }
        }
    }

    @Test func hoursScheduleOnlyWhereTheReferenceVerifiesIt() throws {
        let reference = try reference()
        let directory = try TestResources.directory()
        for service in directory.services where service.hours.schedule != nil {
            let ref = try #require(reference[service.id])
            #expect(["confirmed", "corroborated"].contains(ref.hours.status), "\(service.id)")
        }
        // Conflicting hours are not scheduled, even though a status is given.
        #expect(directory.service(id: "saneline")?.hours.schedule == nil)
        #expect(directory.service(id: "the_mix")?.isOpen(at: Date()) == nil)
    }

    @Test func numbersInReviewedTextsAreInTheDirectory() throws {
        let directory = try TestResources.directory()
        let allowed = directory.displayedNumberDigits
        var texts = try TestResources.framing().parts.values.flatMap { $0 }
        let root = TestResources.repoRoot.appendingPathComponent("resources/framing")
        texts.append(try String(contentsOf: root.appendingPathComponent("intro.md"), encoding: .utf8))
        texts.append(try String(contentsOf: root.appendingPathComponent("about.md"), encoding: .utf8))
        for text in texts {
            for run in SentenceReviewer.digitRuns(text) where run.digits.count >= 3 {
                #expect(
                    allowed.contains(run.digits), "\(run.digits) in a reviewed text is not a directory number"
                )
            }
        }
    }

    @Test func nationListingsFollowTheListedNations() throws {
        let directory = try TestResources.directory()
        let ni = Set(directory.services(nation: .northernIreland).map(\.id))
        #expect(ni.contains("lifeline_ni") && ni.contains("samaritans"))
        #expect(!ni.contains("national_domestic_abuse_helpline") && !ni.contains("nhs111_england"))
        let scotlandAbuse = directory.services(nation: .scotland, topic: .sexualViolence).map(\.id)
        #expect(scotlandAbuse.contains("rape_crisis_scotland") && !scotlandAbuse.contains("rape_crisis_ew"))
        let frank = try #require(directory.service(id: "frank"))
        #expect(frank.serves(.england) && !frank.serves(.scotland))  // as listed, though unverified
    }

    @Test func routesNameOnlyKnownServices() throws {
        let directory = try TestResources.directory()
        let routes = directory.routes
        var ids: [String] = routes.perpetrator
        for table in [routes.emergency, routes.crisis, routes.helpingSomeoneElse, routes.distressReminder] {
            ids += table.values.flatMap { $0 }
        }
        ids += routes.crisisYoung.values.flatMap { $0 }
        ids += routes.topics.values.flatMap { $0.values.flatMap { $0 } }
        ids += routes.topicsYoung.values.flatMap { $0.values.flatMap { $0 } }
        for id in ids { #expect(directory.service(id: id) != nil, "\(id)") }
    }
}
