import ChatCore
import Foundation
import Safeguard

/// `waymark-bench memory`: resident memory after each thing the chat loads, in the order it
/// loads them (each step trimmed, as the chat does after loading), to see where idle RSS goes.
func runMemoryBenchmark(locator: ResourceLocator) {
    print("memory (RSS after each step, malloc_trim'd)")
    var last = residentMegabytes()
    func step(_ name: String, _ body: () throws -> Any) {
        let kept = try? body()
        HeapTrim.returnFreePages()
        let now = residentMegabytes()
        print(
            name.padding(toLength: 44, withPad: " ", startingAt: 0)
                + String(format: "%6.1f MB  (+%.1f)", now, now - last))
        last = now
        withExtendedLifetime(kept) {}
        retained.append(kept as Any)
    }
    print("start".padding(toLength: 44, withPad: " ", startingAt: 0) + String(format: "%6.1f MB", last))
    step("lexicon (compiled trie, normaliser)") { try SafeguardLoader.loadLexicon(from: locator) }
    step("statistical model") { try SafeguardLoader.loadModel(from: locator) as Any }
    step("contextual encoder (weights dequantised to float32)") {
        try SafeguardLoader.loadEncoder(from: locator)
    }
    step("policy (directory, framing) and guard rules") {
        (
            try SafeguardResources.loadPolicy(from: locator),
            try SafeguardResources.loadGuardRules(from: locator)
        )
    }
    step("listener phrasebook") { try ListeningResponder.load(from: locator) }
}

/// What the memory steps loaded, kept alive to the end.
nonisolated(unsafe) private var retained: [Any] = []
