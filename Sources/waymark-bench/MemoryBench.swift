import ChatCore
import Foundation
import Safeguard

/// `waymark-bench memory`: resident memory after each thing the chat loads, in the order it
/// loads them (each step trimmed, as the chat does after loading), split into anonymous and
/// file-backed pages, to see where idle RSS goes. The encoder's weights are read in place from
/// a read-only mapping of `encoder.bin`: they show as file-backed once a reading pages them in.
func runMemoryBenchmark(locator: ResourceLocator) {
    // The chat reads the lexicon and model from the precompiled cache; make sure there is one
    // (compiling here would leave the compiler's freed memory in this process's figures).
    warmCacheInChild()
    print("memory (RSS after each step, malloc_trim'd; MB: total = anonymous + file-backed)")
    var last = ResidentMemory.current()
    func show(_ name: String, _ now: ResidentMemory) {
        print(
            name.padding(toLength: 50, withPad: " ", startingAt: 0)
                + String(
                    format: "%6.1f = %5.1f + %5.1f  (%+.1f anon, %+.1f file)", now.total, now.anonymous,
                    now.file, now.anonymous - last.anonymous, now.file - last.file))
        last = now
    }
    func step(_ name: String, _ body: () throws -> Any) {
        let kept = try? body()
        HeapTrim.returnFreePages()
        show(name, ResidentMemory.current())
        withExtendedLifetime(kept) {}
        retained.append(kept as Any)
    }
    show("start", last)
    step("lexicon and n-gram model (precompiled cache)") { try SafeguardLoader.loadCompiled(from: locator) }
    var encoder: ContextualEncoder?
    step("contextual encoder (weights mapped, not read yet)") {
        let loaded = try SafeguardLoader.loadEncoder(from: locator)
        encoder = loaded
        return loaded
    }
    step("  after its first reading (weights paged in)") {
        encoder?.read("can't sleep, keep thinking about the exam tomorrow", previous: ["hiya"]) as Any
    }
    step("policy (directory, framing) and guard rules") {
        (
            try SafeguardResources.loadPolicy(from: locator),
            try SafeguardResources.loadGuardRules(from: locator)
        )
    }
    step("listener phrasebook") { try ListeningResponder.load(from: locator) }
    let mapped = ResidentMemory.mappedFile(named: "encoder.bin")
    print(
        String(
            format:
                "of which encoder.bin mapped read-only: %.1f MB resident; anonymous apart from it: %.1f MB",
            mapped, last.anonymous))
}

/// Resident pages of this process from `/proc/self/status`, in MB.
struct ResidentMemory {
    var total: Double
    var anonymous: Double
    var file: Double

    static func current() -> ResidentMemory { of(process: "self") }

    /// The figures of another process (`/proc/PID/status`); zeros when it is gone.
    static func of(process: String) -> ResidentMemory {
        var values: [String: Double] = [:]
        if let status = try? String(contentsOfFile: "/proc/\(process)/status", encoding: .utf8) {
            for line in status.split(separator: "\n") {
                let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard parts.count >= 2, let kilobytes = Double(parts[1]) else { continue }
                values[String(parts[0])] = kilobytes / 1024
            }
        }
        return ResidentMemory(
            total: values["VmRSS:"] ?? 0, anonymous: values["RssAnon:"] ?? 0, file: values["RssFile:"] ?? 0)
    }

    /// Resident MB of the mappings of files whose path ends with `name` (`/proc/self/smaps`).
    static func mappedFile(named name: String) -> Double {
        guard let smaps = try? String(contentsOfFile: "/proc/self/smaps", encoding: .utf8) else { return 0 }
        var inside = false
        var kilobytes = 0.0
        for line in smaps.split(separator: "\n") {
            let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if let first = parts.first, first.contains("-"), !first.hasSuffix(":") {
                inside = parts.last.map { $0.hasSuffix(name) } ?? false
            } else if inside, parts.first == "Rss:", parts.count >= 2 {
                kilobytes += Double(parts[1]) ?? 0
            }
        }
        return kilobytes / 1024
    }
}

/// What the memory steps loaded, kept alive to the end.
nonisolated(unsafe) private var retained: [Any] = []

/// Runs `waymark-bench memory-warm` (this program) so the cache entry exists before measuring.
private func warmCacheInChild() {
    let child = Process()
    child.executableURL = URL(fileURLWithPath: "/proc/self/exe")
    child.arguments = ["memory-warm"]
    try? child.run()
    child.waitUntilExit()
}
