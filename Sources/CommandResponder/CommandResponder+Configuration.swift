extension CommandResponder {
    /// Which program to run and how long to wait for it.
    public struct Configuration: Sendable, Equatable {
        /// The program and its arguments (`["python3", "my-bot.py", "--flag"]`). A bare name
        /// is looked up on `PATH`.
        public var argv: [String]
        /// Seconds to wait for the program's first line of output.
        public var firstOutputTimeout: Double
        /// The longest silence, in seconds, between lines once the program has started replying.
        public var idleTimeout: Double
        /// Shown to the person; defaults to the program's name.
        public var displayName: String?

        public init(
            argv: [String], firstOutputTimeout: Double = 60, idleTimeout: Double = 30,
            displayName: String? = nil
        ) {
            self.argv = argv
            self.firstOutputTimeout = firstOutputTimeout
            self.idleTimeout = idleTimeout
            self.displayName = displayName
        }

        /// The program's name for messages (last path component of `argv[0]`).
        var programName: String {
            let program = argv.first ?? ""
            return program.split(separator: "/").last.map(String.init) ?? program
        }
    }
}
