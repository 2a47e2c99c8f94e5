import Foundation
import Safeguard

/// Services to suggest in the plan's "professionals and services" section, as display strings
/// built from the reviewed directory (confirmed or corroborated contacts only, via the
/// referral matcher), for the person's nation.
public enum SafetyPlanSuggestions {
    /// Up to `limit` suggestions from the nation's crisis route, e.g.
    /// "Samaritans: call 116 123 (free, 24/7)". Never says whether a service is open now:
    /// the plan is kept for later.
    public static func services(
        directory: ServiceDirectory, settings: PersonSettings, now: Date = Date(), limit: Int = 4
    ) -> [String] {
        let matcher = ReferralMatcher(directory: directory)
        let ids = ReferralRoutes.list(directory.routes.crisis, for: settings.nation)
        var seen: Set<String> = []
        var lines: [String] = []
        for id in ids where seen.insert(id).inserted {
            guard let offer = matcher.offer(serviceID: id, settings: settings, now: now),
                !offer.channels.isEmpty
            else { continue }
            var facts: [String] = []
            if offer.isFree == true { facts.append("free") }
            if !offer.hoursText.isEmpty { facts.append(offer.hoursText) }
            let detail = facts.isEmpty ? "" : " (\(facts.joined(separator: ", ")))"
            lines.append("\(offer.name): \(offer.howToReach)\(detail)")
            if lines.count >= limit { break }
        }
        return lines
    }
}
