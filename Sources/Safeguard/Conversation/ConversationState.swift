/// What the safeguard remembers about a conversation between turns.
///
/// Risk accumulates: the level later turns cannot fall below (`floor`), the categories and
/// subject of that risk, and the parts of a plan disclosed so far (intent, plan, means, time).
/// An emergency is a moment, not a state: after one the floor is `crisis` (an act disclosed and
/// not yet treated, such as an overdose taken, keeps it at `emergency` until treatment is
/// mentioned, and danger in progress until it is resolved). De-escalation lowers the floor to `distress` without forgetting the categories,
/// except after suicidal or self-harm risk (it stays at `crisis`) and straight after an
/// emergency (one calmer turn is not yet sustained safety).
public struct ConversationState: Sendable, Equatable, Codable {
    /// User turns assessed so far.
    public internal(set) var turns: Int = 0
    /// The lowest level later turns are given while nothing changes.
    public internal(set) var floor: RiskLevel = .none
    /// The highest level reached.
    public internal(set) var peak: RiskLevel = .none
    /// The level of the last turn.
    public internal(set) var lastLevel: RiskLevel = .none
    /// Categories of the risk remembered.
    public internal(set) var categories: [RiskCategory] = []
    /// Who the remembered risk is about.
    public internal(set) var subject: Subject = .nobody
    /// Suicide or self-harm risk has been disclosed in this conversation.
    public internal(set) var suicidalContext: Bool = false
    /// Parts of a plan disclosed while suicidal context was present.
    public internal(set) var intent: Bool = false
    public internal(set) var plan: Bool = false
    public internal(set) var means: Bool = false
    public internal(set) var time: Bool = false
    /// An act (overdose, serious injury) disclosed and not yet being treated.
    public internal(set) var untreatedAct: Bool = false
    /// Waymark has just asked "Are you thinking about ending your life?".
    public internal(set) var safetyQuestionPending: Bool = false
    /// The person said yes to the safety question: a time given next is read as a time to act.
    public internal(set) var affirmedSafetyQuestion: Bool = false
    /// Someone under 18 is involved.
    public internal(set) var minorInvolved: Bool = false
    /// Who the person under 18 is (the speaker or someone else).
    public internal(set) var minorSubject: Subject = .nobody
    /// The level the last message earned on its own words, before the conversation's floor.
    public internal(set) var lastTurnLevel: RiskLevel = .none
    /// Steps towards safety the last message said were taken (read from de-escalation rules).
    public internal(set) var lastStepsTaken: [StepTaken] = []
    /// Danger in progress (someone at the door, a person collapsed, a child in danger now) and
    /// not yet resolved: the level stays at `emergency` until they are found safe, somewhere
    /// safe, being treated, or the means are put away.
    public internal(set) var ongoingDanger: Bool = false
    /// Danger from another person passed (they left, were taken away, or help arrived): their
    /// coming back ("car's back", "he's back early") is danger again.
    public internal(set) var dangerLeft: Bool = false
    /// An emergency has been reached in this conversation.
    public internal(set) var emergencySeen: Bool = false
    /// An emergency reached with a time told ("tonight is the night"): that time was answered
    /// with 999, so only a bare time ("tonight") counts again. After an emergency reached without
    /// one (the means held, "been saving my nan's tablets"), a time given next ("after the funeral
    /// friday") is the missing part of the plan and is read as any short time reply is.
    public internal(set) var emergencyTimed: Bool = false
    /// Calmer turns in a row since the last turn with risk of its own.
    public internal(set) var calmTurnsInARow: Int = 0

    /// The last user turns, oldest first (at most `recentTurnLimit`, each cut to its last
    /// `recentTurnScalars` scalars at a space): the encoder reads a turn with them.
    public internal(set) var recentTurns: [String] = []
    static let recentTurnLimit = 2
    static let recentTurnScalars = 16_384

    public init() {}

    /// The risk remembered includes danger from another person (abuse, sexual violence, a
    /// child's safety, someone's urge to hurt someone).
    var dangerFromOthersTold: Bool {
        categories.contains { CategorySet.dangerFromOthers.contains($0) }
    }

    /// The writer has told of abuse against themselves (remembered category abuse, about them).
    var abuseOfTheWriterTold: Bool { categories.contains(.abuse) && subject == .speaker }

    /// The risk remembered is danger from another person and no suicidal or self-harm risk has
    /// been told.
    var dangerFromOthersOnly: Bool { !suicidalContext && dangerFromOthersTold }

    /// The danger in progress is another person (a partner at the door, someone following),
    /// not an act of the writer's own or a medical emergency: their going is the danger passing.
    var dangerIsAnotherPerson: Bool {
        ongoingDanger && dangerFromOthersOnly && !untreatedAct && !categories.contains(.medical)
    }

    /// Keeps `text` among the recent turns.
    mutating func remember(turn text: String) {
        var kept = text
        let scalars = text.unicodeScalars
        // No more bytes than the limit means no more scalars either: no counting.
        if text.utf8.count > Self.recentTurnScalars && scalars.count > Self.recentTurnScalars {
            var start = scalars.index(scalars.endIndex, offsetBy: -Self.recentTurnScalars)
            // Start at a word boundary so no word is read cut in half.
            while start < scalars.endIndex && !scalars[start].properties.isWhitespace {
                start = scalars.index(after: start)
            }
            kept = String(scalars[start...])
        }
        recentTurns.append(kept)
        if recentTurns.count > Self.recentTurnLimit {
            recentTurns.removeFirst(recentTurns.count - Self.recentTurnLimit)
        }
    }

    /// Tells the state that Waymark asked the person directly about suicide, so a short "yes"
    /// in the next turn is read as an answer to it.
    public mutating func recordSafeguardAskedSafetyQuestion() {
        safetyQuestionPending = true
    }
}
