import ChatCore
import Foundation
import Glibc
import TerminalUI

/// Writes the conversation as Markdown to a new file readable only by its owner (0600).
enum TranscriptExportWriter {
    /// Write `entries` to `path` (or a timestamped name in the current folder). Never
    /// overwrites an existing file. Returns the path written.
    static func write(_ entries: [TranscriptEntry], to path: String?, now: Date = Date()) throws -> String {
        let target = resolve(path, now: now)
        let text = TranscriptMarkdown.render(entries, exportedAt: now)
        let fd = open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            throw ExportError(message: "cannot create \(target): \(reason)")
        }
        defer { close(fd) }
        _ = fchmod(fd, 0o600)  // in case the umask was odd
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { raw in
                Glibc.write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw ExportError(message: "cannot write \(target): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
        bytes.removeAll()
        return target
    }

    static func resolve(_ path: String?, now: Date) -> String {
        guard let path, !path.isEmpty else {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.dateFormat = "yyyyMMdd-HHmmss"
            return "waymark-conversation-\(formatter.string(from: now)).md"
        }
        if path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] {
            return home + path.dropFirst()
        }
        return path
    }

    struct ExportError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
