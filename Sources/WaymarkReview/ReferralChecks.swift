import Safeguard

/// The referral phase: which services were offered, judged against the level and topic the
/// safeguard handled the turn at (triggering errors are counted in the triggering phase).
public enum ReferralChecks {
    /// Safeguard messages that offer services.
    public static let referralKinds: Set<String> = ["fullReferral", "emergency", "brief"]

    /// Run the referral checks over `records`.
    public static func run(_ records: [TurnRecord], audience: ServiceAudience) -> [ReviewCheck] {
        var firstStep = ReviewCheck(
            id: "referral.right_first_step", title: "Right first step for the level and topic")
        var known = ReviewCheck(
            id: "referral.known_services", title: "Every service is in the reference directory")
        var fits = ReviewCheck(id: "referral.nation_and_age", title: "Nation and age respected")
        var open = ReviewCheck(id: "referral.first_step_open", title: "First step open now")
        var few = ReviewCheck(id: "referral.at_most_three", title: "At most three services")
        var text = ReviewCheck(id: "referral.text_option", title: "A text option at crisis")
        for record in records {
            let offers = record.safeguardKind.map { referralKinds.contains($0) } ?? false
            let level = record.assessment.level
            guard offers || level >= .crisis else { continue }
            let services = record.services
            guard let first = services.first else {
                firstStep.record(false, record, "\(level) turn offered no service")
                continue
            }
            let acceptable = acceptableFirstSteps(for: record, audience: audience)
            firstStep.record(
                acceptable.contains(first)
                    || isOpenStandIn(first, services, acceptable, record, audience: audience),
                record,
                "first step \(first) is not right for \(level) \(topicText(record)); expected one of \(acceptable.prefix(4).joined(separator: ", "))"
            )
            let unknown = services.filter { audience.service($0) == nil }
            known.record(unknown.isEmpty, record, "not in the directory: \(unknown.joined(separator: ", "))")
            let misfits = services.filter {
                audience.service($0) != nil
                    && !audience.fits($0, nation: record.nation, ageBand: record.ageBand)
            }
            fits.record(
                misfits.isEmpty, record,
                "not for \(record.nation)\(record.ageBand.map { ", age \($0)" } ?? ""): \(misfits.joined(separator: ", "))"
            )
            if let isOpen = record.firstStepOpenNow {
                open.record(isOpen, record, "first step \(first) was closed at the time")
            }
            few.record(services.count <= 3, record, "\(services.count) services offered")
            if level == .crisis {
                let hasText = services.contains { audience.service($0)?.smsText ?? false }
                text.record(
                    hasText, record, "no service with a text option among \(services.joined(separator: ", "))"
                )
            }
        }
        return [firstStep, known, fits, open, few, text]
    }

    /// The services that are a right first step for the record's level, topic, nation and age.
    public static func acceptableFirstSteps(for record: TurnRecord, audience: ServiceAudience) -> [String] {
        let level = record.assessment.level
        if level == .emergency { return audience.firstSteps.emergency }
        let fitting: ([String]) -> [String] = { ids in
            ids.filter { audience.fits($0, nation: record.nation, ageBand: record.ageBand) }
        }
        if level == .crisis { return fitting(audience.firstSteps.crisis) }
        var topical: [String] = []
        for category in record.assessment.categories {
            for id in fitting(audience.firstSteps.topics[category.rawValue] ?? []) where !topical.contains(id)
            {
                topical.append(id)
            }
        }
        return topical.isEmpty ? fitting(audience.firstSteps.fallback) : topical
    }

    /// A specialist that was closed at the time, offered after a service open now that is right
    /// for a crisis (Shout at night, then Beat): a closed service is never the first step.
    static func isOpenStandIn(
        _ first: String, _ services: [String], _ acceptable: [String], _ record: TurnRecord,
        audience: ServiceAudience
    ) -> Bool {
        guard record.firstStepOpenNow == true, record.assessment.level < .emergency else { return false }
        let openAllHours = audience.firstSteps.crisis.filter {
            audience.fits($0, nation: record.nation, ageBand: record.ageBand)
        }
        return openAllHours.contains(first) && services.dropFirst().contains(where: acceptable.contains)
    }

    static func topicText(_ record: TurnRecord) -> String {
        let names = record.assessment.categories.map(\.rawValue)
        return names.isEmpty ? "(no topic)" : names.joined(separator: "+")
    }
}
