/// Settings for the scripted backend (`scripted:` in the configuration).
public struct ScriptedSettings: Sendable, Equatable {
    /// The script file: one reply per line, or JSON lines.
    public var file: String?
    /// Seconds between streamed words.
    public var wordDelay: Double

    public init(file: String? = nil, wordDelay: Double = 0.03) {
        self.file = file
        self.wordDelay = wordDelay
    }
}
