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
    /// A very long message is waiting for confirmation before it is sent.
    case confirmLongMessage
}
