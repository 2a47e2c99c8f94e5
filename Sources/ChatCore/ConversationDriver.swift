import Safeguard

/// The conversation as the chat screen and line mode see it: send one turn, get its events.
///
/// `ChatSession` conforms; tests and demos use small drivers such as `EchoDriver`.
public protocol ConversationDriver: Sendable {
    /// Run one turn for the person's message. The stream reports the user entry, any
    /// safeguard message, the streamed reply (as `.entryUpdated` replacing by id) and ends
    /// after `.turnFinished`.
    func send(_ text: String) -> AsyncStream<SessionEvent>
    /// Stop the reply that is streaming, if any; the turn still finishes.
    func cancelReply() async
    /// Ask the responder again for the latest turn (after a failure), without re-assessing.
    func retry() -> AsyncStream<SessionEvent>
    /// Switch to the built-in, offline listener; returns a sentence saying what happened.
    func useBuiltInListener() async -> String
    /// Change what is offered after a referral (safety plan, grounding).
    func setSupportOffers(_ offers: SupportOffers) async
    /// The safeguard's reading of text that is not a turn (grounding answers); `nil` when
    /// the driver has no safeguard.
    func screen(_ text: String) async -> Assessment?
    /// Set the nation and/or age band services are matched for (`/nation`, `/age`); returns a
    /// sentence saying what is used now.
    func setPerson(nation: Nation?, ageBand: AgeBand?) async -> String
}

extension ConversationDriver {
    public func retry() -> AsyncStream<SessionEvent> {
        AsyncStream { $0.finish() }
    }

    public func useBuiltInListener() async -> String {
        "The built-in listener is already in use."
    }

    public func setSupportOffers(_ offers: SupportOffers) async {}

    public func screen(_ text: String) async -> Assessment? { nil }

    public func setPerson(nation: Nation?, ageBand: AgeBand?) async -> String {
        "Services can't be changed here."
    }
}
