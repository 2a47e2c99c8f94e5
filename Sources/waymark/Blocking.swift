import Dispatch
import Synchronization

/// Runs async work from the synchronous screen and line-mode loops and waits for its result.
enum Blocking {
    /// Run `work` in a detached task; block this thread until it returns.
    static func run<Value: Sendable>(_ work: @escaping @Sendable () async -> Value) -> Value {
        let done = DispatchSemaphore(value: 0)
        let box = Mutex<Value?>(nil)
        Task.detached {
            let value = await work()
            box.withLock { $0 = value }
            done.signal()
        }
        done.wait()
        // The semaphore orders the write before this read; the value is always set here.
        return box.withLock { $0.take() } ?? fallback()
    }

    private static func fallback<Value>() -> Value {
        preconditionFailure("Blocking.run returned without a value")
    }
}
