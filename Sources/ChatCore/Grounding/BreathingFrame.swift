/// What a breathing exercise looks like at one moment: for the animation and for reduced motion.
public struct BreathingFrame: Sendable, Equatable {
    /// The current phase (kind, label, instruction, duration).
    public var phase: BreathingPattern.Phase
    /// The index of the phase within the breath.
    public var phaseIndex: Int
    /// The current breath, 1-based.
    public var cycle: Int
    /// How many breaths the exercise has.
    public var cycles: Int
    /// Whole seconds left in this phase (counting down 4, 3, 2, 1); 0 once finished.
    public var secondsLeft: Int
    /// How far through this phase, from 0 to 1.
    public var phaseProgress: Double
    /// How full the lungs are, from 0 to 1: rises while breathing in, stays at 1 while holding,
    /// falls while breathing out, stays at 0 while resting. Drive an animation with this.
    public var fill: Double
    /// How far through the whole exercise, from 0 to 1.
    public var overallProgress: Double
    /// Whether the exercise is over (the frame then shows the last phase, finished).
    public var isFinished: Bool
    /// A short counting line that changes every second ("Breathe in… 3").
    public var text: String
    /// A still line that changes only when the phase changes, for reduced motion and screen
    /// readers ("Breathe in slowly through your nose for 4 seconds (round 1 of 4).").
    public var reducedMotionText: String

    public init(
        phase: BreathingPattern.Phase, phaseIndex: Int, cycle: Int, cycles: Int, secondsLeft: Int,
        phaseProgress: Double, fill: Double, overallProgress: Double, isFinished: Bool, text: String,
        reducedMotionText: String
    ) {
        self.phase = phase
        self.phaseIndex = phaseIndex
        self.cycle = cycle
        self.cycles = cycles
        self.secondsLeft = secondsLeft
        self.phaseProgress = phaseProgress
        self.fill = fill
        self.overallProgress = overallProgress
        self.isFinished = isFinished
        self.text = text
        self.reducedMotionText = reducedMotionText
    }
}
