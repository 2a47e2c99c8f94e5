import ChatCore
import Foundation
import Safeguard

#if canImport(Glibc)
    import Glibc
#endif

/// `waymark-bench e2e [--binary PATH] [--baseline PATH] [--messages N]`: the end-to-end rows of
/// issue 14, run as subprocesses of the release binary (and, with `--baseline`, of an older
/// binary side by side in the same run), beside the same engine in-process and a 20-line Python
/// keyword scan over the same JSON lines. Times are the child's CPU time (user + system, from
/// `wait4`) unless a row says wall; the machine is shared, and CPU time is what the work costs.
func runEndToEndBenchmark(arguments: [String], typical: [String]) {
    func option(_ name: String) -> String? {
        guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
        return arguments[index + 1]
    }
    let binary = option("--binary") ?? ".build/release/waymark"
    let baseline = option("--baseline")
    let count = Int(option("--messages") ?? "") ?? 100_000
    let fullCount = 200
    guard FileManager.default.isExecutableFile(atPath: binary) else {
        print("no release binary at \(binary): swift build -c release --product waymark")
        return
    }
    guard let locator = ResourceLocator.locate(), let full = try? SafeguardLoader.loadEngine(from: locator)
    else {
        print("cannot load the safeguard")
        return
    }
    let layers = SafeguardEngine(lexicon: full.lexicon, model: full.model)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-e2e-\(getpid())")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    func file(_ name: String, _ lines: [String]) -> String {
        let url = folder.appendingPathComponent(name)
        _ = FileManager.default.createFile(
            atPath: url.path, contents: Data((lines.joined(separator: "\n") + "\n").utf8))
        return url.path
    }
    func jsonLine(_ index: Int, _ text: String) -> String {
        "{\"id\": \"m\(index)\", \"text\": \(JSONText.string(text))}"
    }
    let messages = (0..<count).map { typical[$0 % typical.count] }
    let many = file("many.jsonl", messages.enumerated().map { jsonLine($0.offset, $0.element) })
    let fewMessages = Array(messages.prefix(fullCount))
    let few = file("few.jsonl", fewMessages.enumerated().map { jsonLine($0.offset, $0.element) })
    let one = file("one.jsonl", [jsonLine(1, "honestly i don't see the point of anything anymore")])
    var paragraph = ""
    var index = 0
    while paragraph.utf8.count < 1_000_000 {
        paragraph += typical[index % typical.count] + (index % 3 == 0 ? ". " : " ")
        index += 1
    }
    let megabyte = file("megabyte.jsonl", [jsonLine(1, paragraph)])
    let fiftyPath = folder.appendingPathComponent("fifty.txt").path
    do {
        _ = FileManager.default.createFile(atPath: fiftyPath, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: fiftyPath))
        let block = Data(String(repeating: paragraph, count: 1).utf8)
        for _ in 0..<50 { handle.write(block) }
        handle.write(Data("\n".utf8))
        try handle.close()
    } catch {
        print("cannot write the 50 MB input: \(error)")
        return
    }
    let python = folder.appendingPathComponent("scan.py").path
    _ = FileManager.default.createFile(atPath: python, contents: Data(pythonKeywordScan.utf8))
    let coldCache = folder.appendingPathComponent("cold-cache").path

    // In-process figures on the same messages.
    var sink = 0
    let layersSeconds = measure(runs: 3) {
        // One scratch for the run, as the `assess` pipeline keeps one.
        var scratch = AssessScratch()
        for message in messages {
            sink &+=
                layers.assess(message, state: ConversationState(), scratch: &scratch).assessment.signals.count
        }
    }
    let fullSeconds = measure(runs: 1) {
        for message in fewMessages { sink &+= full.assess(message).signals.count }
    }
    let pythonRun = spawnMeasured(["/usr/bin/env", "python3", python], stdin: many)

    print("waymark-bench e2e — \(binary)\(baseline.map { " vs before: \($0)" } ?? "")")
    print("child CPU time (user+sys via wait4) unless marked wall; best of 3 where repeated")
    print(String(repeating: "-", count: 112))
    func header() {
        print(
            "row".padding(toLength: 50, withPad: " ", startingAt: 0)
                + "before".padding(toLength: 30, withPad: " ", startingAt: 0)
                + "after".padding(toLength: 30, withPad: " ", startingAt: 0) + "target")
    }
    func line(_ name: String, _ before: String, _ after: String, _ target: String) {
        print(
            name.padding(toLength: 50, withPad: " ", startingAt: 0)
                + before.padding(toLength: 30, withPad: " ", startingAt: 0)
                + after.padding(toLength: 30, withPad: " ", startingAt: 0) + target)
    }
    header()
    let binaries = [baseline, binary]
    func each(_ body: (String) -> String) -> (String, String) {
        (baseline.map(body) ?? "—", body(binary))
    }
    func best(_ runs: Int, _ argv: [String], stdin: String, environment: [String: String] = [:]) -> Measured {
        var result = spawnMeasured(argv, stdin: stdin, environment: environment)
        for _ in 1..<runs {
            let next = spawnMeasured(argv, stdin: stdin, environment: environment)
            if next.cpu < result.cpu { result = next }
        }
        return result
    }
    _ = binaries
    // 1. One message, process start to exit.
    let cold = each { bin in
        let run = spawnMeasured(
            [bin, "assess", "--jsonl"], stdin: one, environment: ["XDG_CACHE_HOME": coldCache])
        try? FileManager.default.removeItem(atPath: coldCache)
        return String(format: "%.0f ms wall", run.wall * 1000)
    }
    line("one message, start to exit, empty cache", cold.0, cold.1, "(info)")
    let warm = each { bin in
        _ = spawnMeasured([bin, "assess", "--jsonl"], stdin: one)
        let run = best(5, [bin, "assess", "--jsonl"], stdin: one)
        return String(format: "%.0f ms wall, %.0f cpu", run.wall * 1000, run.cpu * 1000)
    }
    line("one message, start to exit (full engine)", warm.0, warm.1, "≤ 50 ms")
    let oneLayers = each { bin in
        let run = best(5, [bin, "assess", "--jsonl", "--bench-without-encoder"], stdin: one)
        return String(format: "%.0f ms wall, %.0f cpu", run.wall * 1000, run.cpu * 1000)
    }
    line("one message, start to exit (lexicon + model)", oneLayers.0, oneLayers.1, "≤ 50 ms")
    // 2. Throughput.
    let startup = best(3, [binary, "assess", "--jsonl"], stdin: one).cpu
    let fullRow = each { bin in
        let run = spawnMeasured([bin, "assess", "--jsonl"], stdin: few)
        return String(
            format: "%.2f× (%.0f msg/s)", (run.cpu - startup) / fullSeconds, Double(fullCount) / run.cpu)
    }
    line("\(fullCount) messages, full engine: e2e / in-process", fullRow.0, fullRow.1, "≤ 1.2×")
    var layersStartup: [String: Double] = [:]
    var layersRuns: [String: Measured] = [:]
    let layersRow = each { bin in
        layersStartup[bin] = best(3, [bin, "assess", "--jsonl", "--bench-without-encoder"], stdin: one).cpu
        let run = best(2, [bin, "assess", "--jsonl", "--bench-without-encoder"], stdin: many)
        layersRuns[bin] = run
        return String(format: "%.0f msg/s", Double(count) / run.cpu)
    }
    line("\(count) messages e2e, lexicon + model", layersRow.0, layersRow.1, "≥ 100000 msg/s")
    let ratioRow = each { bin in
        String(format: "%.2f×", ((layersRuns[bin]?.cpu ?? 0) - (layersStartup[bin] ?? 0)) / layersSeconds)
    }
    line(
        "  e2e / same layers in-process (\(String(format: "%.0f", Double(count) / layersSeconds)) msg/s)",
        ratioRow.0, ratioRow.1, "≤ 1.2×")
    let pythonRow = each { bin in
        String(format: "%.2f× Python's time", (layersRuns[bin]?.cpu ?? 0) / pythonRun.cpu)
    }
    line(
        "  vs Python keyword scan (\(String(format: "%.0f", Double(count) / pythonRun.cpu)) msg/s)",
        pythonRow.0,
        pythonRow.1, "< 1× (faster)")
    // 3. One 1 MB message.
    let megaFull = each { bin in
        let run = best(3, [bin, "assess", "--jsonl"], stdin: megabyte)
        return String(format: "%.0f ms wall, %.0f cpu", run.wall * 1000, run.cpu * 1000)
    }
    line("one 1 MB message e2e (full engine)", megaFull.0, megaFull.1, "≤ 100 ms")
    let megaLayers = each { bin in
        let run = best(3, [bin, "assess", "--jsonl", "--bench-without-encoder"], stdin: megabyte)
        return String(format: "%.0f ms wall, %.0f cpu", run.wall * 1000, run.cpu * 1000)
    }
    line("one 1 MB message e2e (lexicon + model)", megaLayers.0, megaLayers.1, "≤ 100 ms")
    // 4. Peak memory on a 50 MB line.
    let peak = each { bin in
        let plain = spawnMeasured([bin, "assess", "--format", "json"], stdin: fiftyPath, samplingPeak: true)
        let json = spawnMeasured([bin, "assess", "--jsonl"], stdin: fiftyPath, samplingPeak: true)
        return String(format: "%.0f / %.0f MB", plain.peakMegabytes, json.peakMegabytes)
    }
    line("peak RSS, 50 MB one-line input (plain / jsonl)", peak.0, peak.1, "≤ 200 MB")
    // 5. The chat screen, idle, once the safeguard has loaded (the real binary in tmux).
    let idle = each { bin in
        guard let memory = chatScreenIdleMemory(binary: bin) else { return "— (needs tmux)" }
        return String(format: "anon %.1f, file %.1f MB", memory.anonymous, memory.file)
    }
    line("chat screen idle, safeguard loaded (RSS)", idle.0, idle.1, "anon ≤ 8 MB")
    print(String(repeating: "-", count: 112))
    print(
        String(
            format: "in-process on the same messages: lexicon + model %.2f µs each; full engine %.1f ms each",
            layersSeconds * 1e6 / Double(count), fullSeconds * 1000 / Double(fullCount)))
    print("(checksum \(sink))")
}

/// Resident memory of the real chat on its screen, idle: started in a detached tmux session
/// (once to fill the precompiled cache, once measured), read from `/proc` when the anonymous
/// figure has settled after the safeguard's background load. The encoder's weights are a
/// read-only file mapping, so they count as file-backed.
func chatScreenIdleMemory(binary: String) -> ResidentMemory? {
    /// Runs tmux and returns what it printed. The server that the first `new-session` starts
    /// keeps the descriptors it inherits, so that call is spawned with no pipe to wait on.
    func tmux(_ arguments: [String], output wanted: Bool = false) -> String? {
        guard wanted else {
            return spawnMeasured(["tmux"] + arguments, stdin: "/dev/null").status == 0 ? "" : nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tmux"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
    let session = "waymark-bench-\(getpid())"
    var measured: ResidentMemory?
    for attempt in 0..<2 {
        guard tmux(["new-session", "-d", "-s", session, "-x", "100", "-y", "30", binary]) != nil,
            let pid = tmux(["display-message", "-p", "-t", session, "#{pane_pid}"], output: true)
        else { return nil }
        var last = -1.0
        var settled = ResidentMemory(total: 0, anonymous: 0, file: 0)
        // Settled: the same anonymous figure twice, 0.5 s apart, after the first second.
        for tick in 0..<60 {
            usleep(500_000)
            settled = ResidentMemory.of(process: pid)
            if tick >= 2 && abs(settled.anonymous - last) < 0.05 { break }
            last = settled.anonymous
        }
        _ = tmux(["kill-session", "-t", session])
        if attempt == 1 { measured = settled }
    }
    return measured
}

/// What one child cost.
struct Measured {
    var wall: Double
    var cpu: Double
    var peakMegabytes: Double
    var status: Int32
}

/// Runs `argv` with stdin from a file and stdout/stderr to /dev/null; returns its wall time,
/// CPU time (from `wait4`) and, when `samplingPeak`, peak RSS (its own `VmHWM`, sampled while
/// it runs; otherwise NaN).
func spawnMeasured(
    _ argv: [String], stdin: String, environment: [String: String] = [:], samplingPeak: Bool = false
) -> Measured {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var merged = ProcessInfo.processInfo.environment
    for (key, value) in environment { merged[key] = value }
    let cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
    let cEnvironment: [UnsafeMutablePointer<CChar>?] = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        for pointer in cArguments { free(pointer) }
        for pointer in cEnvironment { free(pointer) }
    }
    var pid: pid_t = 0
    let start = DispatchTime.now().uptimeNanoseconds
    guard posix_spawnp(&pid, argv[0], &actions, nil, cArguments, cEnvironment) == 0 else {
        return Measured(wall: .nan, cpu: .nan, peakMegabytes: .nan, status: -1)
    }
    var status: Int32 = 0
    var usage = rusage()
    // Peak memory (when asked: the polling would add to wall times) is the child's own `VmHWM`,
    // sampled every 2 ms while it runs: `ru_maxrss`
    // from `wait4` is not the child's own, because posix_spawn starts it sharing this process's
    // memory (vfork) and Linux carries that memory's high-water mark into the child at exec, so
    // every child looked as big as the benchmark itself (237 MB). The child's own mark only
    // grows; what it adds in its last 2 ms may be missed.
    var peakKilobytes = 0.0
    while true {
        let reaped = wait4(pid, &status, samplingPeak ? WNOHANG : 0, &usage)
        if reaped == pid || (reaped < 0 && errno != EINTR) { break }
        if reaped == 0 {
            if let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
                let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
                let kilobytes = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first
                    .flatMap({ Double($0) })
            {
                peakKilobytes = max(peakKilobytes, kilobytes)
            }
            usleep(2_000)
        }
    }
    let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return Measured(
        wall: wall, cpu: seconds(usage.ru_utime) + seconds(usage.ru_stime),
        peakMegabytes: samplingPeak ? peakKilobytes / 1024 : .nan, status: status)
}

/// The comparison the issue asks for: a 20-line Python keyword scan over the same JSON lines.
let pythonKeywordScan = """
    import json, sys
    KEYWORDS = ("kill myself", "suicide", "end it", "want to die", "better off without me",
                "self harm", "overdose", "not be here", "ending it", "point of anything")
    out = sys.stdout
    for line in sys.stdin:
        try:
            obj = json.loads(line)
            text = obj["text"].lower()
        except Exception:
            out.write('{"error": "not a JSON object with text"}\\n')
            continue
        hits = [k for k in KEYWORDS if k in text]
        level = "crisis" if hits else "none"
        out.write(json.dumps({"id": obj.get("id"), "level": level, "signals": hits}) + "\\n")

    """
