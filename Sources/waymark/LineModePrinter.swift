import ChatCore
import Glibc
import Safeguard
import TerminalUI

/// Prints a turn's entries as appended text: replies grow in place on one line.
struct LineModePrinter {
    private var openReplyID: Int?
    private var printed: [Int: String] = [:]

    mutating func show(_ entry: TranscriptEntry, echoUser: Bool, strip: HelpStrip) {
        switch entry.role {
        case .user:
            // Piped text is the person's, but may hold escape sequences: shown filtered.
            if echoUser { line("You: " + ExternalText.shown(entry.text)) }
        case .safeguard:
            guard printed[entry.id] == nil else { return }
            line("Waymark (support): " + entry.text)
            line(strip.fullText)
            printed[entry.id] = entry.text
        case .notice:
            guard printed[entry.id] != entry.text else { return }
            line("Note: " + entry.text)
            printed[entry.id] = entry.text
        case .assistant:
            let already = printed[entry.id]
            if already == nil {
                line("", newline: false)
                emit("Waymark: ", newline: false)
                openReplyID = entry.id
                printed[entry.id] = ""
            }
            let shown = printed[entry.id] ?? ""
            if entry.text.hasPrefix(shown) {
                emit(String(entry.text.dropFirst(shown.count)), newline: false)
            } else {
                emit("")
                emit("Waymark (revised): " + entry.text, newline: false)
            }
            printed[entry.id] = entry.text
            if entry.status != .streaming {
                switch entry.status {
                case .cancelled: emit(" (stopped)")
                case .failed: emit(" (the reply failed)")
                default: emit("")
                }
                openReplyID = nil
            }
        }
    }

    /// Print a full line, closing an open reply line first.
    private mutating func line(_ text: String, newline: Bool = true) {
        if openReplyID != nil {
            emit("")
            openReplyID = nil
        }
        if !text.isEmpty || newline { emit(text, newline: newline) }
    }

    mutating func finish() {
        if openReplyID != nil { emit("") }
    }
}

/// Write to stdout and flush (line mode output must appear at once, also in pipes).
func emit(_ text: String, newline: Bool = true) {
    var bytes = Array((newline ? text + "\n" : text).utf8)
    var offset = 0
    while offset < bytes.count {
        let written = bytes.withUnsafeMutableBytes { raw in
            write(STDOUT_FILENO, raw.baseAddress.map { $0 + offset }, raw.count - offset)
        }
        if written <= 0 { return }
        offset += written
    }
}
