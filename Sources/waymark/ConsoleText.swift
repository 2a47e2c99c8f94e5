import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Plain console input and output for the store commands: unbuffered writes (so questions and
/// answers never interleave out of order), line input, and UK-style dates.
enum ConsoleText {
    /// Write lines to standard output.
    static func say(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        StandardStreams.say(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// Write one line to standard output.
    static func say(_ line: String) {
        say([line])
    }

    /// Write text with no newline (a prompt).
    static func prompt(_ text: String) {
        StandardStreams.say(Data(text.utf8))
    }

    /// Print a message to standard error and return an exit code to throw.
    static func failure(_ message: String) -> ExitCode {
        StandardStreams.complain((message + "\n"))
        return ExitCode(1)
    }

    /// Whether standard input is a terminal (someone can answer questions).
    static var inputIsTerminal: Bool { isatty(0) == 1 }

    /// Ask for a passphrase without echoing it, or read it from `$WAYMARK_PASSPHRASE`.
    static func passphrase(_ question: String) -> String? {
        if let fromEnvironment = ProcessInfo.processInfo.environment["WAYMARK_PASSPHRASE"] {
            return fromEnvironment
        }
        guard inputIsTerminal, let pointer = getpass(question) else { return nil }
        return String(cString: pointer)
    }

    /// "22 November 2026" in UK time.
    static func day(_ date: Date) -> String {
        format(date, "d MMMM yyyy")
    }

    /// "22 Nov 2026, 14:05" in UK time.
    static func dayAndTime(_ date: Date) -> String {
        format(date, "d MMM yyyy, HH:mm")
    }

    private static func format(_ date: Date, _ pattern: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = TimeZone(identifier: "Europe/London") ?? TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = pattern
        return formatter.string(from: date)
    }
}
