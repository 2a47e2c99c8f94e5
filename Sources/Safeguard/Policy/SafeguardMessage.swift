/// Waymark's own message for a turn, shown apart from the responder's reply.
public struct SafeguardMessage: Sendable, Equatable {
    /// What sort of message it is.
    public enum Kind: String, Sendable, Equatable, Codable, CaseIterable {
        /// The full card: acknowledgement, honesty, first step, alternatives, invitation.
        case fullReferral
        /// Short steps for an emergency, 999 first.
        case emergency
        /// A brief acknowledgement after a referral was already shown.
        case brief
        /// A check-in some turns after a referral.
        case checkIn
        /// A quiet line about where help is (distress).
        case quietReminder
    }

    public var kind: Kind
    public var text: String
    /// Ids of the services the message names.
    public var serviceIDs: [String]
    /// The referral behind the message, when there is one.
    public var referral: Referral?

    public init(kind: Kind, text: String, serviceIDs: [String], referral: Referral? = nil) {
        self.kind = kind
        self.text = text
        self.serviceIDs = serviceIDs
        self.referral = referral
    }
}
