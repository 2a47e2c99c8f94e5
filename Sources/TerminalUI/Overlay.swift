/// What covers the transcript, if anything. The help strip is never covered.
public enum Overlay: Sendable, Equatable {
    /// The intro: what Waymark is and is not. Dismissed with Enter.
    case intro
    /// F1: keys and commands.
    case help
    /// F2: UK services.
    case services
    /// F3: the clinician inspector.
    case inspector
    /// The saved safety plan, read-only (after an offer is accepted).
    case safetyPlan
    /// `/plan`: the safety plan editor.
    case planEditor
    /// `/breathe`: the paced-breathing exercise.
    case breathing
    /// `/history`: saved conversations.
    case history
    /// A very long message is waiting for confirmation before it is sent.
    case confirmLongMessage
    /// `/unlock`: a box that takes the passphrase of encrypted history without showing it.
    case passphrase
}
