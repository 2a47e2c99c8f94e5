import Foundation

/// A UK support service from the directory, with a status for every fact.
public struct Service: Sendable, Equatable, Codable, Identifiable {
    /// A short text fact with its status.
    public struct TextFact: Sendable, Equatable, Codable {
        public var text: String?
        public var status: FactStatus
    }

    /// Who the service is for, with age limits where the reference gives them.
    public struct Audience: Sendable, Equatable, Codable {
        public var text: String?
        public var status: FactStatus
        public var minAge: Int?
        public var maxAge: Int?
    }

    /// Where the service is available.
    public struct Nations: Sendable, Equatable, Codable {
        public var values: [Nation]
        public var status: FactStatus
    }

    /// What the service helps with, and the risk categories it is matched for.
    public struct Topics: Sendable, Equatable, Codable {
        public var text: [String]
        public var status: FactStatus
        public var categories: [RiskCategory]
    }

    /// What it costs to use.
    public struct Cost: Sendable, Equatable, Codable {
        public var text: String?
        public var status: FactStatus
        public var free: Bool
    }

    /// The service's website.
    public struct Website: Sendable, Equatable, Codable {
        public var value: String?
        public var status: FactStatus
    }

    public var id: String
    public var name: String
    public var type: String?
    public var mainContact: TextFact
    /// Every channel in the reference, shown or not; use `displayedChannels` for people.
    public var channels: [ContactChannel]
    public var hours: OpeningHours
    public var audience: Audience
    public var nations: Nations
    public var topics: Topics
    /// Whether the service is for people worried about, or supporting, someone else.
    public var forHelpers: Bool
    public var cost: Cost
    public var website: Website
    /// The reference's advice on how to present the service.
    public var guidance: String?
    /// The lowest status among the service's displayed facts.
    public var status: FactStatus?
    /// The date the details were last checked (YYYY-MM-DD).
    public var checked: String

    /// Channels that may be shown as facts.
    public var displayedChannels: [ContactChannel] {
        channels.filter(\.isDisplayable)
    }

    /// `true`/`false` when the cost is verified, `nil` when not known.
    public var isFree: Bool? {
        cost.status.isVerified ? cost.free : nil
    }

    /// The verified website, if any.
    public var displayedWebsite: String? {
        website.status.isVerified ? website.value : nil
    }

    /// Whether the service lists `nation` (an empty list counts as everywhere). A list whose
    /// status is not established is still read as the service's scope: Waymark does not offer
    /// a service where it is not known to operate.
    public func serves(_ nation: Nation) -> Bool {
        nations.values.isEmpty || nations.values.contains(nation)
    }

    /// Whether the service can be reached at `date` through some displayed channel: open by its
    /// own hours, or through a channel with its own hours that is open (e.g. an online form).
    public func isReachable(at date: Date) -> Bool? {
        if let open = isOpen(at: date), open { return true }
        if displayedChannels.contains(where: { $0.hours?.isOpen(at: date) == true }) { return true }
        return isOpen(at: date)
    }

    /// Whether a person in `band` is within the service's age limits (`true` when unknown).
    public func accepts(_ band: AgeBand?) -> Bool {
        guard let band, audience.status.isVerified else { return true }
        if let maxAge = audience.maxAge, band.lowestAge > maxAge { return false }
        if let minAge = audience.minAge, band.highestAge < minAge { return false }
        return true
    }

    /// Whether the service is open at `date` (UK time); `nil` when its hours are not known.
    public func isOpen(at date: Date) -> Bool? {
        hours.isOpen(at: date)
    }

    /// Whether a channel is open at `date`: its own hours if it has them, else the service's.
    public func isOpen(_ channel: ContactChannel, at date: Date) -> Bool? {
        (channel.hours ?? hours).isOpen(at: date)
    }

    /// Displayed channels that fit `nation`.
    public func displayedChannels(for nation: Nation) -> [ContactChannel] {
        displayedChannels.filter { $0.fits(nation) }
    }
}
