import ChatCore

/// Messages to a screen's loop that carry a reply's events (chat and demo screens).
protocol ReplyStreamMessage: Sendable {
    static func session(_ event: SessionEvent) -> Self
    static var streamEnded: Self { get }
}

extension Inbox where Message: ReplyStreamMessage {
    /// Forwards a reply's events to the loop in the background, then its end. Cancel the task
    /// to stop forwarding (a new message, or quitting).
    func forwardReply(_ events: @escaping @Sendable () -> AsyncStream<SessionEvent>) -> Task<Void, Never> {
        Task.detached {
            for await event in events() { self.post(.session(event)) }
            self.post(.streamEnded)
        }
    }
}
