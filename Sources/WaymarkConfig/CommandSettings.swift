/// Settings for the command backend (`command:` in the configuration).
public struct CommandSettings: Sendable, Equatable {
    /// The program and its arguments; empty until configured.
    public var argv: [String]
    /// Seconds to wait for the program's first line.
    public var firstOutputTimeout: Double
    /// Longest silence, in seconds, between lines.
    public var idleTimeout: Double

    public init(argv: [String] = [], firstOutputTimeout: Double = 60, idleTimeout: Double = 30) {
        self.argv = argv
        self.firstOutputTimeout = firstOutputTimeout
        self.idleTimeout = idleTimeout
    }
}
