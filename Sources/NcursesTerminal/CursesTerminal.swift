import CNcursesw
import Glibc
import TerminalUI

/// The only code that talks to ncurses: starts and restores the terminal, paints a
/// ``TerminalUI/CellGrid`` and turns keys into ``TerminalUI/AppEvent``s.
///
/// Not `Sendable` on purpose: ncurses is not thread-safe, so the terminal lives on the main
/// thread and background work only posts messages to the loop.
public final class CursesTerminal {
    /// How to start the terminal.
    public struct Options: Sendable {
        /// Use colours (false when `NO_COLOR` is set or the terminal has none).
        public var colors: Bool
        /// Report mouse wheel events.
        public var mouse: Bool

        public init(colors: Bool = true, mouse: Bool = true) {
            self.colors = colors
            self.mouse = mouse
        }

        /// Options from the environment: `NO_COLOR` (any value) turns colour off.
        public static func fromEnvironment(_ environment: [String: String]) -> Options {
            Options(colors: environment["NO_COLOR"] == nil, mouse: environment["WAYMARK_NO_MOUSE"] == nil)
        }
    }

    private let window: UnsafeMutablePointer<WINDOW>
    private let usesColor: Bool
    private var isOpen = true
    /// Locale in effect (should be UTF-8).
    public let locale: String
    /// Text being pasted (between the bracketed-paste markers), if a paste is in progress.
    private var pasteBuffer: String?
    /// A second event produced by one read (Escape followed by a plain character).
    private var pendingEvent: AppEvent?
    /// The terminal was resized: the next paint redraws every cell (what the terminal shows
    /// after it reflowed is not what ncurses remembers).
    private var needsFullRepaint = false
    private var ctrlLeftCode: Int32 = -1
    private var ctrlRightCode: Int32 = -1
    private static let pasteStartCode: Int32 = 0x7100
    private static let pasteEndCode: Int32 = 0x7101

    /// Take over the terminal.
    public init(options: Options = Options()) throws {
        TerminalGuard.install()
        locale = DisplayWidth.ensureUTF8Locale()
        // Before ncurses owns the terminal: how wide it draws emoji clusters, so the layout
        // matches what is really drawn.
        if let widths = ClusterWidthProbe.measure() { ClusterWidths.current = widths }
        guard let window = initscr() else { throw TerminalError.cannotStart }
        self.window = window
        TerminalGuard.active.store(true, ordering: .relaxed)
        TerminalGuard.wakeOnResize()
        raw()  // Ctrl-C arrives as byte 3: we decide (cancel the reply or quit cleanly)
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        wtimeout(window, 0)
        if options.colors && has_colors() {
            start_color()
            use_default_colors()
            for role in CellStyle.Role.allCases where role != .normal {
                init_pair(Int16(role.rawValue), CursesTerminal.foreground(role), -1)
            }
            usesColor = true
        } else {
            usesColor = false
        }
        if options.mouse {
            mousemask(cnc_BUTTON4_PRESSED() | cnc_BUTTON5_PRESSED(), nil)
            mouseinterval(0)
        }
        ctrlLeftCode = key_defined("\u{1B}[1;5D")
        ctrlRightCode = key_defined("\u{1B}[1;5C")
        define_key("\u{1B}[200~", CursesTerminal.pasteStartCode)
        define_key("\u{1B}[201~", CursesTerminal.pasteEndCode)
        writeRaw("\u{1B}[?2004h")  // bracketed paste: a paste arrives as one event
    }

    deinit {
        shutdown()
    }

    /// Restore the terminal (idempotent).
    public func shutdown() {
        guard isOpen else { return }
        isOpen = false
        writeRaw("\u{1B}[?2004l")
        mousemask(0, nil)
        endwin()
        TerminalGuard.active.store(false, ordering: .relaxed)
    }

    /// The terminal size in columns and rows.
    public var size: (cols: Int, rows: Int) {
        (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    // MARK: - Output

    /// Paint a grid (the whole screen) and place the cursor.
    public func paint(_ grid: CellGrid) {
        if needsFullRepaint {
            clearok(window, true)
            needsFullRepaint = false
        }
        werase(window)
        let (cols, rows) = size
        let height = min(rows, grid.rows)
        let width = min(cols, grid.cols)
        var wide: [wchar_t] = []
        wide.reserveCapacity(width * 2)
        // Clusters ncurses cannot hold in a cell (it keeps only zero-width scalars after the
        // first): ncurses gets a stand-in of the same width, and the cluster is written over it.
        var clusters: [(row: Int, col: Int, text: String)] = []
        for row in 0..<height {
            // The bottom-right cell cannot be written (the cursor cannot advance past it).
            let rowWidth = row == rows - 1 ? width - 1 : width
            var col = 0
            while col < rowWidth {
                let style = grid[row, col].style
                let start = col
                wide.removeAll(keepingCapacity: true)
                while col < rowWidth, grid[row, col].style == style {
                    let text = grid[row, col].text
                    if let character = text.first, text.count == 1, ClusterWidths.Kind(character) != nil {
                        clusters.append((row, col, text))
                        wide += CursesTerminal.standIn(for: character)
                    } else {
                        for scalar in text.unicodeScalars {
                            wide.append(wchar_t(bitPattern: scalar.value))
                        }
                    }
                    col += 1
                }
                // A wide character cut by rowWidth must not be written half.
                if col < grid.cols, grid[row, col].text.isEmpty, let last = wide.last,
                    DisplayWidth.of(Unicode.Scalar(UInt32(bitPattern: last)) ?? " ") > 1
                {
                    wide.removeLast()
                }
                apply(style)
                _ = mvwaddnwstr(window, Int32(row), Int32(start), wide, Int32(wide.count))
            }
        }
        wattr_set(window, cnc_A_NORMAL(), 0, nil)
        if let cursor = grid.cursor, cursor.row < rows, cursor.col < cols {
            curs_set(1)
            wmove(window, Int32(cursor.row), Int32(cursor.col))
        } else {
            curs_set(0)
        }
        wnoutrefresh(window)
        doupdate()
        if !clusters.isEmpty {
            // Save and restore the cursor and attributes around the direct writes (DECSC/DECRC),
            // so ncurses' idea of the terminal stays true.
            var out = "\u{1B}7"
            for cluster in clusters { out += "\u{1B}[\(cluster.row + 1);\(cluster.col + 1)H" + cluster.text }
            writeRaw(out + "\u{1B}8")
        }
    }

    /// What ncurses holds for a cluster it cannot: its first scalar padded with spaces to the
    /// cluster's width (or spaces alone when that scalar is wider).
    static func standIn(for character: Character) -> [wchar_t] {
        let width = DisplayWidth.of(character)
        guard let first = character.unicodeScalars.first else { return [] }
        let firstWidth = DisplayWidth.of(first)
        let base: [wchar_t] = firstWidth <= width && firstWidth > 0 ? [wchar_t(bitPattern: first.value)] : []
        let used = base.isEmpty ? 0 : firstWidth
        return base + Array(repeating: wchar_t(32), count: max(0, width - used))
    }

    private func apply(_ style: CellStyle) {
        var attributes = cnc_A_NORMAL()
        if style.bold { attributes |= cnc_A_BOLD() }
        if style.reverse { attributes |= cnc_A_REVERSE() }
        if style.underline { attributes |= cnc_A_UNDERLINE() }
        if style.dim || (!usesColor && style.role == .dim) { attributes |= cnc_A_DIM() }
        if !usesColor && (style.role == .highlight) { attributes |= cnc_A_UNDERLINE() }
        let pair = usesColor ? Int16(style.role.rawValue) : 0
        wattr_set(window, attributes, pair, nil)
    }

    private static func foreground(_ role: CellStyle.Role) -> Int16 {
        switch role {
        case .normal, .assistant, .notice, .dim, .selection: -1
        case .title, .user, .border: Int16(COLOR_CYAN)
        case .safeguard, .highlight: Int16(COLOR_YELLOW)
        case .help: Int16(COLOR_BLUE)
        case .warning: Int16(COLOR_RED)
        }
    }

    private func writeRaw(_ text: String) {
        var bytes = Array(text.utf8)
        _ = write(STDOUT_FILENO, &bytes, bytes.count)
    }

    // MARK: - Input

    /// Every event ncurses has buffered right now (never blocks).
    public func readEvents() -> [AppEvent] {
        var events: [AppEvent] = []
        while let event = readEvent() {
            if let event { events.append(event) }
            if let extra = pendingEvent {
                events.append(extra)
                pendingEvent = nil
            }
        }
        return events
    }

    /// One event: `nil` when nothing is buffered, `.some(nil)` for input that means nothing.
    private func readEvent() -> AppEvent?? {
        var wch: wint_t = 0
        let rc = wget_wch(window, &wch)
        if rc == ERR { return nil }
        if rc == KEY_CODE_YES {
            return .some(keyCode(Int32(bitPattern: wch)))
        }
        let code = UInt32(wch)
        if pasteBuffer != nil {
            if code == 13 || code == 10 {
                pasteBuffer?.append("\n")
            } else if let scalar = Unicode.Scalar(code) {
                pasteBuffer?.unicodeScalars.append(scalar)
            }
            return .some(nil)
        }
        switch code {
        case 13: return .key(.enter)
        case 10: return .key(.newline)
        case 8, 127: return .key(.backspace)
        case 9: return .key(.tab)
        case 27: return .some(escapeSequence())
        case 1...26: return .key(.control(Character(Unicode.Scalar(code + 96) ?? "?")))
        case 0, 28...31: return .some(nil)
        default:
            guard let scalar = Unicode.Scalar(code) else { return .some(nil) }
            return .key(.character(Character(scalar)))
        }
    }

    /// After ESC: Alt-Enter, Alt-letter, Alt-arrow, or a lone Escape.
    private func escapeSequence() -> AppEvent? {
        var wch: wint_t = 0
        let rc = wget_wch(window, &wch)
        if rc == ERR { return .key(.escape) }
        if rc == KEY_CODE_YES {
            switch Int32(bitPattern: wch) {
            case KEY_LEFT: return .key(.wordLeft)
            case KEY_RIGHT: return .key(.wordRight)
            default: return keyCode(Int32(bitPattern: wch))
            }
        }
        switch UInt32(wch) {
        case 13, 10: return .key(.newline)
        case 27: return .key(.escape)
        case 127, 8: return .key(.control("w"))  // Alt-Backspace: delete a word
        case 98, 102, 100:  // Alt-B, Alt-F, Alt-D
            return .key(.alt(Character(Unicode.Scalar(UInt8(wch)))))
        default:
            // Escape quickly followed by an ordinary key (typed or sent by a script): both.
            guard let scalar = Unicode.Scalar(UInt32(wch)), UInt32(wch) >= 32 else { return .key(.escape) }
            pendingEvent = .key(.character(Character(scalar)))
            return .key(.escape)
        }
    }

    private func keyCode(_ code: Int32) -> AppEvent? {
        switch code {
        case KEY_RESIZE:
            needsFullRepaint = true
            let (cols, rows) = size
            return .resize(cols: cols, rows: rows)
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_ENTER: return .key(.enter)
        case KEY_BTAB: return .key(.tab)
        case KEY_F0 + 1...KEY_F0 + 12: return .key(.function(Int(code - KEY_F0)))
        case KEY_MOUSE:
            var event = MEVENT()
            guard getmouse(&event) == OK else { return nil }
            if event.bstate & cnc_BUTTON4_PRESSED() != 0 { return .wheel(.up) }
            if event.bstate & cnc_BUTTON5_PRESSED() != 0 { return .wheel(.down) }
            return nil
        case CursesTerminal.pasteStartCode:
            pasteBuffer = ""
            return nil
        case CursesTerminal.pasteEndCode:
            let text = pasteBuffer ?? ""
            pasteBuffer = nil
            return .paste(text)
        case ctrlLeftCode where ctrlLeftCode > 0: return .key(.wordLeft)
        case ctrlRightCode where ctrlRightCode > 0: return .key(.wordRight)
        default: return nil
        }
    }
}
