/// Why the terminal could not be used.
public enum TerminalError: Error, CustomStringConvertible {
    case cannotStart

    public var description: String { "the terminal could not be started (is TERM set?)" }
}
