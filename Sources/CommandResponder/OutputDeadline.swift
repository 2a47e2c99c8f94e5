import Synchronization

/// The moving deadline for a program's output: first-output timeout until the first line,
/// then an idle timeout that restarts with every line.
final class OutputDeadline: Sendable {
    private struct State {
        var started = false
        var finished = false
        var deadline: ContinuousClock.Instant
    }

    private let state: Mutex<State>
    private let idle: Duration

    init(firstOutput: Double, idle: Double) {
        self.idle = .seconds(idle)
        state = Mutex(State(deadline: .now + .seconds(firstOutput)))
    }

    /// A line arrived.
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

    /// Sleeps in short slices until the deadline passes (returning whether output had
    /// started) or the reply finishes or the task is cancelled (returning `nil`).
    func waitForExpiry() async -> Bool? {
        while !Task.isCancelled {
            let current = state.withLock { $0 }
            if current.finished { return nil }
            if ContinuousClock.now >= current.deadline { return current.started }
            let wake = min(current.deadline, .now + .milliseconds(100))
            do {
                try await Task.sleep(until: wake, clock: .continuous)
            } catch {
                return nil
            }
        }
        return nil
    }
}
