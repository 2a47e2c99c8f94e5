import Synchronization

/// Enforces the first-token, idle and total timeouts of one streamed reply: a deadline that
/// moves as the reply progresses (only when words arrive, never on bare bytes such as
/// keep-alive comments or a one-byte drip), a fixed deadline for the whole reply, and a task
/// that reports when either passes.
final class StreamWatchdog: Sendable {
    /// Where the reply is, which decides the deadline.
    enum Phase: Sendable, Equatable {
        /// Request sent; no words yet.
        case awaitingFirstToken
        /// Words are arriving.
        case streaming
        /// Over; the watchdog stops.
        case finished
    }

    /// Which limit passed.
    enum Expiry: Sendable, Equatable {
        /// No words within the first-token timeout.
        case firstToken
        /// No new words within the idle timeout.
        case idle
        /// The whole reply took longer than the total timeout.
        case total
    }

    private struct State {
        var phase: Phase
        var deadline: ContinuousClock.Instant
    }

    private let state: Mutex<State>
    private let idleTimeout: Duration
    private let totalDeadline: ContinuousClock.Instant

    init(firstTokenTimeout: Double, idleTimeout: Double, totalTimeout: Double = 300) {
        self.idleTimeout = .seconds(idleTimeout)
        let now = ContinuousClock.now
        totalDeadline = now + .seconds(totalTimeout)
        state = Mutex(State(phase: .awaitingFirstToken, deadline: now + .seconds(firstTokenTimeout)))
    }

    /// Words arrived (at `time`): the first ones end the first-token wait, and every later
    /// piece starts the idle deadline again.
    func noteText(at time: ContinuousClock.Instant = .now) {
        state.withLock { state in
            switch state.phase {
            case .finished:
                return
            case .awaitingFirstToken:
                state.phase = .streaming
                state.deadline = time + idleTimeout
            case .streaming:
                state.deadline = max(state.deadline, time + idleTimeout)
            }
        }
    }

    /// Which limit had passed at `time`, if any: bytes without words that arrive after a
    /// deadline prove it passed, however late they are read.
    func expiry(at time: ContinuousClock.Instant) -> Expiry? {
        let current = state.withLock { $0 }
        guard current.phase != .finished else { return nil }
        if time >= current.deadline, current.deadline <= totalDeadline {
            return current.phase == .streaming ? .idle : .firstToken
        }
        return time >= totalDeadline ? .total : nil
    }

    /// The reply is over; ``watch(report:)`` returns.
    func finish() {
        state.withLock { $0.phase = .finished }
    }

    /// Sleeps until a deadline passes, re-checking as it moves, and calls `report` with the
    /// limit and the moment it was seen to pass. A report can be stale: words that arrived
    /// before that moment may still be waiting for a consumer the task pool starved, and they
    /// move the deadline when they are read (the consumer checks with ``expiry(at:)``). So the
    /// watch goes on after a report, and reports again only if a later deadline passes too.
    /// Returns when the reply finishes, the total limit passes or the task is cancelled.
    func watch(report: @Sendable (Expiry, ContinuousClock.Instant) -> Void) async {
        var reported: ContinuousClock.Instant?
        while !Task.isCancelled {
            let current = state.withLock { $0 }
            if current.phase == .finished { return }
            let now = ContinuousClock.now
            var wake = min(current.deadline, totalDeadline, now + .milliseconds(100))
            // When both have passed (a starved task wakes late), the earlier one is the cause.
            if now >= current.deadline, current.deadline <= totalDeadline {
                if reported != current.deadline {
                    report(current.phase == .streaming ? .idle : .firstToken, now)
                    reported = current.deadline
                }
                wake = now + .milliseconds(100)
            } else if now >= totalDeadline {
                report(.total, now)
                return
            }
            do {
                // Short slices: the deadline can move earlier (first token → idle timeout).
                try await Task.sleep(until: wake, clock: .continuous)
            } catch {
                return
            }
        }
    }
}
