import ChatCore

/// The one-sentence failures of the command backend.
extension ResponderFailure {
    static func noProgram() -> ResponderFailure {
        ResponderFailure(
            .misconfigured, "No program is configured for the command backend (command.argv is empty).")
    }

    static func programNotFound(_ name: String) -> ResponderFailure {
        ResponderFailure(.misconfigured, "The program \u{201C}\(name)\u{201D} could not be found or started.")
    }

    static func programExited(_ name: String, status: String, stderrLine: String?) -> ResponderFailure {
        var message = "The program \u{201C}\(name)\u{201D} \(status) before finishing its reply"
        if let stderrLine, !stderrLine.isEmpty {
            message += " (it said: \u{201C}\(stderrLine)\u{201D})"
        }
        return ResponderFailure(.programFailed, message + ".")
    }

    static func programGarbage(_ name: String) -> ResponderFailure {
        ResponderFailure(
            .programFailed,
            "The program \u{201C}\(name)\u{201D} printed something that is not Waymark's JSON-lines reply format."
        )
    }

    static func programReportedError(_ name: String, _ detail: String) -> ResponderFailure {
        ResponderFailure(
            .programFailed,
            "The program \u{201C}\(name)\u{201D} reported an error: \u{201C}\(detail)\u{201D}.")
    }

    static func programSilent(_ name: String, seconds: Double, started: Bool) -> ResponderFailure {
        let what = started ? "stopped replying for" : "did not start replying within"
        return ResponderFailure(
            .timedOut,
            "The program \u{201C}\(name)\u{201D} \(what) \(Self.seconds(seconds)) seconds, so it was stopped."
        )
    }

    static func programTookTooLong(_ name: String, seconds: Double) -> ResponderFailure {
        ResponderFailure(
            .timedOut,
            "The program \u{201C}\(name)\u{201D} took longer than \(Self.seconds(seconds)) seconds in all, so it was stopped (the limit is command.timeouts.total)."
        )
    }

    static func programReplyTooLong(_ name: String, limit: Int) -> ResponderFailure {
        ResponderFailure(
            .badResponse,
            "The program \u{201C}\(name)\u{201D} sent more than \(size(limit)) of text, so it was stopped (the limit is command.limits.max_reply_kb)."
        )
    }

    static func programLineTooLong(_ name: String, limit: Int) -> ResponderFailure {
        ResponderFailure(
            .badResponse,
            "The program \u{201C}\(name)\u{201D} printed a line longer than \(size(limit)), so it was stopped (the limit is command.limits.max_line_kb)."
        )
    }

    static func programEmptyReply(_ name: String) -> ResponderFailure {
        ResponderFailure(
            .badResponse, "The program \u{201C}\(name)\u{201D} ended its reply without sending any text.")
    }

    static func programIOFailed(_ name: String) -> ResponderFailure {
        ResponderFailure(.programFailed, "Waymark could not talk to the program \u{201C}\(name)\u{201D}.")
    }

    private static func seconds(_ value: Double) -> String {
        value.isFinite && abs(value) < 1e15 && value == value.rounded() ? String(Int(value)) : String(value)
    }

    private static func size(_ bytes: Int) -> String {
        if bytes >= 1_048_576, bytes % 1_048_576 == 0 { return "\(bytes / 1_048_576) MB" }
        if bytes >= 1024 { return "\(bytes / 1024) KB" }
        return "\(bytes) bytes"
    }
}
