import Foundation
import Safeguard

/// One conversation's turn pipeline: assess → plan → respond (with guidance) → review →
/// transcript entries.
///
/// The safeguard runs first and does not depend on the responder: its message is reported
/// before the responder is even asked, so a dead backend, a missing configuration or a slow
/// network never delays or hides crisis help. Replies are reviewed sentence by sentence by the
/// ``OutputGuard`` before anything reaches the screen.
public actor ChatSession: ConversationDriver {
    /// The parts of the safeguard a session needs, loaded once and shared.
    public struct Safeguards: Sendable {
        public var engine: SafeguardEngine
        public var policy: SafeguardPolicy
        public var guardRules: GuardRules

        public init(engine: SafeguardEngine, policy: SafeguardPolicy, guardRules: GuardRules) {
            self.engine = engine
            self.policy = policy
            self.guardRules = guardRules
        }
    }

    private let safeguards: Safeguards
    private var responder: any Responder
    private let builtInListener: (any Responder)?
    /// The safeguard's side of the conversation (reading, plan, the safety question asked).
    private var conversation: SafeguardConversation
    private var settings: PersonSettings {
        get { conversation.settings }
        set { conversation.settings = newValue }
    }
    private var offers: SupportOffers
    private let clock: @Sendable () -> Date

    private var entries: [TranscriptEntry] = []
    private var nextID = 1
    private var turn = 0
    private var replyTask: Task<Void, Never>?
    private var lastPlan: TurnPlan?

    /// Create a session.
    /// - Parameters:
    ///   - safeguards: the loaded safeguard engine, policy and output-guard rules.
    ///   - responder: who replies (the built-in listener, an LLM server, a program).
    ///   - settings: the person's nation and optional age band, for matching services.
    ///   - offers: what Waymark can offer after a referral (safety plan, grounding).
    ///   - clock: the current time (injected so opening hours and check-ins are testable).
    public init(
        safeguards: Safeguards, responder: any Responder, settings: PersonSettings,
        offers: SupportOffers = [], builtInListener: (any Responder)? = nil,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.safeguards = safeguards
        self.responder = responder
        self.builtInListener = builtInListener
        self.conversation = SafeguardConversation(
            engine: safeguards.engine, policy: safeguards.policy, settings: settings)
        self.offers = offers
        self.clock = clock
    }

    // MARK: - Reading the transcript

    /// Everything shown so far, oldest first.
    public var transcript: [TranscriptEntry] { entries }

    /// The responder's display name.
    public var responderName: String { responder.displayName }

    /// The plan chosen for the latest turn (for the inspector).
    public var latestPlan: TurnPlan? { lastPlan }

    // MARK: - Changing the session

    /// Switch to the built-in listener given at creation (after a backend failure).
    public func useBuiltInListener() async -> String {
        guard let builtInListener else { return "The built-in listener is not available here." }
        if responder.displayName == builtInListener.displayName {
            return "You're already talking with the \(builtInListener.displayName)."
        }
        responder = builtInListener
        return "Switched to the \(builtInListener.displayName). Type /retry for a reply to your last message."
    }

    /// The nation and age band services are matched for (as set, or as said in the conversation).
    public var person: PersonSettings { settings }

    /// Set the nation and/or age band services are matched for (`/nation`, `/age`); returns a
    /// sentence saying what is used now.
    public func setPerson(nation: Nation?, ageBand: AgeBand?) async -> String {
        if let nation { settings.nation = nation }
        if let ageBand { settings.ageBand = ageBand }
        return PersonSettings.describe(settings)
    }

    /// Change what Waymark offers after a referral (for example once a safety plan is saved).
    public func setSupportOffers(_ newOffers: SupportOffers) async {
        offers = newOffers
    }

    /// The safeguard's reading of `text` on its own, without recording a turn (for answers
    /// that are not sent to the responder, such as grounding answers; see
    /// ``GroundingAnswerCheck``).
    public func screen(_ text: String) async -> Assessment? {
        safeguards.engine.assess(text)
    }

    // MARK: - Turns

    /// Run one turn for `text`, reporting entries as they appear.
    public nonisolated func send(_ text: String) -> AsyncStream<SessionEvent> {
        AsyncStream { continuation in
            let task = Task.detached { [self] in
                await self.runTurn(text) { continuation.yield($0) }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Ask the responder again for the latest turn (after a failure), without re-assessing.
    public nonisolated func retry() -> AsyncStream<SessionEvent> {
        AsyncStream { continuation in
            let task = Task.detached { [self] in
                await self.retryLatest { continuation.yield($0) }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Stop the reply being streamed, if any. The entry is kept, marked cancelled.
    public func cancelReply() async {
        replyTask?.cancel()
    }

    /// Run one whole turn; `emit` receives every event in order.
    public func runTurn(_ text: String, emit: @Sendable (SessionEvent) -> Void) async {
        turn += 1
        let now = clock()
        // The same path as `waymark assess --conversations`: the reading with what the
        // conversation remembers, the plan (an age or a place said routes services for the rest
        // of it), and the safety question remembered when the plan asks it.
        let (assessment, plan) = conversation.take(text, now: now, offers: offers)
        lastPlan = plan
        emit(.entryAdded(append(role: .user, text: text, assessment: assessment, plan: plan, date: now)))
        if let message = plan.message {
            emit(
                .entryAdded(
                    append(role: .safeguard, text: message.text, services: message.serviceIDs, date: now)))
        }
        if plan.guidance.mode != .withheld {
            await streamReply(plan: plan, now: now, emit: emit)
        }
        emit(.turnFinished(turn: turn))
    }

    private func retryLatest(emit: @Sendable (SessionEvent) -> Void) async {
        guard turn > 0 else { return }
        guard let plan = lastPlan else { return }
        if plan.guidance.mode != .withheld {
            await streamReply(plan: plan, now: clock(), emit: emit)
        }
        emit(.turnFinished(turn: turn))
    }

    // MARK: - The responder's part

    private func conversationForResponder() -> [ChatMessage] {
        entries.compactMap { entry in
            switch entry.role {
            case .user: ChatMessage(role: .user, content: entry.text)
            case .assistant where entry.status == .complete:
                ChatMessage(role: .assistant, content: entry.text)
            case .safeguard: ChatMessage(role: .assistant, content: entry.text)
            default: nil
            }
        }
    }

    private func streamReply(plan: TurnPlan, now: Date, emit: @Sendable (SessionEvent) -> Void) async {
        let guidance = plan.guidance
        let request = ChatRequest(messages: conversationForResponder(), guidance: guidance)
        var entry = append(role: .assistant, text: "", status: .streaming, date: clock())
        emit(.entryAdded(entry))
        let responder = self.responder
        let outputGuard = safeguards.policy.outputGuard(
            rules: safeguards.guardRules, for: plan, settings: settings, now: now)

        // The reply runs in its own task so `cancelReply()` stops just the reply.
        let (updates, updateSink) = AsyncStream.makeStream(of: ReplyUpdate.self)
        let task = Task.detached {
            var review = outputGuard.startReview(guidance: guidance)
            var raw = ""
            var shown = ""
            do {
                for try await event in responder.respond(to: request) {
                    try Task.checkCancellation()
                    guard case .delta(let piece) = event else { break }
                    raw += piece
                    let released = review.feed(piece)
                    if !released.isEmpty {
                        shown += released
                        updateSink.yield(.progress(shown))
                    }
                }
                try Task.checkCancellation()
                _ = review.finish()
                updateSink.yield(.finished(review.result, raw: raw))
            } catch let failure as ResponderFailure {
                updateSink.yield(Task.isCancelled ? .cancelled : .failed(failure))
            } catch {
                updateSink.yield(
                    Task.isCancelled || error is CancellationError
                        ? .cancelled
                        : .failed(ResponderFailure(.badResponse, "The reply could not be read.")))
            }
            updateSink.finish()
        }
        replyTask = task
        for await update in updates {
            switch update {
            case .progress(let shown):
                entry.text = shown
            case .finished(let result, let raw):
                entry.text = result.text
                entry.status = .complete
                if result.changed {
                    entry.originalText = raw
                    entry.guardNotes = result.notes
                }
            case .cancelled:
                entry.status = .cancelled
            case .failed:
                entry.status = .failed
            }
            replace(entry)
            emit(.entryUpdated(entry))
            if case .failed(let failure) = update {
                let notice = append(
                    role: .notice,
                    text: failure.message + " Your message is safe. Type /retry to try again, or "
                        + "/backend listening to talk with the built-in listener.",
                    date: clock())
                emit(.entryAdded(notice))
                emit(.responderFailed(failure))
            }
        }
        replyTask = nil
    }

    // MARK: - Entries

    /// What the reply task reports back to the session.
    private enum ReplyUpdate: Sendable {
        case progress(String)
        case finished(GuardResult, raw: String)
        case cancelled
        case failed(ResponderFailure)
    }

    private func append(
        role: TranscriptEntry.Role, text: String, status: TranscriptEntry.Status = .complete,
        assessment: Assessment? = nil, plan: TurnPlan? = nil, services: [String] = [], date: Date
    ) -> TranscriptEntry {
        let entry = TranscriptEntry(
            id: nextID, turn: turn, role: role, text: text, status: status, assessment: assessment,
            plan: plan, services: services, date: date)
        nextID += 1
        entries.append(entry)
        return entry
    }

    private func replace(_ entry: TranscriptEntry) {
        if let index = entries.lastIndex(where: { $0.id == entry.id }) {
            entries[index] = entry
        }
    }
}
