import ChatCore
import Safeguard
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
        // The intro says which nation's services are shown, and how to change it.
        intro = intro.replacingOccurrences(of: "{nation}", with: (nation ?? .england).displayName)
        return ChatResources(introText: intro, services: loadServices(locator, nation: nation))
    }

    /// The directory's services for the person's nation as the safeguard would offer them
    /// (confirmed/corroborated contacts only, hours and open-now in UK time), or the three core
    /// services when the directory is not there.
    static func loadServices(_ locator: ResourceLocator?, nation: Nation?, now: Date = Date())
        -> [ServiceLine]
    {
        guard let locator, let directory = try? SafeguardResources.loadDirectory(from: locator) else {
            return coreServices
        }
        let matcher = ReferralMatcher(directory: directory)
        let settings = PersonSettings(nation: nation ?? .england)
        let lines = directory.services(nation: nation).compactMap { service -> ServiceLine? in
            guard let offer = matcher.offer(serviceID: service.id, settings: settings, now: now),
                !offer.channels.isEmpty
            else { return nil }
            return ServiceLine(
                id: service.id, name: service.name, contact: offer.howToReach, hours: offer.hoursText,
                openNow: offer.isOpenNow)
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
}
