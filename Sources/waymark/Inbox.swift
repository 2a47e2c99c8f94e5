import Glibc
import Synchronization

/// Messages from background tasks to the UI loop: a `Mutex`-protected queue plus a self-pipe
/// that wakes the loop's `poll(2)`.
final class Inbox<Message: Sendable>: Sendable {
    private let pending = Mutex<[Message]>([])
    /// Read end, polled by the UI loop.
    let wakeFD: Int32
    /// Write end (also used by signal handlers to wake the loop).
    let writeFD: Int32

    init() {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        }
        wakeFD = fds[0]
        writeFD = fds[1]
    }

    deinit {
        close(wakeFD)
        close(writeFD)
    }

    /// Queue a message and wake the loop (any thread).
    func post(_ message: Message) {
        pending.withLock { $0.append(message) }
        var one: UInt8 = 1
        _ = write(writeFD, &one, 1)  // EAGAIN means a wake-up is already pending
    }

    /// Take every queued message (UI thread).
    func drain() -> [Message] {
        var buffer = [UInt8](repeating: 0, count: 256)
        while read(wakeFD, &buffer, buffer.count) > 0 {}
        return pending.withLock { queue in
            defer { queue.removeAll(keepingCapacity: true) }
            return queue
        }
    }
}
