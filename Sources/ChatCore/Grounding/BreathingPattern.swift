/// A paced-breathing pattern (box, 4-7-8): its phases with their durations and reviewed words.
public struct BreathingPattern: Sendable, Equatable, Codable, Identifiable {
    /// What the lungs are doing in a phase, for an animation (grow, stay full, shrink, stay empty).
    public enum PhaseKind: String, Sendable, Equatable, Codable {
        /// Breathing in.
        case breatheIn = "in"
        /// Holding with full lungs.
        case holdIn
        /// Breathing out.
        case breatheOut = "out"
        /// Resting with empty lungs.
        case holdOut
    }

    /// One phase of a breath.
    public struct Phase: Sendable, Equatable, Codable {
        public var kind: PhaseKind
        /// How long the phase lasts, in whole seconds (at least 1).
        public var seconds: Int
        /// A short label ("Breathe in").
        public var label: String
        /// A fuller instruction ("Breathe in slowly through your nose").
        public var instruction: String

        public init(kind: PhaseKind, seconds: Int, label: String, instruction: String) {
            self.kind = kind
            self.seconds = seconds
            self.label = label
            self.instruction = instruction
        }
    }

    /// A stable id ("box", "4-7-8").
    public var id: String
    /// The name shown ("Box breathing").
    public var name: String
    /// One line describing the rhythm.
    public var summary: String
    /// How many breaths (rounds) an exercise has by default.
    public var cycles: Int
    /// The phases of one breath, in order.
    public var phases: [Phase]

    public init(id: String, name: String, summary: String, cycles: Int, phases: [Phase]) {
        self.id = id
        self.name = name
        self.summary = summary
        self.cycles = cycles
        self.phases = phases
    }

    /// The length of one breath, in seconds.
    public var secondsPerCycle: Int {
        phases.reduce(0) { $0 + max($1.seconds, 1) }
    }
}
