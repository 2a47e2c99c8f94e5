import ChatCore
import Safeguard

/// The conversation while it loads: the chat screen appears at once and the safeguard's data
/// (lexicon, model, directory, listener) loads in the background. A message sent before it
/// is ready waits for it — nothing is lost, and typing never waits.
final class DeferredConversation: ConversationDriver {
    private let loading: Task<ConversationSetup, Never>

    init(_ make: @escaping @Sendable () -> ConversationSetup) {
        loading = Task.detached {
            let setup = make()
            // Compiling the lexicon and decoding the model leave freed memory scattered through
            // the heap; hand it back so the idle chat stays small.
            HeapTrim.returnFreePages()
            return setup
        }
    }

    /// The loaded conversation (waits for it).
    var setup: ConversationSetup {
        get async { await loading.value }
    }

    func send(_ text: String) -> AsyncStream<SessionEvent> {
        forward { $0.send(text) }
    }

    func retry() -> AsyncStream<SessionEvent> {
        forward { $0.retry() }
    }

    func cancelReply() async {
        await setup.driver.cancelReply()
    }

    func useBuiltInListener() async -> String {
        await setup.driver.useBuiltInListener()
    }

    func setSupportOffers(_ offers: SupportOffers) async {
        await setup.driver.setSupportOffers(offers)
    }

    func setPerson(nation: Nation?, ageBand: AgeBand?) async -> String {
        await setup.driver.setPerson(nation: nation, ageBand: ageBand)
    }

    func screen(_ text: String) async -> Assessment? {
        await setup.driver.screen(text)
    }

    private func forward(
        _ start: @escaping @Sendable (any ConversationDriver) -> AsyncStream<SessionEvent>
    ) -> AsyncStream<SessionEvent> {
        let loading = self.loading
        return AsyncStream { continuation in
            let task = Task.detached {
                let driver = await loading.value.driver
                for await event in start(driver) { continuation.yield(event) }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
