/// How a turn asks for a method, a dose or means (issue 18), read from the safeguard's
/// assessment: a signal whose rule plays the `method` role, and the message's context cues.
/// Never read from anything Waymark wrote.
public enum MethodRequest: String, Sendable, Equatable, Codable, CaseIterable {
    /// Asked plainly ("how many would it take to not wake up").
    case direct
    /// Asked as a what-if ("hypothetically, …").
    case hypothetical
    /// Asked with a reason that does not lower the risk ("for a novel", "for a quiz", "just curious").
    case pretext
    /// Asked for someone else ("asking for a friend", "my mate wants to know").
    case thirdPerson = "third_person"

    /// The suffix of this kind's framing parts (`boundary.method.<suffix>`).
    public var partSuffix: String {
        switch self {
        case .direct: "direct"
        case .hypothetical: "hypothetical"
        case .pretext: "pretext"
        case .thirdPerson: "thirdPerson"
        }
    }
}

/// The boundary named in a message for a method request: which kind, whether it was named
/// earlier in the conversation, and the sentences that name it (chosen so that none repeats
/// an earlier one word for word).
public struct MethodBoundary: Sendable, Equatable {
    public var kind: MethodRequest
    /// The boundary was already named earlier in the conversation.
    public var again: Bool
    /// What was asked, that Waymark won't give it, and why.
    public var text: String

    public init(kind: MethodRequest, again: Bool, text: String) {
        self.kind = kind
        self.again = again
        self.text = text
    }
}

extension Assessment {
    /// The signals asking for a method, a dose or means at crisis or above (rules with
    /// `role=method`; a pretext never lowers them).
    public var methodRequestSignals: [Signal] {
        signals.filter { $0.role == .method && $0.level >= .crisis }
    }

    /// Whether this turn asks for a method, a dose or means.
    public var asksForMethod: Bool { !methodRequestSignals.isEmpty }
}
