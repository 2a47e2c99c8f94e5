/// What a step-by-step exercise says next: lines to show, then the question to ask (if any).
///
/// Shared by ``SafetyPlanInterview`` and ``GroundingExercise`` so line mode and the chat
/// screen drive both the same way: print `lines`, show `question`, pass the answer back.
public struct GuidedTurn: Sendable, Equatable {
    /// Lines to show, in order (an empty string is a blank line).
    public var lines: [String]
    /// The question waiting for an answer; `nil` when the exercise has finished.
    public var question: String?

    public init(lines: [String], question: String?) {
        self.lines = lines
        self.question = question
    }

    /// Whether the exercise has finished (no question is waiting).
    public var isFinished: Bool { question == nil }
}
