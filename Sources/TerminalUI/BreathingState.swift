import ChatCore

/// A running `/breathe` exercise: the exercise and the time since it started (set by the
/// runtime's ticks).
public struct BreathingState: Sendable, Equatable {
    public var exercise: BreathingExercise
    public var elapsed: Duration = .zero

    public init(exercise: BreathingExercise, elapsed: Duration = .zero) {
        self.exercise = exercise
        self.elapsed = elapsed
    }

    /// What to show now.
    public var frame: BreathingFrame { exercise.frame(at: elapsed) }
}
