import Foundation
import Testing
import Glibc

/// Drives a program in a private tmux server: type, read the pane, resize, always clean up.
///
/// Commands are spawned with `posix_spawn` and an empty signal mask: test threads block most
/// signals, and a child would inherit that (SIGWINCH blocked means no resize events).
final class TmuxHarness {
    let socket: String
    let session = "waymark"

    /// The repository root, from this file's path.
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The debug binary built by `swift build`.
    static var binary: String { repositoryRoot.appendingPathComponent(".build/debug/waymark").path }

    /// Path of the tmux executable, if installed.
    static let tmuxPath: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    static var isAvailable: Bool { tmuxPath != nil && FileManager.default.isExecutableFile(atPath: binary) }

    init() {
        socket = "waymark-test-\(getpid())-\(UInt32.random(in: 0..<UInt32.max))"
        _ = TmuxHarness.warmCache
    }

    /// How much longer than its nominal timeout a wait may take. The binaries run beside a test
    /// process that keeps every core busy; a CI machine with fewer cores than it reports made
    /// the first frame and the first checked turn take over 20 s there (stop 25), while they
    /// take well under a second on a quiet machine. Waits of under 5 s measure responsiveness
    /// (a frame after a resize) and keep their nominal time. `WAYMARK_TEST_PATIENCE` overrides.
    static let patience: Double = {
        guard let text = ProcessInfo.processInfo.environment["WAYMARK_TEST_PATIENCE"],
            let value = Double(text),
            value >= 1
        else { return 4 }
        return value
    }()

    /// One safeguard cache for every terminal session of the run, compiled once before the first
    /// session starts (`XDG_CACHE_HOME` for tmux and what it runs): on a fresh machine each
    /// binary would otherwise compile the lexicon itself, all at once, beside the busy tests.
    static let warmCache: String = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "waymark-tmux-cache-\(getpid())"
        ).path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let input = folder + "/warm.jsonl"
        FileManager.default.createFile(atPath: input, contents: Data("{\"text\": \"hello\"}\n".utf8))
        _ = spawn([binary, "assess", "--jsonl", input], environment: ["XDG_CACHE_HOME": folder])
        return folder
    }()

    deinit {
        _ = tmux(["kill-server"])
    }

    /// Start `command` (run by `sh -c`) in a detached session of the given size.
    func start(_ command: String, cols: Int = 80, rows: Int = 24) -> Bool {
        // The server forked here would keep a capture pipe open forever: no capture.
        tmux(["new-session", "-d", "-s", session, "-x", "\(cols)", "-y", "\(rows)", command], capture: false)
            .status == 0
    }

    /// Type literal text.
    func type(_ text: String) { _ = tmux(["send-keys", "-t", session, "-l", text]) }

    /// Press named keys (Enter, Escape, F1, PPage, …).
    func press(_ keys: String...) { _ = tmux(["send-keys", "-t", session] + keys) }

    func resize(cols: Int, rows: Int) {
        _ = tmux(["resize-window", "-t", session, "-x", "\(cols)", "-y", "\(rows)"])
    }

    /// The pane as text.
    func capture() -> String { tmux(["capture-pane", "-p", "-t", session]).output }

    /// Poll the pane until `predicate` holds or the timeout passes; returns the last capture.
    @discardableResult
    func waitFor(timeout: Double = 10, _ predicate: (String) -> Bool) -> (ok: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(timeout >= 5 ? timeout * TmuxHarness.patience : timeout)
        var screen = capture()
        while !predicate(screen) {
            if Date() > deadline { return (false, screen) }
            usleep(50_000)
            screen = capture()
        }
        return (true, screen)
    }

    /// Wait until the pane contains `text`.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 10) -> (ok: Bool, screen: String) {
        waitFor(timeout: timeout) { $0.contains(text) }
    }

    /// Type a line and press Enter, as a person sending it.
    func send(_ line: String) {
        type(line)
        press("Enter")
    }

    /// `waitFor`, recording a test issue that shows the screen when the wait fails.
    @discardableResult
    func expectScreen(
        timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation, _ predicate: (String) -> Bool
    ) -> (ok: Bool, screen: String) {
        let result = waitFor(timeout: timeout, predicate)
        #expect(result.ok, "\(result.screen)", sourceLocation: sourceLocation)
        return result
    }

    /// Wait until the pane contains `text`, recording a test issue (with the screen) if it never does.
    @discardableResult
    func expectScreen(
        _ text: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation
    ) -> (ok: Bool, screen: String) {
        expectScreen(timeout: timeout, sourceLocation: sourceLocation) { $0.contains(text) }
    }

    // MARK: - Spawning

    @discardableResult
    func tmux(_ arguments: [String], capture: Bool = true) -> (status: Int32, output: String) {
        guard let tmuxPath = TmuxHarness.tmuxPath else { return (-1, "") }
        return TmuxHarness.spawn(
            [tmuxPath, "-L", socket] + arguments, capture: capture,
            environment: ["XDG_CACHE_HOME": TmuxHarness.warmCache])
    }

    /// Run `argv` to its end; `environment` adds to (or replaces in) this process's environment.
    static func spawn(_ argv: [String], capture: Bool = true, environment: [String: String] = [:]) -> (
        status: Int32, output: String
    ) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return (-1, "") }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        if capture {
            posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO)
        } else {
            posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var merged = ProcessInfo.processInfo.environment
        merged.merge(environment) { _, new in new }
        let cEnvironment = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { cEnvironment.forEach { free($0) } }
        let rc = posix_spawn(&pid, argv[0], &actions, &attributes, cArgs, cEnvironment)
        posix_spawn_file_actions_destroy(&actions)
        posix_spawnattr_destroy(&attributes)
        close(fds[1])
        guard rc == 0 else {
            close(fds[0])
            return (-1, "")
        }
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(fds[0], &buffer, buffer.count)
            if count <= 0 { break }
            data += buffer[0..<count]
        }
        close(fds[0])
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return ((status >> 8) & 0xFF, String(decoding: data, as: UTF8.self))
    }
}
