import Glibc
import TerminalUI

/// Measures how the terminal draws the emoji clusters `wcwidth` cannot measure (see
/// ``TerminalUI/ClusterWidths``): before ncurses starts, each sample is written at the start of
/// the line and the terminal is asked where its cursor is (`ESC [ 6 n`). A terminal that does
/// not answer within a moment keeps Unicode's widths. The samples are erased afterwards.
enum ClusterWidthProbe {
    /// The terminal's widths, or `nil` when standard input and output are not a terminal or it
    /// does not answer.
    static func measure(timeoutMs: Int32 = 250) -> ClusterWidths? {
        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else { return nil }
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { return nil }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        guard tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0 else { return nil }
        defer {
            write("\r\u{1B}[2K")
            _ = tcsetattr(STDIN_FILENO, TCSANOW, &saved)
        }
        var widths = ClusterWidths.unicode
        for kind in ClusterWidths.Kind.allCases {
            write("\r\u{1B}[2K" + kind.sample + "\u{1B}[6n")
            guard let column = readCursorColumn(timeoutMs: timeoutMs), (2...8).contains(column) else {
                return nil
            }
            widths[kind] = column - 1
        }
        return widths
    }

    private static func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes {
                Glibc.write(STDOUT_FILENO, $0.baseAddress.map { $0 + offset }, $0.count - offset)
            }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }

    /// Reads a cursor position report `ESC [ row ; col R`; returns the column.
    private static func readCursorColumn(timeoutMs: Int32) -> Int? {
        var reply: [UInt8] = []
        while reply.count < 32 {
            var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)]
            guard poll(&fds, 1, timeoutMs) > 0 else { return nil }
            var byte: UInt8 = 0
            guard read(STDIN_FILENO, &byte, 1) == 1 else { return nil }
            reply.append(byte)
            if byte == UInt8(ascii: "R") { break }
        }
        guard let text = String(validating: reply, as: UTF8.self),
            let start = text.lastIndex(of: "["), let semicolon = text.lastIndex(of: ";"), start < semicolon
        else { return nil }
        return Int(text[text.index(after: semicolon)...].dropLast())
    }
}
