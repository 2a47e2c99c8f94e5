/// What the safeguard remembers between turns about what it has already said.
///
/// Holds no message text from the person, only turn numbers, levels and service ids.
public struct FollowUpState: Sendable, Equatable, Codable {
    /// User turns planned so far.
    public var turn: Int
    /// Messages Waymark composed (advances the wording).
    public var messagesComposed: Int
    /// The turn of the last full referral or emergency message.
    public var lastReferralTurn: Int?
    /// The level of that referral.
    public var lastReferralLevel: RiskLevel?
    /// Topic categories a full referral has covered.
    public var referredCategories: [RiskCategory]
    /// Services offered in the last referral.
    public var referredServiceIDs: [String]
    /// The highest level seen in the conversation.
    public var highestLevel: RiskLevel
    /// The turn the safety question was last asked.
    public var lastSafetyQuestionTurn: Int?
    /// The turn a check-in is due (cleared once made).
    public var checkInTurn: Int?
    /// The turn of the last full referral card.
    public var lastFullReferralTurn: Int?
    /// The turn of the last message about risk (full card, emergency steps or brief).
    public var lastRiskMessageTurn: Int?
    /// Check-ins made since the last referral.
    public var checkInsSinceReferral: Int
    /// The turn of the last quiet reminder.
    public var lastReminderTurn: Int?
    /// Fingerprint of the last full referral text, so the next one reads differently.
    public var lastReferralFingerprint: UInt64?
    /// The turn of the last emergency message (999 first).
    public var lastEmergencyTurn: Int?
    /// Since the last emergency words, the person has said help is on the way (999 rung,
    /// someone coming): later turns say what to do while waiting, not "call 999" again.
    public var helpOnTheWay: Bool
    /// Fingerprints of the messages shown so far (the latest few), so none is repeated word for
    /// word.
    public var shownFingerprints: [UInt64]
    /// Turns read at distress or above so far (nil before the first; optional so states saved
    /// before it existed still load).
    public var distressTurns: Int?
    /// The turn Waymark last named the boundary for a method, dose or means request (issue 18):
    /// a later request gets "asked again" wording.
    public var lastMethodBoundaryTurn: Int?
    /// The turn of the last check-in shown (never two in a row; optional so states saved before
    /// it existed still load).
    public var lastCheckInTurn: Int?
    /// Who the last referral was framed for (the writer, or someone they are helping).
    public var lastReferralSubject: Subject?
    /// Their own words have said they are thinking of ending their life ("i keep thinking about
    /// killing myself"): the direct question is never asked after that, in any later turn; a
    /// question about acting on the thoughts takes its place (optional so states saved before it
    /// existed still load).
    public var thoughtsTold: Bool?
    /// Their own words have said something was taken or done (an overdose, an injury): while help
    /// is on its way, what to do is to show what was taken. Until then, nothing taken is assumed
    /// (optional so states saved before it existed still load).
    public var actTold: Bool?

    public init() {
        turn = 0
        messagesComposed = 0
        lastReferralTurn = nil
        lastReferralLevel = nil
        referredCategories = []
        referredServiceIDs = []
        highestLevel = .none
        lastSafetyQuestionTurn = nil
        checkInTurn = nil
        lastReminderTurn = nil
        lastReferralFingerprint = nil
        lastFullReferralTurn = nil
        lastRiskMessageTurn = nil
        checkInsSinceReferral = 0
        lastEmergencyTurn = nil
        helpOnTheWay = false
        shownFingerprints = []
        lastMethodBoundaryTurn = nil
        lastCheckInTurn = nil
        lastReferralSubject = nil
        thoughtsTold = nil
        actTold = nil
    }

    /// How many message fingerprints are remembered.
    public static let fingerprintMemory = 24

    /// Whether a message with this text was shown before.
    public func hasShown(_ text: String) -> Bool {
        shownFingerprints.contains(Framer.fingerprint(text))
    }

    /// Remembers that a message with this text was shown.
    public mutating func recordShown(_ text: String) {
        shownFingerprints.append(Framer.fingerprint(text))
        if shownFingerprints.count > Self.fingerprintMemory {
            shownFingerprints.removeFirst(shownFingerprints.count - Self.fingerprintMemory)
        }
    }

    /// The state of a new conversation.
    public static let start = FollowUpState()
}
