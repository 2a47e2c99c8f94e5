import ChatCore
import Foundation

/// The reviewed data the framing, referral and after checks use.
public struct ReviewReference: Sendable, Equatable {
    public var phrases: FramingPhrases
    public var audience: ServiceAudience

    public init(phrases: FramingPhrases, audience: ServiceAudience) {
        self.phrases = phrases
        self.audience = audience
    }

    /// Path of the phrase lists inside `resources/`.
    public static let phrasesPath = "review/framing-checks.json"
    /// Path of the service audience table inside `resources/`.
    public static let audiencePath = "review/service-audience.json"

    /// Load both files from the resources folder.
    public static func load(from resources: ResourceLocator) throws -> ReviewReference {
        ReviewReference(
            phrases: try FramingPhrases.decode(try resources.data(phrasesPath)),
            audience: try ServiceAudience.decode(try resources.data(audiencePath)))
    }
}
