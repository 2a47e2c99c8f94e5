import ChatCore
import Foundation
import Glibc
import Safeguard
import WaymarkReview

/// Writes a conversation for case review through ``TranscriptExporter`` — Markdown, or JSON
/// when the path ends in `.json` — to a new file readable only by its owner (0600). Never
/// overwrites an existing file; never includes API keys (the header holds only names).
enum TranscriptExportWriter {
    /// Write `entries` to `path` (or a timestamped name in the current folder). Returns the
    /// path written. `includeOriginals` adds replies the output guard changed, in their
    /// original form (clinician mode, demos and replays only: they can hold what the guard
    /// removed).
    static func write(
        _ entries: [TranscriptEntry], to path: String?, header: [String: String] = [:],
        title: String = "Waymark conversation", includeOriginals: Bool = false, now: Date = Date()
    ) throws -> String {
        let target = resolve(path, now: now)
        let exporter = TranscriptExporter(header: header, includeOriginals: includeOriginals)
        let data: Data
        if target.lowercased().hasSuffix(".json") {
            data = try exporter.json(entries, exported: now)
        } else {
            // Markdown is read in a terminal too: the person's text, ids and the title are
            // shown free of control sequences (JSON escapes them anyway).
            data = Data(ExternalText.shown(exporter.markdown(entries, title: title, exported: now)).utf8)
        }
        try createPrivate(data, at: target)
        return target
    }

    /// Create `target` (it must not exist) with mode 0600 and write `data` to it.
    static func createPrivate(_ data: Data, at target: String) throws {
        let fd = open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            throw ExportError(message: "cannot create \(target): \(reason)")
        }
        defer { close(fd) }
        _ = fchmod(fd, 0o600)  // in case the umask was odd
        var bytes = [UInt8](data)
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
    }

    /// The full path to write: a timestamped name in the current folder when none is given,
    /// `~/` expanded, and a relative path made absolute, so the person is told exactly where
    /// the file is.
    static func resolve(_ path: String?, now: Date) -> String {
        guard let path, !path.isEmpty else {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.dateFormat = "yyyyMMdd-HHmmss"
            return absolute("waymark-conversation-\(formatter.string(from: now)).md")
        }
        if path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] {
            return home + path.dropFirst()
        }
        return absolute(path)
    }

    private static func absolute(_ path: String) -> String {
        guard !path.hasPrefix("/") else { return path }
        let folder = FileManager.default.currentDirectoryPath
        return (folder.hasSuffix("/") ? folder : folder + "/") + path
    }

    struct ExportError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
