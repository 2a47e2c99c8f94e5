import Foundation
import Synchronization
import Testing
import WaymarkTestTraits

@testable import OpenAIResponder

/// The watchdog's reports when the consumer is starved. On a loaded two-core machine the task
/// that reads the stream can wait longer than the idle limit while the watch task runs: words
/// that arrived in time are still queued, so the watch sees an old deadline pass. CI once
/// failed that way ("silent for 30 seconds" from a server that had sent everything). A report
/// says when the limit was seen to pass; words read later that arrived before then make it
/// stale, and the watch goes on.
@Suite(.ownThread) struct StreamWatchdogTests {
    private final class Reports: Sendable {
        let seen = Mutex<[(StreamWatchdog.Expiry, ContinuousClock.Instant)]>([])
        var count: Int { seen.withLock { $0.count } }
        var last: (StreamWatchdog.Expiry, ContinuousClock.Instant)? { seen.withLock { $0.last } }
        func add(_ expiry: StreamWatchdog.Expiry, _ moment: ContinuousClock.Instant) {
            seen.withLock { $0.append((expiry, moment)) }
        }
    }

    /// Waits until `count` reports or `limit`: generous, because on CI the heavy suites hold the
    /// task pool for over a minute, and the watch and this wait both run on it (it returns as soon
    /// as the reports are in).
    private func waitFor(_ reports: Reports, count: Int, within limit: Duration = .seconds(300)) async {
        let end = ContinuousClock.now + limit
        while reports.count < count, ContinuousClock.now < end {
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    @Test func wordsReadLateThatArrivedInTimeMakeAReportStaleAndTheWatchGoesOn() async throws {
        let watchdog = StreamWatchdog(firstTokenTimeout: 5, idleTimeout: 0.3)
        let start = ContinuousClock.now
        watchdog.noteText(at: start)
        let reports = Reports()
        let watcher = Task { await watchdog.watch { reports.add($0, $1) } }
        defer { watcher.cancel() }

        await waitFor(reports, count: 1)
        let (expiry, seen) = try #require(reports.last)
        #expect(expiry == .idle)
        #expect(seen - start >= .milliseconds(300))
        // Before the words are read, the report stands.
        #expect(watchdog.expiry(at: seen) == .idle)
        // Words that arrived 0.1 s before the report, read only now: it was stale.
        watchdog.noteText(at: seen - .milliseconds(100))
        #expect(watchdog.expiry(at: seen) == nil)

        // The watch did not stop and does not repeat the stale report: it reports once more,
        // when the moved deadline passes. (Judged by when that report was seen, never by how
        // many reports a short sleep finds: on a loaded machine this task can itself be
        // starved past the moved deadline.)
        await waitFor(reports, count: 2)
        #expect(reports.count == 2)
        let (again, seenAgain) = try #require(reports.last)
        #expect(again == .idle)
        #expect(seenAgain - seen >= .milliseconds(200))
        #expect(watchdog.expiry(at: seenAgain) == .idle)
        watchdog.finish()
        _ = await watcher.result
        #expect(reports.count == 2)
    }

    @Test func theTotalLimitIsReportedOnceAndEndsTheWatch() async {
        let watchdog = StreamWatchdog(firstTokenTimeout: 60, idleTimeout: 60, totalTimeout: 0.2)
        let reports = Reports()
        await watchdog.watch { reports.add($0, $1) }
        #expect(reports.count == 1)
        #expect(reports.last?.0 == .total)
    }
}
