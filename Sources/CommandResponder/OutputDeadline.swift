import Synchronization

/// The moving deadline for a program's output: first-output timeout until the first words,
/// then an idle timeout that restarts with every piece of text; and a fixed deadline for the
/// whole reply.
final class OutputDeadline: Sendable {
    /// Which limit passed.
    enum Expiry: Sendable, Equatable {
        case firstOutput
        case idle
        case total
    }

    private struct State {
        var started = false
        var finished = false
        var deadline: ContinuousClock.Instant
    }

    private let state: Mutex<State>
    private let idle: Duration
    private let totalDeadline: ContinuousClock.Instant

    init(firstOutput: Double, idle: Double, total: Double = 300) {
        self.idle = .seconds(idle)
        let now = ContinuousClock.now
        totalDeadline = now + .seconds(total)
        state = Mutex(State(deadline: now + .seconds(firstOutput)))
    }

    /// Words arrived.
    func noteOutput() {
        state.withLock {
            $0.started = true
            $0.deadline = .now + idle
        }
    }

    /// The reply is over; ``waitForExpiry()`` returns `nil`.
    func finish() {
        state.withLock { $0.finished = true }
    }

    /// Sleeps in short slices until a deadline passes (returning which) or the reply
    /// finishes or the task is cancelled (returning `nil`).
    func waitForExpiry() async -> Expiry? {
        while !Task.isCancelled {
            let current = state.withLock { $0 }
            if current.finished { return nil }
            let now = ContinuousClock.now
            // When both have passed (a starved task wakes late), the earlier one is the cause.
            if now >= current.deadline, current.deadline <= totalDeadline {
                return current.started ? .idle : .firstOutput
            }
            if now >= totalDeadline { return .total }
            let wake = min(current.deadline, totalDeadline, now + .milliseconds(100))
            do {
                try await Task.sleep(until: wake, clock: .continuous)
            } catch {
                return nil
            }
        }
        return nil
    }
}
