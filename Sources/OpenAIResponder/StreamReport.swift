import Foundation

/// What the transport carrying one streamed reply (``StreamingDataDelegate`` over
/// `URLSession`, or ``HTTPStreamClient`` over a socket), or the watchdog, reports.
enum StreamReport: Sendable {
    case response(status: Int, retryAfter: String?, contentType: String?)
    /// Body bytes and when they arrived (stamped on the transport's thread, not the task
    /// pool, so this is when the server sent them, however late they are read).
    case data(Data, arrived: ContinuousClock.Instant)
    /// The watchdog saw a limit pass at that moment. The consumer asks the watchdog which
    /// limit had passed then (``StreamWatchdog/expiry(at:)``), after reading everything that
    /// arrived before it: words read late move the deadline and make the report stale.
    case timedOut(at: ContinuousClock.Instant)
    /// The server answered with a redirect, which was not followed.
    case redirected(status: Int)
    /// The body went past the limit; the transfer was stopped.
    case tooLarge(limit: Int)
}
