import Synchronization

/// Enforces the first-token and idle timeouts of one streamed reply: a deadline that moves
/// as the reply progresses, and a task that reports when it passes.
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

    private struct State {
        var phase: Phase
        var deadline: ContinuousClock.Instant
    }

    private let state: Mutex<State>
    private let idleTimeout: Duration

    init(firstTokenTimeout: Double, idleTimeout: Double) {
        self.idleTimeout = .seconds(idleTimeout)
        state = Mutex(
            State(phase: .awaitingFirstToken, deadline: ContinuousClock.now + .seconds(firstTokenTimeout)))
    }

    /// Bytes arrived: while streaming, the idle deadline starts again.
    func noteActivity() {
        state.withLock { state in
            if state.phase == .streaming {
                state.deadline = ContinuousClock.now + idleTimeout
            }
        }
    }

    /// The first words arrived.
    func noteFirstToken() {
        state.withLock { state in
            if state.phase == .awaitingFirstToken {
                state.phase = .streaming
                state.deadline = ContinuousClock.now + idleTimeout
            }
        }
    }

    /// The reply is over; ``watch(report:)`` returns.
    func finish() {
        state.withLock { $0.phase = .finished }
    }

    /// Sleeps until the deadline, re-checking as it moves; calls `report` once if it passes.
    /// Returns when the reply finishes, the deadline passes or the task is cancelled.
    func watch(report: @Sendable (Phase) -> Void) async {
        while !Task.isCancelled {
            let current = state.withLock { $0 }
            if current.phase == .finished { return }
            if ContinuousClock.now >= current.deadline {
                report(current.phase)
                return
            }
            do {
                // Short slices: the deadline can move earlier (first token → idle timeout).
                let wake = min(current.deadline, ContinuousClock.now + .milliseconds(100))
                try await Task.sleep(until: wake, clock: .continuous)
            } catch {
                return
            }
        }
    }
}
