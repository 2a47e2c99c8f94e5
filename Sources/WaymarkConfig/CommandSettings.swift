/// Settings for the command backend (`command:` in the configuration).
public struct CommandSettings: Sendable, Equatable {
    /// The program and its arguments; empty until configured.
    public var argv: [String]
    /// Names of environment variables passed to the program on purpose (it gets only a small
    /// standard set otherwise: see `CommandResponder.Configuration.standardEnvironment`).
    public var passEnvironment: [String]
    /// Seconds to wait for the program's first words.
    public var firstOutputTimeout: Double
    /// Longest silence, in seconds, between words.
    public var idleTimeout: Double
    /// Longest time, in seconds, for a whole reply.
    public var totalTimeout: Double
    /// Longest line the program may print, in kilobytes.
    public var maxLineKB: Int
    /// Most reply text, in kilobytes.
    public var maxReplyKB: Int

    public init(
        argv: [String] = [], passEnvironment: [String] = [], firstOutputTimeout: Double = 60,
        idleTimeout: Double = 30, totalTimeout: Double = 300, maxLineKB: Int = 1024, maxReplyKB: Int = 256
    ) {
        self.argv = argv
        self.passEnvironment = passEnvironment
        self.firstOutputTimeout = firstOutputTimeout
        self.idleTimeout = idleTimeout
        self.totalTimeout = totalTimeout
        self.maxLineKB = maxLineKB
        self.maxReplyKB = maxReplyKB
    }
}
