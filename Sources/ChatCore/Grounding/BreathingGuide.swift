import Foundation

/// The reviewed words and patterns for paced breathing, from `resources/grounding/breathing.json`.
public struct BreathingGuide: Sendable, Equatable, Codable {
    /// Said before the first breath.
    public var intro: String
    /// Said after the last breath.
    public var closing: String
    /// The offer made after a referral or at `distress` ("Would a minute of slow breathing help?").
    public var offer: String
    /// The counting line: "{label}… {seconds}".
    public var stepTemplate: String
    /// The still, reduced-motion line for a phase: placeholders {instruction}, {label},
    /// {seconds}, {cycle}, {cycles}.
    public var reducedMotionTemplate: String
    /// The patterns on offer, the first being the default.
    public var patterns: [BreathingPattern]

    /// The pattern with `id`, if there is one.
    public func pattern(_ id: String) -> BreathingPattern? {
        patterns.first(where: { $0.id == id })
    }

    /// Decode a guide from JSON.
    public init(data: Data) throws {
        self = try JSONDecoder().decode(BreathingGuide.self, from: data)
    }

    /// The path of the guide inside the resources folder.
    public static let resourcePath = "grounding/breathing.json"

    /// Load the guide from the resources folder.
    public static func load(from resources: ResourceLocator) throws -> BreathingGuide {
        try BreathingGuide(data: resources.data(resourcePath))
    }
}
