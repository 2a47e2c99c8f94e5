import Foundation
import Safeguard

/// The safeguard's side of one conversation, turn by turn: the engine reads the turn with what
/// the conversation remembers, the policy plans Waymark's answer (and routes services by an age
/// or a place said), and when that answer asks the safety question the conversation remembers
/// it was asked (so a "yes" or a time that follows is read as the answer). The chat
/// (``ChatSession``) and `waymark assess --conversations` both play turns through this one
/// path, so the conversation figures are the product's (issue 16, item 6).
public struct SafeguardConversation: Sendable {
    /// How one turn is read: the engine's `assess(_:state:)`, or a bounded reading of it.
    public typealias Reading = @Sendable (String, ConversationState) -> (Assessment, ConversationState)

    public let engine: SafeguardEngine
    public let policy: SafeguardPolicy
    /// The nation and age band services are matched for (as set, or as said so far).
    public var settings: PersonSettings
    /// What the engine remembers of the conversation so far.
    public private(set) var state = ConversationState()
    /// What the policy remembers (referrals shown, the highest level, check-ins).
    public private(set) var followUp = FollowUpState()
    private let reading: Reading

    public init(
        engine: SafeguardEngine, policy: SafeguardPolicy, settings: PersonSettings, reading: Reading? = nil
    ) {
        self.engine = engine
        self.policy = policy
        self.settings = settings
        self.reading = reading ?? { [engine] text, state in engine.assess(text, state: state) }
    }

    /// Reads one turn and plans Waymark's answer to it; the plan's reasons include a routing
    /// note when the turn said an age or a place.
    public mutating func take(_ text: String, now: Date, offers: SupportOffers) -> (
        assessment: Assessment, plan: TurnPlan
    ) {
        let (read, newState) = reading(text, state)
        let assessment = read.remembering(newState)
        state = newState
        let (said, routingNote) = policy.settings(after: text, current: settings)
        settings = said
        var (plan, newFollowUp) = policy.plan(
            for: assessment, userText: text, settings: settings, followUp: followUp, now: now, offers: offers)
        if let routingNote { plan.reasons.append(routingNote) }
        followUp = newFollowUp
        if plan.asksSafetyQuestion { state.recordSafeguardAskedSafetyQuestion() }
        return (assessment, plan)
    }
}
