import ChatCore
import Foundation
import TerminalUI

/// What the chat shows that people review: the intro text and the services list.
struct ChatResources: Sendable {
    var introText: String
    var services: [ServiceLine]

    /// Shown when `resources/framing/intro.md` cannot be found.
    static let fallbackIntro = """
        # Welcome to Waymark

        Waymark is a peer-support chat: a place to talk things through. It is not a crisis \
        service, a therapist or a doctor, and it can get things wrong.

        If you are in danger now, call 999. You can talk to Samaritans any time, free, on 116 123, \
        or text SHOUT to 85258.

        If something you say suggests you may be at risk, Waymark will say so honestly, show you \
        services that can help, and keep talking with you.

        Your conversation is not saved unless you use /export.
        """

    static func load(nation: HelpStrip.Nation?) -> ChatResources {
        let locator = ResourceLocator.locate()
        var intro = fallbackIntro
        if let locator, let text = try? locator.text("framing/intro.md"),
            !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        {
            intro = text
        }
        return ChatResources(introText: intro, services: loadServices(locator, nation: nation))
    }

    /// Services from `resources/services/directory.json` (confirmed/corroborated facts only),
    /// or the three core services when the directory is not there.
    static func loadServices(_ locator: ResourceLocator?, nation: HelpStrip.Nation?) -> [ServiceLine] {
        guard let locator, let data = try? locator.data("services/directory.json"),
            let file = try? JSONDecoder().decode(DirectoryFile.self, from: data)
        else { return coreServices }
        let trusted: Set<String> = ["confirmed", "corroborated"]
        let lines = file.services.compactMap { service -> ServiceLine? in
            guard let contact = service.mainContact, trusted.contains(contact.status) else { return nil }
            if let nation, let nations = service.nations?.values, !nations.isEmpty,
                !nations.contains(nation.rawValue)
            {
                return nil
            }
            let hours = service.hours.flatMap { trusted.contains($0.status) ? $0.text : nil }.flatMap {
                $0.isEmpty ? nil : $0
            }
            let alwaysOpen =
                service.hours?.schedule?.alwaysOpen == true
                && service.hours.map { trusted.contains($0.status) } == true
            return ServiceLine(
                id: service.id, name: service.name, contact: contact.text, hours: hours,
                openNow: alwaysOpen ? true : nil)
        }
        return lines.isEmpty ? coreServices : lines
    }

    static let coreServices = [
        ServiceLine(
            id: "emergency_999_112", name: "Emergency services", contact: "999 (or 112)", openNow: true),
        ServiceLine(
            id: "samaritans", name: "Samaritans", contact: "116 123", hours: "24/7, free", openNow: true),
        ServiceLine(id: "shout", name: "Shout", contact: "Text SHOUT to 85258", hours: "24/7", openNow: true),
    ]

    private struct DirectoryFile: Decodable {
        var services: [Service]
    }

    private struct Service: Decodable {
        struct Fact: Decodable {
            var text: String
            var status: String
        }
        struct Hours: Decodable {
            struct Schedule: Decodable { var alwaysOpen: Bool? }
            var text: String?
            var status: String
            var schedule: Schedule?
        }
        struct Nations: Decodable { var values: [String] }
        var id: String
        var name: String
        var mainContact: Fact?
        var hours: Hours?
        var nations: Nations?
    }
}
