/// What part a lexicon rule plays in the decision (the `role=` of a rule in the lexicon).
public enum SignalRole: String, Sendable, CaseIterable, Codable {
    /// Suicidal thoughts, passive or active.
    case ideation
    /// Self-harm, current.
    case selfHarm = "self_harm"
    /// Asking for methods, lethal amounts or places.
    case method
    /// Stated intent to act ("going to do it", "made my decision").
    case intent
    /// A plan: how, where, a decision made.
    case plan
    /// Means at hand: pills saved, a rope, "got them here".
    case means
    /// A time: tonight, after my shift, at midnight.
    case time
    /// An act done or in progress: overdose taken, bleeding that won't stop.
    case act
    /// Farewell behaviour: letters, goodbyes, giving things away.
    case farewell
    /// Danger to life right now (from another person, a child in danger, a collapse).
    case danger
    /// A threat from another person.
    case threat
    /// A weapon present.
    case weapon
    /// Someone at risk cannot be reached.
    case unreachable
    /// Wanting to harm someone else.
    case harm
    /// A topic at the rule's level (boundary topics, distress).
    case topic
    /// A bare mention of a risky word, not about anyone in particular.
    case mention
    /// An age under 18.
    case minor
    /// A context cue; the rule's `modifier=` says which.
    case cue
    /// A figurative idiom; risk signals it overlaps are figurative.
    case idiom
    /// A phrase that contains a negation word but does not negate ("can't stop").
    case pseudo
    /// A joke or laughter marker (lol, 😂).
    case joke
    /// Saying it is meant ("not joking", "i mean it", "not being dramatic"): laughter markers
    /// in the message no longer make risk figurative, and its negation word negates nothing.
    case earnest
    /// "yes", "yeah": agreement, read against the conversation.
    case affirm
    /// Feeling better, safer, calmer.
    case deescalate
    /// Being treated: in A&E, at hospital, on a drip.
    case treated
    /// "again", "relapsed": a past risk is current again (cancels `historical` in its sentence).
    case recurrence
    /// "some nights", "most evenings": a routine; a time after it in its sentence is not a plan's time.
    case habitual

    /// Position in the order of declaration (for ``RoleSet``'s bits).
    var position: Int {
        switch self {
        case .ideation: 0
        case .selfHarm: 1
        case .method: 2
        case .intent: 3
        case .plan: 4
        case .means: 5
        case .time: 6
        case .act: 7
        case .farewell: 8
        case .danger: 9
        case .threat: 10
        case .weapon: 11
        case .unreachable: 12
        case .harm: 13
        case .topic: 14
        case .mention: 15
        case .minor: 16
        case .cue: 17
        case .idiom: 18
        case .pseudo: 19
        case .joke: 20
        case .earnest: 21
        case .affirm: 22
        case .deescalate: 23
        case .treated: 24
        case .recurrence: 25
        case .habitual: 26
        }
    }
}

/// A set of roles as bits (every role fits in 32): what a message's signals play, checked
/// without hashing or building arrays.
struct RoleSet: Sendable, Equatable {
    var bits: UInt32 = 0

    init() {}

    init(_ roles: [SignalRole]) {
        for role in roles { insert(role) }
    }

    @inline(__always)
    func contains(_ role: SignalRole) -> Bool { bits & (1 << UInt32(role.position)) != 0 }

    @inline(__always)
    mutating func insert(_ role: SignalRole) { bits |= 1 << UInt32(role.position) }

    /// Number of roles in the set.
    var count: Int { bits.nonzeroBitCount }

    static func & (lhs: RoleSet, rhs: RoleSet) -> RoleSet {
        var result = RoleSet()
        result.bits = lhs.bits & rhs.bits
        return result
    }
}
