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

    /// Sleeps until a deadline passes, re-checking as it moves; calls `report` once if one
    /// passes. Returns when the reply finishes, a deadline passes or the task is cancelled.
    func watch(report: @Sendable (Expiry) -> Void) async {
        while !Task.isCancelled {
            let current = state.withLock { $0 }
            if current.phase == .finished { return }
            let now = ContinuousClock.now
            // When both have passed (a starved task wakes late), the earlier one is the cause.
            if now >= current.deadline, current.deadline <= totalDeadline {
                report(current.phase == .streaming ? .idle : .firstToken)
                return
            }
            if now >= totalDeadline {
                report(.total)
                return
            }
            do {
                // Short slices: the deadline can move earlier (first token → idle timeout).
                let wake = min(current.deadline, totalDeadline, now + .milliseconds(100))
                try await Task.sleep(until: wake, clock: .continuous)
            } catch {
                return
            }
        }
    }
}
