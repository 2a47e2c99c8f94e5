import Foundation
import Safeguard

extension ChatSession.Safeguards {
    /// Load the safeguard from Waymark's resources folder: the lexicon (with the statistical
    /// model when its file is present), the referral policy and the output guard's rules.
    public static func load(from locator: ResourceLocator) throws -> ChatSession.Safeguards {
        ChatSession.Safeguards(
            engine: try SafeguardLoader.loadEngine(from: locator),
            policy: try SafeguardResources.loadPolicy(from: locator),
            guardRules: try SafeguardResources.loadGuardRules(from: locator))
    }
}
