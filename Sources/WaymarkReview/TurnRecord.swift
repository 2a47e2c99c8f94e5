import Safeguard

/// What the whole pipeline did with one user turn: the neutral input the scorecard reads.
///
/// The turn pipeline (`ChatSession`) fills one record per user turn; the scorecard never needs
/// to know how the pipeline works.
public struct TurnRecord: Sendable, Equatable {
    /// The evaluation item (message or conversation) the turn belongs to.
    public var itemID: String
    /// 1-based index of the user turn within its item (always 1 for single messages).
    public var turn: Int
    /// What the person wrote.
    public var text: String
    /// The expected assessment, when the item is labelled.
    public var gold: GoldLabel?
    /// What the safeguard decided.
    public var assessment: Assessment
    /// The safeguard message shown: `"fullReferral"`, `"emergency"`, `"brief"`, `"checkIn"`,
    /// `"quietReminder"`, or `nil` when none was shown.
    public var safeguardKind: String?
    /// The safeguard message's text, as shown.
    public var safeguardText: String?
    /// The responder's reply, as shown (after the output guard), if any.
    public var replyText: String?
    /// Ids of the services offered, in order (the first is the first step).
    public var services: [String]
    /// Whether the first step was open at the time of the turn (`nil` when unknown).
    public var firstStepOpenNow: Bool?
    /// The person's nation (`england`, `scotland`, `wales`, `northern-ireland`).
    public var nation: String
    /// The person's age band (`under-19`, `19-24`, `25-34`, `35+`), if shared.
    public var ageBand: String?

    public init(
        itemID: String, turn: Int, text: String, gold: GoldLabel? = nil,
        assessment: Assessment = Assessment(),
        safeguardKind: String? = nil, safeguardText: String? = nil, replyText: String? = nil,
        services: [String] = [], firstStepOpenNow: Bool? = nil, nation: String = "england",
        ageBand: String? = nil
    ) {
        self.itemID = itemID
        self.turn = turn
        self.text = text
        self.gold = gold
        self.assessment = assessment
        self.safeguardKind = safeguardKind
        self.safeguardText = safeguardText
        self.replyText = replyText
        self.services = services
        self.firstStepOpenNow = firstStepOpenNow
        self.nation = nation
        self.ageBand = ageBand
    }

    /// Everything the person was shown for this turn (safeguard message, then reply).
    public var shownText: String {
        [safeguardText, replyText].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n")
    }
}
