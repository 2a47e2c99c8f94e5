import Safeguard

/// How the chat was asked to start.
struct ChatOptions: Sendable {
    var plain = false
    var noIntro = false
    /// The person's nation, for the help strip and services.
    var nation: Nation?
    /// Clinician mode: the inspector and `/export` include replies the output guard changed,
    /// in their original form, clearly labelled.
    var clinician = false
}
