import Foundation

/// Chooses one first step and up to two alternatives from the directory for a turn.
///
/// Candidates come from the reviewed routes (`routes.json`) for the situation (level, topic,
/// subject, nation, age band); they are then filtered by nation and age and ordered by what is
/// open now in UK time. Closed services are never the first step; at `crisis` and `emergency`
/// the first step is open round the clock when possible, and a text option is always offered.
public struct ReferralMatcher: Sendable {
    public let directory: ServiceDirectory

    public init(directory: ServiceDirectory) {
        self.directory = directory
    }

    /// Order in which a turn's categories decide its topic service.
    static let topicPriority: [RiskCategory] = [
        .childSafeguarding, .sexualViolence, .abuse, .eatingDisorder, .psychosis, .substance,
        .medication, .harmToOthers, .bereavement, .trauma, .suicide, .selfHarm, .medical,
    ]

    /// The referral for a turn, or `nil` when the level needs none (`none`).
    public func referral(for assessment: Assessment, settings: PersonSettings, now: Date) -> Referral? {
        guard assessment.level > .none else { return nil }
        let candidates = candidateIDs(for: assessment, settings: settings)
        let services = usable(candidates, settings: settings)
        let urgent = assessment.level >= .crisis
        guard let first = chooseFirst(services, urgent: urgent, now: now) else { return nil }
        var rest = services.filter { $0.id != first.id }
        // Known-closed services only as a fallback, except the topic's own service.
        let topicLead = services.first?.id
        rest = rest.filter { $0.isReachable(at: now) != false || $0.id == topicLead }
        var alternatives = Array(rest.prefix(2))
        if assessment.level == .crisis {
            alternatives = ensureTextOption(
                first: first, alternatives: alternatives, settings: settings, now: now,
                helping: assessment.subject == .other)
        }
        return Referral(
            firstStep: offer(first, settings: settings, now: now, emergency: assessment.level == .emergency),
            alternatives: alternatives.map { offer($0, settings: settings, now: now, emergency: false) })
    }

    /// A short list for a quiet reminder at `distress` (usually Samaritans and Shout).
    public func reminder(settings: PersonSettings, now: Date) -> [ServiceOffer] {
        let ids = ReferralRoutes.list(directory.routes.distressReminder, for: settings.nation)
        return usable(ids, settings: settings).prefix(2).map {
            offer($0, settings: settings, now: now, emergency: false)
        }
    }

    /// The offer for one service id, as the matcher would show it.
    public func offer(serviceID: String, settings: PersonSettings, now: Date) -> ServiceOffer? {
        directory.service(id: serviceID).map { offer($0, settings: settings, now: now, emergency: false) }
    }

    // MARK: - Candidates

    func candidateIDs(for assessment: Assessment, settings: PersonSettings) -> [String] {
        let routes = directory.routes
        let nation = settings.nation
        let crisisList = ReferralRoutes.list(routes.crisis, for: nation)
        let band = settings.ageBand?.rawValue
        var topics = Self.topicPriority.filter { assessment.categories.contains($0) }
        // A young person's own age makes their message child safeguarding; when they are the one
        // talking and it has another topic ("i'm 17 and i've been making myself sick"), that
        // topic's services come first (Beat's youth line, not the NSPCC's line for adults
        // worried about a child; the young crisis lines come with their age band either way).
        if assessment.subject != .other, topics.count > 1, topics.first == .childSafeguarding {
            topics.removeFirst()
        }
        let topic = topics.first
        var ids: [String] = []

        switch assessment.level {
        case .emergency:
            ids += ReferralRoutes.list(routes.emergency, for: nation)
            if let topic, [.childSafeguarding, .abuse, .sexualViolence].contains(topic) {
                ids += topicList(topic, settings: settings).prefix(1)
            }
            if assessment.subject == .other {
                ids += ReferralRoutes.list(routes.helpingSomeoneElse, for: nation).prefix(1)
            }
            ids += crisisList.prefix(1)
        case .crisis:
            if assessment.subject == .other {
                ids += ReferralRoutes.list(routes.helpingSomeoneElse, for: nation)
            } else {
                if let band { ids += routes.crisisYoung[band] ?? [] }
                ids += crisisList
            }
            if let topic, ![.suicide, .selfHarm].contains(topic) {
                ids += topicList(topic, settings: settings).prefix(2)
            }
        case .boundary, .distress:
            if assessment.categories.contains(.harmToOthers), assessment.categories.contains(.abuse) {
                ids += routes.perpetrator
            }
            if let topic {
                ids += topicList(topic, settings: settings)
            } else if assessment.level == .distress {
                ids += ReferralRoutes.list(routes.distressReminder, for: nation)
            }
            if assessment.subject == .other {
                ids += ReferralRoutes.list(routes.helpingSomeoneElse, for: nation)
            }
            ids += crisisList
        case .none:
            break
        }
        var seen: Set<String> = []
        var ordered = ids.filter { seen.insert($0).inserted }
        if assessment.subject == .other, assessment.level != .emergency {
            // Help for helping someone else first; keep the rest in order after.
            let helpers = ordered.filter { directory.service(id: $0)?.forHelpers == true }
            let others = ordered.filter { directory.service(id: $0)?.forHelpers != true }
            ordered = helpers + others
        }
        return ordered
    }

    func topicList(_ topic: RiskCategory, settings: PersonSettings) -> [String] {
        let routes = directory.routes
        var ids: [String] = []
        if let band = settings.ageBand?.rawValue, let young = routes.topicsYoung[band] {
            ids += young[topic.rawValue] ?? young["default"] ?? []
        }
        if let table = routes.topics[topic.rawValue] {
            ids += ReferralRoutes.list(table, for: settings.nation)
        }
        return ids
    }

    func usable(_ ids: [String], settings: PersonSettings) -> [Service] {
        var seen: Set<String> = []
        return ids.compactMap { id in
            guard seen.insert(id).inserted, let service = directory.service(id: id) else { return nil }
            guard service.serves(settings.nation), service.accepts(settings.ageBand) else { return nil }
            guard !liveChannels(service, settings: settings).isEmpty else { return nil }
            return service
        }
    }

    // MARK: - Ordering

    func chooseFirst(_ services: [Service], urgent: Bool, now: Date) -> Service? {
        if urgent {
            // A round-the-clock service first (what is open now can close while they wait).
            if let always = services.first(where: { $0.hours.isAlwaysOpen }) { return always }
            if let open = services.first(where: { $0.isOpen(at: now) == true }) { return open }
        } else {
            if let open = services.first(where: { $0.isReachable(at: now) != false }) { return open }
        }
        return services.first { $0.isReachable(at: now) != false }
    }

    /// Makes sure one offer can be reached by text message (many people cannot phone).
    func ensureTextOption(
        first: Service, alternatives: [Service], settings: PersonSettings, now: Date, helping: Bool
    ) -> [Service] {
        let all = [first] + alternatives
        if all.contains(where: { hasText($0, settings: settings) }) { return alternatives }
        let helperIDs = ReferralRoutes.list(directory.routes.helpingSomeoneElse, for: settings.nation)
        let fallbackIDs =
            helping
            ? helperIDs + ["papyrus_hopeline247", "shout"]
            : ["shout"] + ReferralRoutes.list(directory.routes.crisis, for: settings.nation)
        guard
            let text = usable(fallbackIDs, settings: settings).first(where: {
                hasText($0, settings: settings) && $0.isOpen(at: now) != false
                    && !all.map(\.id).contains($0.id)
            })
        else { return alternatives }
        var result = alternatives
        if result.count >= 2 { result.removeLast() }
        result.append(text)
        return result
    }

    func hasText(_ service: Service, settings: PersonSettings) -> Bool {
        liveChannels(service, settings: settings).contains { $0.kind == .text }
    }

    // MARK: - Offers

    static let kindOrder: [ContactChannel.Kind] = [
        .call, .silentCall, .text, .webchat, .inPerson, .textphone, .email, .web, .app,
    ]

    func liveChannels(_ service: Service, settings: PersonSettings) -> [ContactChannel] {
        var seenDial: Set<String> = []
        let channels = service.displayedChannels(for: settings.nation).filter { channel in
            guard Self.kindOrder.contains(channel.kind) else { return false }
            if channel.label?.contains("Welsh") == true, settings.nation != .wales { return false }
            if channel.kind == .text, let dial = channel.dial {
                return seenDial.insert(dial).inserted
            }
            return true
        }
        return channels.sorted {
            (Self.kindOrder.firstIndex(of: $0.kind) ?? 99) < (Self.kindOrder.firstIndex(of: $1.kind) ?? 99)
        }
    }

    func offer(_ service: Service, settings: PersonSettings, now: Date, emergency: Bool) -> ServiceOffer {
        var channels = liveChannels(service, settings: settings)
        if service.id == "emergency_999_112" {
            // 999 itself, how to call silently, and emergencySMS; 112 is the same service.
            channels = channels.filter { $0.dial != "112" && $0.kind != .textphone }
        }
        // Channels open now before those that are closed; live ones (call, text, chat) before
        // email and web, which are only offered when there is no second live channel.
        let open = channels.filter { service.isOpen($0, at: now) != false }
        let closed = channels.filter { service.isOpen($0, at: now) == false }
        let ordered = open.filter(\.kind.isLive) + open.filter { !$0.kind.isLive } + closed
        let liveCount = channels.filter(\.kind.isLive).count
        let limit = emergency ? 3 : (liveCount >= 2 || liveCount == 0 || open.count < channels.count ? 2 : 1)
        channels = Array(ordered.prefix(limit))
        return ServiceOffer(
            serviceID: service.id, name: service.name, channels: channels, isFree: service.isFree,
            hoursText: service.hours.isAlwaysOpen ? "24/7" : service.hours.displayText,
            isOpenNow: channels.first.map { service.isOpen($0, at: now) } ?? service.isOpen(at: now),
            checked: service.checked,
            topics: service.topics.categories)
    }
}
