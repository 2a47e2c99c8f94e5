import Foundation

/// The reviewed words of the 5-4-3-2-1 grounding exercise, from
/// `resources/grounding/five-four-three-two-one.json`.
public struct GroundingGuide: Sendable, Equatable, Codable {
    /// One sense to notice.
    public struct Step: Sendable, Equatable, Codable {
        /// How many things to notice (5, 4, 3, 2, 1).
        public var count: Int
        /// The sense ("see", "touch", "hear", "smell", "taste").
        public var sense: String
        /// The question asked.
        public var prompt: String

        public init(count: Int, sense: String, prompt: String) {
            self.count = count
            self.sense = sense
            self.prompt = prompt
        }
    }

    /// Paragraphs said before the first step.
    public var intro: [String]
    /// The steps, in order.
    public var steps: [Step]
    /// Warm lines said after an answer (used in turn).
    public var acknowledgements: [String]
    /// Said when the person sends an empty answer.
    public var nudge: String
    /// Said after the last step.
    public var closing: String
    /// Said when the person stops early.
    public var closingEarly: String

    /// The offer made after a referral or at `distress`.
    public var offer: String

    /// Decode a guide from JSON.
    public init(data: Data) throws {
        self = try JSONDecoder().decode(GroundingGuide.self, from: data)
    }

    /// The path of the guide inside the resources folder.
    public static let resourcePath = "grounding/five-four-three-two-one.json"

    /// Load the guide from the resources folder.
    public static func load(from resources: ResourceLocator) throws -> GroundingGuide {
        try GroundingGuide(data: resources.data(resourcePath))
    }
}
