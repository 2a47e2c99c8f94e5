import Glibc
import Synchronization

/// Makes sure the terminal is restored however Waymark ends: a clean quit, SIGTERM/SIGHUP,
/// `exit()`, or a crash.
///
/// Quit signals only set a flag and wake the main loop (through the wake pipe), which then
/// shuts down cleanly. Crash signals restore the saved terminal modes with async-signal-safe
/// calls (`tcsetattr`, `write`) and re-raise the signal.
public enum TerminalGuard {
    /// The signal that asked us to quit (0 = none).
    public static let quitSignal = Atomic<Int32>(0)
    /// Write end of the main loop's wake-up pipe (-1 = none).
    public static let wakeFD = Atomic<Int32>(-1)
    /// Whether curses currently owns the terminal.
    static let active = Atomic<Bool>(false)
    /// Terminal modes before curses started (read only from handlers after it is set).
    nonisolated(unsafe) static var savedModes = termios()
    nonisolated(unsafe) static var hasSavedModes = false
    private static let installed = Atomic<Bool>(false)

    /// Remember the terminal modes and install the handlers (once).
    static func install() {
        if tcgetattr(STDIN_FILENO, &savedModes) == 0 { hasSavedModes = true }
        guard !installed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        // Signals may have been blocked by whoever started us (a libdispatch worker, tmux).
        var all = sigset_t()
        sigfillset(&all)
        pthread_sigmask(SIG_UNBLOCK, &all, nil)
        for signalNumber in [SIGTERM, SIGHUP, SIGQUIT, SIGINT] {
            signal(signalNumber) { received in TerminalGuard.requestQuit(received) }
        }
        for signalNumber in [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP] {
            signal(signalNumber) { received in TerminalGuard.crashed(received) }
        }
        atexit { TerminalGuard.emergencyRestore() }
    }

    /// ncurses' own SIGWINCH handler, called first by ours.
    nonisolated(unsafe) private static var ncursesResizeHandler: (@convention(c) (Int32) -> Void)?

    /// Wake the main loop when the terminal is resized: the signal may be delivered to any
    /// thread, and without a wake the loop would sleep through it (up to its 1 s timeout)
    /// with a garbled screen. Call after `initscr()`; ncurses' handler still runs first.
    static func wakeOnResize() {
        var previous = sigaction()
        guard sigaction(SIGWINCH, nil, &previous) == 0, previous.sa_flags & SA_SIGINFO == 0 else { return }
        let handler = previous.__sigaction_handler.sa_handler
        // SIG_DFL (0) and SIG_IGN (1) are not functions to call.
        ncursesResizeHandler = handler.flatMap { unsafeBitCast($0, to: UInt.self) > 1 ? $0 : nil }
        var ours = sigaction()
        ours.__sigaction_handler.sa_handler = { signalNumber in
            TerminalGuard.ncursesResizeHandler?(signalNumber)
            let fd = TerminalGuard.wakeFD.load(ordering: .relaxed)
            if fd >= 0 {
                var one: UInt8 = 1
                _ = write(fd, &one, 1)
            }
        }
        sigemptyset(&ours.sa_mask)
        ours.sa_flags = previous.sa_flags
        _ = sigaction(SIGWINCH, &ours, nil)
    }

    private static func requestQuit(_ signalNumber: Int32) {
        quitSignal.store(signalNumber, ordering: .relaxed)
        let fd = wakeFD.load(ordering: .relaxed)
        if fd >= 0 {
            var one: UInt8 = 1
            _ = write(fd, &one, 1)
        }
        if fd < 0 && !active.load(ordering: .relaxed) {
            // No loop to wake: behave like the default action.
            signal(signalNumber, SIG_DFL)
            raise(signalNumber)
        }
    }

    private static func crashed(_ signalNumber: Int32) {
        emergencyRestore()
        signal(signalNumber, SIG_DFL)
        raise(signalNumber)
    }

    /// Restore the terminal with async-signal-safe calls only.
    static func emergencyRestore() {
        guard active.exchange(false, ordering: .relaxed) else { return }
        if hasSavedModes { tcsetattr(STDIN_FILENO, TCSAFLUSH, &savedModes) }
        // Leave the alternate screen, show the cursor, stop mouse and bracketed paste, reset colours.
        let reset: StaticString =
            "\u{1B}[?2004l\u{1B}[?1000l\u{1B}[?1006l\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l\r\n"
        _ = write(STDOUT_FILENO, reset.utf8Start, reset.utf8CodeUnitCount)
    }
}
