/// The outcome of reviewing a responder reply.
public struct GuardResult: Sendable, Equatable {
    /// The reviewed text to display.
    public var text: String
    /// Whether anything was removed or replaced.
    public var changed: Bool
    /// Whether nothing of the reply may be shown.
    public var withheld: Bool
    /// What was changed, in plain words (for the inspector; never contains the removed text).
    public var notes: [String]

    public init(text: String, changed: Bool, withheld: Bool, notes: [String]) {
        self.text = text
        self.changed = changed
        self.withheld = withheld
        self.notes = notes
    }
}
