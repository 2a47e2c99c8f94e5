// Benchmarks for the safeguard (release build): `swift run -c release waymark-bench`.
// Loads the lexicon from resources/ itself and prints one table.
import ChatCore
import Foundation
import Safeguard

/// CPU seconds this thread has used (one core; robust when other processes share the machine).
func threadSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// CPU seconds taken by `body` on this thread, best of `runs`.
func measure(runs: Int = 3, _ body: () -> Void) -> Double {
    var best = Double.infinity
    for _ in 0..<runs {
        let start = threadSeconds()
        body()
        best = min(best, threadSeconds() - start)
    }
    return best
}

func row(_ name: String, _ value: String, _ target: String, _ ok: Bool) {
    let padded = name.padding(toLength: 44, withPad: " ", startingAt: 0)
    let shown = value.padding(toLength: 22, withPad: " ", startingAt: 0)
    print(
        "\(padded) \(shown) \(target.padding(toLength: 16, withPad: " ", startingAt: 0)) \(ok ? "ok" : "MISSED")"
    )
}

guard let locator = ResourceLocator.locate() else {
    print("cannot find resources/ (set WAYMARK_RESOURCES)")
    exit(2)
}
if CommandLine.arguments.dropFirst().first == "idle-cpu" {
    runIdleCPUBenchmark(locator: locator, arguments: Array(CommandLine.arguments.dropFirst(2)))
    exit(0)
}
if CommandLine.arguments.dropFirst().first == "memory-warm" {
    _ = try? SafeguardLoader.loadCompiled(from: locator)
    exit(0)
}
if CommandLine.arguments.dropFirst().first == "chat-memory" {
    // The chat screen's own row of `e2e` alone: `waymark-bench chat-memory [BINARY]`.
    let binary = CommandLine.arguments.dropFirst(2).first ?? ".build/release/waymark"
    guard let memory = chatScreenIdleMemory(binary: binary) else {
        print("cannot run \(binary) in tmux")
        exit(2)
    }
    print(
        String(
            format:
                "chat screen idle, safeguard loaded: RSS %.1f MB = anonymous %.1f + file-backed %.1f (target: anonymous ≤ 8 MB)",
            memory.total, memory.anonymous, memory.file))
    exit(0)
}
if CommandLine.arguments.dropFirst().first == "memory" {
    runMemoryBenchmark(locator: locator)
    exit(0)
}
let loadStart = DispatchTime.now().uptimeNanoseconds
let fullEngine: SafeguardEngine
do {
    fullEngine = try SafeguardLoader.loadEngine(from: locator)
} catch {
    print("cannot load the lexicon: \(error)")
    exit(2)
}
let loadSeconds = Double(DispatchTime.now().uptimeNanoseconds - loadStart) / 1e9
// The layers that run in microseconds (lexicon + n-gram model); the encoder is measured apart.
let engine = SafeguardEngine(lexicon: fullEngine.lexicon, model: fullEngine.model)

let typical = [
    "hiya, rough day at work again, my manager was on my case about the rota",
    "can't sleep, keep thinking about the exam tomorrow",
    "honestly i don't see the point of anything anymore",
    "my sister's birthday meal tonight, need to find a present lol",
    "feeling a bit better after the walk, thanks for listening",
    "this essay is killing me 😩 2000 words by friday",
    "i used to self harm but i've been clean for two years now",
    "what's a good way to stop overthinking before bed?",
    "my boyfriend keeps checking my phone and says it's because he cares",
    "nobody would even notice if i wasn't here",
    "just got back from the gym, legs are dead",
    "is it normal to still cry about my nan six months on?",
    "i'm so tired of everything, i just want it all to stop",
    "anyone else watching the match tonight",
    "k i l l m y s e l f",
    "thinking about ending it tbh",
]
if CommandLine.arguments.dropFirst().first == "e2e" {
    runEndToEndBenchmark(arguments: Array(CommandLine.arguments.dropFirst(2)), typical: typical)
    exit(0)
}
if CommandLine.arguments.contains("--encoder-only") {
    runEncoderBenchmark(engine: fullEngine, typical: typical)
    exit(0)
}
if CommandLine.arguments.contains("--scaling") {
    var sink = 0
    for count in [50_000, 100_000, 200_000, 400_000, 800_000, 1_600_000] {
        let text = String(repeating: "not ", count: count)
        let seconds = measure(runs: 2) { sink &+= engine.assess(text).signals.count }
        print(
            String(
                format: "\"not \" × %8d: %8.1f ms  (%.1f ns/word)", count, seconds * 1000,
                seconds * 1e9 / Double(count)))
    }
    let sample =
        "honestly i don't see the point of anything anymore. this essay is killing me 😩 2000 words by friday "
    for megabytes in [1, 2, 4, 8] {
        let text = String(repeating: sample, count: megabytes * 1_000_000 / sample.utf8.count)
        let whole = measure(runs: 2) { sink &+= engine.assess(text).signals.count }
        let normalise = measure(runs: 2) { sink &+= engine.lexicon.normaliser.normalise(text).tokens.count }
        print(
            String(
                format: "%d MB: assess %.1f ms (%.1f ms/MB), normalise %.1f ms/MB", megabytes, whole * 1000,
                whole * 1000 / Double(megabytes), normalise * 1000 / Double(megabytes)))
    }
    exit(0)
}
let largeOnly = CommandLine.arguments.contains("--large-only")
let totalMessages = largeOnly || CommandLine.arguments.contains("--huge-only") ? 1 : 200_000
var sink = 0
/// The typical messages through `engine`, passed in: a top-level `engine` read inside the loop
/// was copied for each message (a retain and a release of each of the lexicon's tables), which
/// no real caller pays.
/// One scratch for the run, as the `assess` pipeline keeps one (`--fresh-scratch`: new arrays
/// for each message, as the chat pays).
func assessTypical(_ engine: SafeguardEngine, count: Int) -> Int {
    var sink = 0
    let fresh = CommandLine.arguments.contains("--fresh-scratch")
    var scratch = AssessScratch()
    for index in 0..<count {
        if fresh { scratch = AssessScratch() }
        sink &+=
            engine.assess(typical[index % typical.count], state: ConversationState(), scratch: &scratch)
            .assessment.signals.count
    }
    return sink
}
let typicalSeconds = measure { sink &+= assessTypical(engine, count: totalMessages) }
let perSecond = Double(totalMessages) / typicalSeconds
if CommandLine.arguments.contains("--typical-only") {
    print(String(format: "typical chat messages: %.0f msg/s", perSecond))
    exit(0)
}

func paragraph(bytes: Int) -> String {
    var text = ""
    var index = 0
    while text.utf8.count < bytes {
        text += typical[index % typical.count]
        text += index % 3 == 0 ? ". " : " "
        index += 1
    }
    return text
}
let small = paragraph(bytes: 100_000)
let large = paragraph(bytes: 1_000_000)
let smallSeconds = measure(runs: 5) { sink &+= engine.assess(small).signals.count }
let largeSeconds = measure(runs: 5) { sink &+= engine.assess(large).signals.count }
let huge = largeOnly ? large : paragraph(bytes: 10_000_000)
if CommandLine.arguments.contains("--huge-only") {  // for profiling the 10 MB case under perf
    let seconds = measure(runs: 5) { sink &+= engine.assess(huge).signals.count }
    print(String(format: "10 MB: %.1f ms", seconds * 1000))
    exit(0)
}
let hugeSeconds = largeOnly ? largeSeconds : measure(runs: 2) { sink &+= engine.assess(huge).signals.count }
let ratio = largeSeconds / smallSeconds
let hugeRatio = hugeSeconds / largeSeconds
if largeOnly {
    for _ in 0..<20 { sink &+= engine.assess(large).signals.count }
    print(String(format: "1 MB: %.1f ms", largeSeconds * 1000))
    exit(0)
}

let nots = String(repeating: "not ", count: 1_000_000)
let emoji = String(repeating: "😭", count: 1_000_000)
let longWord = String(repeating: "a", count: 100_000)
let mixedEmoji = String(repeating: "💊🔪⚰️ k1ll ", count: 100_000)
let notSeconds = measure(runs: 2) { sink &+= engine.assess(nots).signals.count }
let emojiSeconds = measure(runs: 1) { sink &+= engine.assess(emoji).signals.count }
let wordSeconds = measure(runs: 1) { sink &+= engine.assess(longWord).signals.count }
let mixedSeconds = measure(runs: 1) { sink &+= engine.assess(mixedEmoji).signals.count }
let notTenth = measure(runs: 1) {
    sink &+= engine.assess(String(repeating: "not ", count: 100_000)).signals.count
}

print("waymark-bench — safeguard engine, release build, one core (thread CPU time, best of 3)")
print(String(repeating: "-", count: 92))
row("lexicon load + compile", String(format: "%.0f ms", loadSeconds * 1000), "(info)", true)
// Issue 14's row: ≤ 3 µs a typical message for the layers that run on every message.
row(
    "typical chat messages (lexicon + model)", String(format: "%.2f µs, %.0f/s", 1e6 / perSecond, perSecond),
    "≤ 3 µs each", perSecond >= 333_333)
row("1 MB single message", String(format: "%.1f ms", largeSeconds * 1000), "< 50 ms", largeSeconds < 0.05)
row("100 KB single message", String(format: "%.2f ms", smallSeconds * 1000), "(info)", true)
row("linearity: 10 MB / 1 MB time", String(format: "%.2f×", hugeRatio), "≤ 11×", hugeRatio <= 11)
row("linearity: 1 MB / 100 KB time (cache-bound)", String(format: "%.2f×", ratio), "(info)", true)
row(
    "1,000,000 × \"not \" (4 MB)", String(format: "%.1f ms", notSeconds * 1000), "linear",
    notSeconds < 10 * notTenth * 1.5 + 0.01)
row("  100,000 × \"not \" (for comparison)", String(format: "%.1f ms", notTenth * 1000), "(info)", true)
row("1,000,000 emoji", String(format: "%.1f ms", emojiSeconds * 1000), "not quadratic", emojiSeconds < 2)
row(
    "one 100,000-letter word", String(format: "%.2f ms", wordSeconds * 1000), "not quadratic",
    wordSeconds < 0.5)
row(
    "100,000 × meaningful emoji + leet", String(format: "%.1f ms", mixedSeconds * 1000), "not quadratic",
    mixedSeconds < 2)
print(String(repeating: "-", count: 92))
print("(checksum \(sink))")

// MARK: - Start-up: everything the chat loads before its first frame

let startupBegin = ContinuousClock.now
if let startupLocator = ResourceLocator.locate() {
    _ = try? ChatSession.Safeguards.load(from: startupLocator)
    _ = try? ListeningResponder.load(from: startupLocator)
}
let startupTime = ContinuousClock.now - startupBegin
let startupMs =
    Double(startupTime.components.attoseconds) / 1e15 + Double(startupTime.components.seconds) * 1000
print("")
row("start-up: load safeguard, model, listener", String(format: "%.0f ms", startupMs), "(wall; info)", true)

print("")
runEncoderBenchmark(engine: fullEngine, typical: typical)
print("")
runUIBenchmarks()
print("")
runSSEBenchmarks()
