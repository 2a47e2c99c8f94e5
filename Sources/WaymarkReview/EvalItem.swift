/// One labelled item of an evaluation file: a single message, or a conversation of user turns.
public struct EvalItem: Sendable, Equatable {
    /// One user turn and its label.
    public struct Turn: Sendable, Equatable {
        /// What the person wrote.
        public var text: String
        /// The expected assessment, given everything said before it.
        public var gold: GoldLabel?

        public init(text: String, gold: GoldLabel? = nil) {
            self.text = text
            self.gold = gold
        }
    }

    /// The item's id (the 1-based line number when the file gives none).
    public var id: String
    /// The user turns, oldest first (exactly one for a single message).
    public var turns: [Turn]
    /// Whether the item came from a conversation line (`{"id", "turns": […]}`).
    public var isConversation: Bool
    /// The person's nation when the item gives one (`"nation"`), else `nil`.
    public var nation: String?
    /// The person's age band when the item gives one (`"age_band"`), else `nil`.
    public var ageBand: String?
    /// Replies for the scripted backend, one per turn (demo scenarios; `"responder_script"`).
    public var responderScript: [String]?

    public init(
        id: String, turns: [Turn], isConversation: Bool, nation: String? = nil, ageBand: String? = nil,
        responderScript: [String]? = nil
    ) {
        self.id = id
        self.turns = turns
        self.isConversation = isConversation
        self.nation = nation
        self.ageBand = ageBand
        self.responderScript = responderScript
    }
}
