import Foundation
import Testing
import WaymarkStore
import WaymarkTestTraits

/// Kills a writing process with SIGKILL and checks nothing committed was lost or corrupted.
@Suite(.ownThread) struct WaymarkStoreCrashTests {
    let temporary = TemporaryDirectory()

    /// The `waymark-store-probe` executable built beside the test binary.
    static func probeURL() -> URL? {
        if let explicit = ProcessInfo.processInfo.environment["WAYMARK_STORE_PROBE"] {
            return URL(fileURLWithPath: explicit)
        }
        var directory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("waymark-store-probe")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return nil
    }

    static func batches(_ output: String, _ word: String) -> [Int] {
        output.split(separator: "\n").compactMap { line in
            line.hasPrefix(word + " ") ? Int(line.dropFirst(word.count + 1)) : nil
        }
    }

    @Test(arguments: [("first", 12, 0), ("second", 30, 0), ("third", 5, 2)])
    func killingTheWriterMidWriteLosesNothingCommitted(label: String, waitFor: Int, extraMilliseconds: Int)
        throws
    {
        let probe = try #require(Self.probeURL(), "build waymark-store-probe first (swift build)")
        let batchSize = 40
        let process = Process()
        process.executableURL = probe
        process.arguments = [temporary.store.path, String(batchSize), label]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()

        // Wait until the probe has *started* writing batch `waitFor`, then kill it at once: the
        // kill lands inside that batch's transaction (or, rarely, just after it commits).
        var output = ""
        while (Self.batches(output, "writing").last ?? 0) < waitFor {
            let data = pipe.fileHandleForReading.availableData
            if data.isEmpty { break }
            output += String(decoding: data, as: UTF8.self)
        }
        usleep(useconds_t(extraMilliseconds * 1000))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        output += String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationReason == .uncaughtSignal)
        let reported = Self.batches(output, "committed").last ?? 0
        #expect(reported >= waitFor - 1)
        let midWrite = (Self.batches(output, "writing").last ?? 0) > reported
        print("kill -9 \(label): \(reported) batches reported committed; killed mid-transaction: \(midWrite)")

        let store = try WaymarkStore.open(directory: temporary.store)
        #expect(try store.verifyIntegrity())
        var perBatch: [Int: Int] = [:]
        for message in try store.historyMessages(limit: 1_000_000)
        where message.text.hasPrefix("\(label) batch ") {
            let number = Int(message.text.split(separator: " ")[2]) ?? -1
            perBatch[number, default: 0] += 1
        }
        for batch in 1...reported {
            #expect(perBatch[batch] == batchSize, "batch \(batch) of \(reported) has \(perBatch[batch] ?? 0)")
        }
        // A batch past the last reported one may have committed just before the kill; never half of one.
        #expect(perBatch.values.allSatisfy { $0 == batchSize }, "a torn transaction: \(perBatch)")
        #expect(perBatch.keys.allSatisfy { $0 <= reported + 1 })
    }
}
