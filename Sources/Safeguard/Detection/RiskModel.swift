/// A statistical model that scores how likely a message expresses current suicidal risk.
///
/// Implementations must be deterministic, bounded (linear in the input length) and must not
/// crash on any input. The rule-based detector combines these scores with its own signals.
public protocol RiskModel: Sendable {
    /// Scores one message.
    func scores(for text: String) -> RiskModelScores
}

/// What a ``RiskModel`` says about one message.
public struct RiskModelScores: Sendable, Equatable {
    /// Probability (0...1) that the message expresses current suicidal ideation, method
    /// seeking or self-harm now.
    public var suicidal: Double
    /// The few features (n-grams) that pushed the score up most, strongest first, for the
    /// clinician inspector.
    public var topFeatures: [String]

    public init(suicidal: Double, topFeatures: [String]) {
        self.suicidal = suicidal
        self.topFeatures = topFeatures
    }
}
