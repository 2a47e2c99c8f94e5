/// A problem found while reading the configuration, for the person to fix. Waymark still
/// starts: the value concerned falls back (to the next source, or the default), and a file
/// that cannot be parsed is ignored, leaving the built-in listener.
public struct ConfigIssue: Sendable, Equatable, CustomStringConvertible {
    /// The file, when the problem is in one.
    public var file: String?
    /// The 1-based line in ``file``, when known.
    public var line: Int?
    /// The key concerned (`openai.temperature`), when known.
    public var key: String?
    /// Where the value came from when not a file (`env WAYMARK_NATION`, `flag --nation`).
    public var source: String?
    /// What is wrong and what Waymark did about it, in one sentence. Never contains a secret.
    public var message: String

    public init(
        file: String? = nil, line: Int? = nil, key: String? = nil, source: String? = nil, message: String
    ) {
        self.file = file
        self.line = line
        self.key = key
        self.source = source
        self.message = message
    }

    /// `/home/a/.config/waymark/config.yaml:12: openai.temperature: expected a number; using 0.7.`
    public var description: String {
        var location = ""
        if let file {
            location = file
            if let line { location += ":\(line)" }
        } else if let source {
            location = source
        }
        var parts: [String] = []
        if !location.isEmpty { parts.append(location) }
        if let key { parts.append(key) }
        parts.append(message)
        return parts.joined(separator: ": ")
    }
}
