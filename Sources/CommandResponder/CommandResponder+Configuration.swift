extension CommandResponder {
    /// Which program to run, what it may see and how long and how much to wait for.
    public struct Configuration: Sendable, Equatable {
        /// The program and its arguments (`["python3", "my-bot.py", "--flag"]`). A bare name
        /// is looked up on `PATH`; a name with a `/` in it (`/usr/bin/python3`, `./bot`) is
        /// used as the path it is.
        public var argv: [String]
        /// Seconds to wait for the program's first words.
        public var firstOutputTimeout: Double
        /// The longest wait, in seconds, for more words once the program has started replying
        /// (only reply text restarts it: blank or empty lines do not).
        public var idleTimeout: Double
        /// The longest a whole reply may take, in seconds.
        public var totalTimeout: Double
        /// The longest line the program may print, in bytes.
        public var maxLineBytes: Int
        /// The most reply text, in UTF-8 bytes.
        public var maxReplyBytes: Int
        /// Names of environment variables passed to the program on purpose, on top of the
        /// small standard set (``standardEnvironment``). `WAYMARK_PASSPHRASE` is never passed.
        public var passEnvironment: [String]
        /// Shown to the person; defaults to the program's name.
        public var displayName: String?

        public init(
            argv: [String], firstOutputTimeout: Double = 60, idleTimeout: Double = 30,
            totalTimeout: Double = 300, maxLineBytes: Int = 1_048_576, maxReplyBytes: Int = 262_144,
            passEnvironment: [String] = [], displayName: String? = nil
        ) {
            self.argv = argv
            self.firstOutputTimeout = firstOutputTimeout
            self.idleTimeout = idleTimeout
            self.totalTimeout = totalTimeout
            self.maxLineBytes = maxLineBytes
            self.maxReplyBytes = maxReplyBytes
            self.passEnvironment = passEnvironment
            self.displayName = displayName
        }

        /// The program's name for messages (last path component of `argv[0]`).
        var programName: String {
            let program = argv.first ?? ""
            return program.split(separator: "/").last.map(String.init) ?? program
        }

        /// The variables every program gets (when they are set): what a program needs to find
        /// its interpreter, its home and its locale. Nothing else is passed unless named in
        /// ``passEnvironment``: no API keys, no passphrase, no tokens.
        public static let standardEnvironment: [String] = [
            "PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE",
            "LC_MESSAGES", "TZ", "TMPDIR",
        ]

        /// Variables that are never passed, even when named.
        public static let neverPassed: Set<String> = ["WAYMARK_PASSPHRASE"]

        /// The environment the program starts with, taken from `environment`.
        public func programEnvironment(from environment: [String: String]) -> [String: String] {
            var result: [String: String] = [:]
            for name in Self.standardEnvironment + passEnvironment where !Self.neverPassed.contains(name) {
                if let value = environment[name] { result[name] = value }
            }
            return result
        }
    }
}
