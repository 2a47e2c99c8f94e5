import Foundation
import Testing

/// Runs each test of a suite on a thread of its own instead of Swift concurrency's shared pool.
///
/// The pool has one thread per core: two cores on CI. A test that waits synchronously (a tmux
/// pane polled with `usleep`, a child process read to its end) or computes for seconds (the
/// shipped engine over a whole suite) holds one of those threads for as long as it runs; two
/// such tests at once stall every other test's `await`, and timed checks elsewhere then fail
/// for no fault of the code under test. With this trait the blocking or heavy work runs on its
/// own thread, scheduled by the kernel beside everything else, and the pool stays free.
///
/// Apply it as `@Suite(.ownThread)`; it reaches every test (and every argument) in the suite.
public struct OwnThreadTrait: SuiteTrait, TestTrait, TestScoping {
    public var isRecursive: Bool { true }

    public func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        // The suite-level call wraps all its tests: only each test case gets a thread.
        guard testCase != nil else { return try await function() }
        let executor = DedicatedThreadExecutor()
        defer { executor.finish() }
        try await withTaskExecutorPreference(executor) { try await function() }
    }
}

extension Trait where Self == OwnThreadTrait {
    /// Each test on a thread of its own (see ``OwnThreadTrait``).
    public static var ownThread: Self { OwnThreadTrait() }
}

/// A task executor with one dedicated thread: jobs run in the order they arrive.
final class DedicatedThreadExecutor: TaskExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var finished = false

    init() {
        let thread = Thread { [self] in runJobs() }
        thread.name = "test (own thread)"
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Lets the thread end once the jobs already queued have run.
    func finish() {
        condition.lock()
        finished = true
        condition.signal()
        condition.unlock()
    }

    private func runJobs() {
        while true {
            condition.lock()
            while jobs.isEmpty && !finished { condition.wait() }
            if jobs.isEmpty {
                condition.unlock()
                return
            }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
