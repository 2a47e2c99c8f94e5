import ChatCore
import CommandResponder
import Foundation
import OpenAIResponder
import WaymarkTesting

#if canImport(Glibc)
    import Glibc
#endif

/// `waymark-bench idle-cpu`: how much CPU Waymark spends while a reply is in flight (issue 17).
///
/// One turn each through the real responders, against the committed test fakes on 127.0.0.1
/// (`Tests/OpenAIResponderTests/Fixtures/fake_openai_server.py` modes `quiet` and `steady`;
/// `Tests/CommandResponderTests/Fixtures/hostile_program.py` modes `quiet` and `steady`): a
/// server (or program) silent for 10 s after its headers, and one sending 20 small deltas a
/// second for 10 s. The server and the programs are separate processes, so this process's own
/// `getrusage(RUSAGE_SELF)` (user + system) over the turn is Waymark's cost alone.
func runIdleCPUBenchmark(locator: ResourceLocator, arguments: [String]) {
    let repository = locator.root.deletingLastPathComponent()
    let serverScript = repository.appendingPathComponent(
        "Tests/OpenAIResponderTests/Fixtures/fake_openai_server.py")
    let programScript = repository.appendingPathComponent(
        "Tests/CommandResponderTests/Fixtures/hostile_program.py")
    let server: FixtureServer
    do {
        server = try FixtureServer(script: serverScript)
    } catch {
        print("cannot start the test server: \(error)")
        exit(2)
    }
    let only = arguments.first { !$0.hasPrefix("-") }

    print("idle-cpu — Waymark's CPU while one reply is in flight (user+sys of this process / wall)")
    print(String(repeating: "-", count: 92))
    var cases: [(name: String, target: Double, run: @Sendable () async -> String?)] = []
    for (mode, label, target) in [("quiet", "silent 10 s", 0.02), ("steady", "20 deltas/s for 10 s", 0.05)] {
        let url = server.baseURL(mode)
        cases.append(
            (
                "openai (\(url.scheme ?? "")), \(label)", target,
                {
                    let responder = OpenAIResponder(
                        configuration: .init(
                            baseURL: url, model: "bench", connectTimeout: 5, firstTokenTimeout: 30,
                            idleTimeout: 30),
                        systemPrompt: "You are a kind listener.", environment: [:])
                    return await oneTurn(responder)
                }
            ))
    }
    for (mode, label, target) in [("quiet", "silent 10 s", 0.02), ("steady", "20 lines/s for 10 s", 0.05)] {
        let argv = ["python3", programScript.path, mode]
        cases.append(
            (
                "command, \(label)", target,
                {
                    let responder = CommandResponder(
                        configuration: .init(argv: argv, firstOutputTimeout: 30, idleTimeout: 30))
                    return await oneTurn(responder)
                }
            ))
    }
    for benchCase in cases where only.map({ benchCase.name.hasPrefix($0) }) ?? true {
        let before = processCPUSeconds()
        let start = ContinuousClock.now
        let failure = blockingWait(benchCase.run)
        let wall = ContinuousClock.now - start
        let after = processCPUSeconds()
        let cpu = (user: after.user - before.user, system: after.system - before.system)
        let wallSeconds = Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18
        let perWall = (cpu.user + cpu.system) / wallSeconds
        row(
            benchCase.name,
            String(format: "%.3f CPU s/s", perWall),
            String(format: "≤ %.2f", benchCase.target),
            failure == nil && perWall <= benchCase.target)
        print(
            String(
                format: "    wall %.1f s, user %.2f s, sys %.2f s%@", wallSeconds, cpu.user, cpu.system,
                failure.map { " — reply failed: \($0)" } ?? ""))
    }
    print(String(repeating: "-", count: 92))
}

/// One turn through `responder`; `nil` when it completed, else why not.
private func oneTurn(_ responder: some Responder) async -> String? {
    let request = ChatRequest(messages: [ChatMessage(role: .user, content: "Hello, are you there?")])
    var deltas = 0
    do {
        for try await event in responder.respond(to: request) {
            if case .delta = event { deltas += 1 }
        }
        return deltas > 0 ? nil : "no text"
    } catch {
        return "\(error)"
    }
}

/// Runs `body` on the task pool and blocks this (main) thread until it returns.
private func blockingWait<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task {
        box.value = await body()
        done.signal()
    }
    done.wait()
    guard let value = box.value else { fatalError("benchmark task ended without a value") }
    return value
}

/// Written once by the task, read after the semaphore.
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}

/// This process's CPU time so far, from `getrusage(RUSAGE_SELF)`.
private func processCPUSeconds() -> (user: Double, system: Double) {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    return (user, system)
}
