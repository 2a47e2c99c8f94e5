/// A statistical layer the engine may consult for suicidal language the lexicon misses.
///
/// Implementations must be deterministic and fast (microseconds per message); the engine uses
/// the score only as extra evidence, never to override figurative, negated or fictional context.
public protocol RiskModel: Sendable {
    /// Scores one message.
    func scores(for text: String) -> RiskModelScores
    /// The probability alone (what the engine needs; no explanation built).
    func suicidalProbability(for text: String) -> Double
    /// The same, in working arrays reused from `scratch` (a model with none reads as above).
    func suicidalProbability(for text: String, scratch: inout ClassifierScratch) -> Double
}

extension RiskModel {
    public func suicidalProbability(for text: String) -> Double { scores(for: text).suicidal }

    public func suicidalProbability(for text: String, scratch: inout ClassifierScratch) -> Double {
        suicidalProbability(for: text)
    }
}

/// What a `RiskModel` says about one message.
public struct RiskModelScores: Sendable, Equatable {
    /// Probability that the message is crisis-level suicidal or self-harm language.
    public var suicidal: Double
    /// The features that weighed most, for the inspector.
    public var topFeatures: [String]

    public init(suicidal: Double, topFeatures: [String] = []) {
        self.suicidal = suicidal
        self.topFeatures = topFeatures
    }
}
