import Foundation

/// One way to reach a service (a number to call, a text code, a web chat…), with its status.
public struct ContactChannel: Sendable, Equatable, Codable {
    /// How the channel is used.
    public enum Kind: String, Sendable, Codable, CaseIterable, Equatable {
        case call, text, webchat, email, web, app
        case inPerson = "in_person"
        case textphone
        case silentCall = "silent_call"
        case bsl, video, letter, info, referral
        case phoneOption = "phone_option"
        case other

        public init(from decoder: any Decoder) throws {
            let raw = try decoder.singleValueContainer().decode(String.self)
            self = Kind(rawValue: raw) ?? .other
        }

        /// Whether this kind reaches a person live (call, text, chat, or going there).
        public var isLive: Bool {
            switch self {
            case .call, .text, .webchat, .inPerson, .textphone, .silentCall: true
            default: false
            }
        }
    }

    public var kind: Kind
    /// The value exactly as in the reference.
    public var value: String
    public var status: FactStatus
    /// Whether the reference allows showing it (display flag and a verified status).
    public var shown: Bool
    public var label: String?
    /// The keyword to text, for text services that need one ("SHOUT").
    public var keyword: String?
    /// The number to dial or text, as written in `value`.
    public var dial: String?
    /// Nations the channel is for, when a service has a number per nation.
    public var nations: [Nation]?
    /// A short instruction, e.g. "Call 116 123" or "Text SHOUT to 85258".
    public var action: String
    /// Hours of this channel when they differ from the service's.
    public var hours: OpeningHours?

    public init(
        kind: Kind, value: String, status: FactStatus, shown: Bool, label: String? = nil,
        keyword: String? = nil, dial: String? = nil, nations: [Nation]? = nil, action: String,
        hours: OpeningHours? = nil
    ) {
        self.kind = kind
        self.value = value
        self.status = status
        self.shown = shown
        self.label = label
        self.keyword = keyword
        self.dial = dial
        self.nations = nations
        self.action = action
        self.hours = hours
    }

    /// Whether the channel may be displayed as a fact.
    public var isDisplayable: Bool { shown && status.isVerified }

    /// Whether the channel fits a person in `nation` (channels without nations fit everyone).
    public func fits(_ nation: Nation) -> Bool {
        guard let nations, !nations.isEmpty else { return true }
        return nations.contains(nation)
    }
}
