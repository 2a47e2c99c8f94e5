import Foundation
import Safeguard
import Testing

/// What people read about a service is written for them (`resources/services/display.json`):
/// no researchers' notes, no stray menu fragments, and a second contact that reads as a
/// sentence (issue 15, bug 5).
@Suite struct DirectoryDisplayTextTests {
    /// Research wording that must never reach people.
    static let researchNotes = [
        "as of", "per leaflet", "per two sources", "since 20", "launched 20", "planned in", "launch)",
        "historically", "unverified",
    ]

    /// Every text a person sees for each service: its listing lines, hours, audience and the
    /// "how to reach" phrase cards and the F2 panel use.
    static func shownTexts() throws -> [(id: String, text: String)] {
        let directory = try TestResources.directory()
        let matcher = ReferralMatcher(directory: directory)
        var texts: [(String, String)] = []
        for service in directory.services {
            for channel in service.displayedChannels {
                texts.append((service.id, channel.action))
                if let label = channel.label { texts.append((service.id, label)) }
            }
            texts.append((service.id, service.hours.displayText))
            if service.audience.status.isVerified, let audience = service.audience.text {
                texts.append((service.id, audience))
            }
            for nation in Nation.allCases {
                if let offer = matcher.offer(
                    serviceID: service.id, settings: PersonSettings(nation: nation), now: Date())
                {
                    texts.append((service.id, offer.howToReach))
                }
            }
        }
        return texts
    }

    @Test func noResearchNotesReachPeople() throws {
        for (id, text) in try Self.shownTexts() {
            for note in Self.researchNotes {
                #expect(!text.lowercased().contains(note), "\(id): \(text)")
            }
        }
    }

    @Test func everyContactIsAnInstructionNotAFragment() throws {
        let directory = try TestResources.directory()
        for service in directory.services {
            for channel in service.displayedChannels {
                #expect(channel.action.split(separator: " ").count >= 2, "\(service.id): \(channel.action)")
                // A menu choice on its own ("Option 2") belongs in the call's instruction.
                #expect(!channel.action.hasPrefix("Option "), "\(service.id): \(channel.action)")
            }
        }
    }

    @Test func theSecondContactKeepsItsNamesCapitalised() throws {
        for (id, text) in try Self.shownTexts() where text.contains(" or ") {
            for name in ["Hope", "Stay Alive", "Childline", "Op COURAGE"] where text.contains(name) {
                #expect(
                    !text.contains(" or \(name.prefix(1).lowercased())\(name.dropFirst())"), "\(id): \(text)")
            }
            #expect(!text.contains(" or hub of"), "\(id): \(text)")
            #expect(!text.contains(" or stay Alive"), "\(id): \(text)")
        }
    }
}
