import Foundation
import Safeguard

extension ChatSession.Safeguards {
    /// Load the safeguard from Waymark's resources folder: the referral policy and the output
    /// guard's rules (read first: they are quick, and a missing file, part or key stops loading
    /// with a ``ResourceDataError`` naming it), then the engine with every layer (lexicon,
    /// statistical model, contextual encoder). Any error here means no chat: the caller falls
    /// back to 999 and Samaritans only.
    public static func load(from locator: ResourceLocator) throws -> ChatSession.Safeguards {
        let policy = try SafeguardResources.loadPolicy(from: locator)
        let guardRules = try SafeguardResources.loadGuardRules(from: locator)
        return ChatSession.Safeguards(
            engine: try SafeguardLoader.loadEngine(from: locator), policy: policy, guardRules: guardRules)
    }
}
