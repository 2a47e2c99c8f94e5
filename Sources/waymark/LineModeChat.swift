import ChatCore
import Dispatch
import Foundation
import Glibc
import TerminalUI

/// The accessible line mode: the same conversation as plain appended lines ("You:" /
/// "Waymark:"), no redraws, no box drawing, no spinners. Reads one message per line.
struct LineModeChat {
    let driver: any ConversationDriver
    let options: ChatOptions
    let resources: ChatResources

    func run() {
        let interactive = isatty(STDIN_FILENO) != 0
        let strip = HelpStrip(nation: options.nation)
        if !options.noIntro {
            emit(plainIntro(resources.introText))
            emit("")
        }
        emit(strip.fullText)
        emit("Type a message and press Enter. /help lists commands; /quit leaves.")
        var entries: [TranscriptEntry] = []
        while true {
            if interactive { emit("You: ", newline: false) }
            guard let line = readLine(strippingNewline: true) else { break }
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            if text.hasPrefix("/") && !text.hasPrefix("//") {
                if !command(text, entries: entries, strip: strip) { break }
                continue
            }
            let message = text.hasPrefix("//") ? String(text.dropFirst()) : line
            entries += runTurn(message, echoUser: !interactive, strip: strip)
        }
    }

    /// One turn: print its events as they arrive, return its entries.
    private func runTurn(_ text: String, echoUser: Bool, strip: HelpStrip) -> [TranscriptEntry] {
        let done = DispatchSemaphore(value: 0)
        let collected = LineCollector()
        let driver = self.driver
        Task.detached {
            var printer = ReplyPrinter()
            for await event in driver.send(text) {
                switch event {
                case .entryAdded(let entry), .entryUpdated(let entry):
                    collected.record(entry)
                    printer.show(entry, echoUser: echoUser, strip: strip)
                case .responderFailed, .turnFinished:
                    break
                }
            }
            printer.finish()
            done.signal()
        }
        done.wait()
        return collected.entries
    }

    /// Handle a command; false means quit.
    private func command(_ text: String, entries: [TranscriptEntry], strip: HelpStrip) -> Bool {
        let parts = text.split(separator: " ", maxSplits: 1)
        let name = parts.first.map { $0.lowercased() } ?? ""
        switch name {
        case "/quit", "/exit", "/q":
            return false
        case "/help":
            emit("Commands:")
            for (command, summary) in AppState.commands { emit("  \(command): \(summary)") }
            emit(strip.fullText)
        case "/about":
            emit(plainIntro(resources.introText))
        case "/services":
            for service in resources.services {
                let hours = service.hours.map { ", " + $0 } ?? ""
                emit("\(service.name): \(service.contact)\(hours)")
            }
        case "/export":
            let path = parts.count > 1 ? String(parts[1]).trimmingCharacters(in: .whitespaces) : nil
            do {
                let written = try TranscriptExportWriter.write(entries, to: path)
                emit("Note: conversation saved to \(written) (readable only by you).")
            } catch {
                emit("Note: export failed: \(error)")
            }
        case "/clear", "/inspector":
            emit("Note: \(name) is only available on the chat screen.")
        default:
            emit(
                "Note: unknown command \(name). Type /help for the list. To send a message starting with /, type //."
            )
        }
        return true
    }

    private func plainIntro(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(line.drop(while: { $0 == "#" || $0 == " " && line.hasPrefix("#") }))
        }.joined(separator: "\n")
    }
}

/// Collects the entries of a turn (the loop reads them after the turn ends).
private final class LineCollector: @unchecked Sendable {
    // Only touched by the turn's task, then read after `done.wait()` (happens-before).
    private(set) var entries: [TranscriptEntry] = []

    func record(_ entry: TranscriptEntry) {
        if let index = entries.firstIndex(where: { $0.id == entry.id }) {
            entries[index] = entry
        } else {
            entries.append(entry)
        }
    }
}

/// Prints a turn's entries as appended text: replies grow in place on one line.
private struct ReplyPrinter {
    private var openReplyID: Int?
    private var printed: [Int: String] = [:]

    mutating func show(_ entry: TranscriptEntry, echoUser: Bool, strip: HelpStrip) {
        switch entry.role {
        case .user:
            if echoUser { line("You: " + entry.text) }
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
private func emit(_ text: String, newline: Bool = true) {
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
