import ChatCore
import WaymarkTesting

/// Build the conversation the chat screen and line mode talk to.
///
/// The single place to swap in `ChatSession` (with the configured responder and safeguard).
func makeConversationDriver(_ options: ChatOptions) -> any ConversationDriver {
    EchoDriver()
}
