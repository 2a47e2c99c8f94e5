/// One service offered to the person: who, how to reach them, whether it is free, the hours.
public struct ServiceOffer: Sendable, Equatable {
    public var serviceID: String
    public var name: String
    /// The channels to show, most direct first (calls, texts, chat, then the rest).
    public var channels: [ContactChannel]
    /// `nil` when the cost is not established.
    public var isFree: Bool?
    /// Verified hours, or "hours not confirmed: check the website".
    public var hoursText: String
    /// Whether it is open at the time of matching; `nil` when the hours are not known.
    public var isOpenNow: Bool?
    /// When the details were last checked (YYYY-MM-DD).
    public var checked: String
    /// The risk categories the service specialises in.
    public var topics: [RiskCategory]

    public init(
        serviceID: String, name: String, channels: [ContactChannel], isFree: Bool?, hoursText: String,
        isOpenNow: Bool?, checked: String, topics: [RiskCategory] = []
    ) {
        self.serviceID = serviceID
        self.name = name
        self.channels = channels
        self.isFree = isFree
        self.hoursText = hoursText
        self.isOpenNow = isOpenNow
        self.checked = checked
        self.topics = topics
    }

    /// Whether one of the channels is a text message or web chat (for people who cannot phone).
    public var hasTextOption: Bool {
        channels.contains { $0.kind == .text || $0.kind == .webchat }
    }

    /// How to reach it, e.g. "call 116 123 or email jo@samaritans.org".
    public var howToReach: String {
        let actions = channels.prefix(2).map { lowerFirst($0.action) }
        return actions.joined(separator: " or ")
    }

    /// A one-line summary: "Samaritans: call 116 123 (free, 24/7)".
    public var summary: String {
        var facts: [String] = []
        if isFree == true { facts.append("free") }
        facts.append(isOpenNow == false ? "closed now, \(hoursText)" : hoursText)
        return "\(name): \(howToReach) (\(facts.joined(separator: ", ")))"
    }

    private func lowerFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        let rest = text.dropFirst()
        // Keep acronyms and names ("NHS 24", "SHOUT") as they are.
        if let second = rest.first, second.isUppercase { return text }
        return first.lowercased() + rest
    }
}
