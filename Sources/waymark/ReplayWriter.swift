import ChatCore
import Foundation
import Safeguard

/// Prints replayed transcripts as text, JSON lines (CONTRACTS.md) or Markdown.
struct ReplayWriter {
    var format: ReplayCommand.Format
    private var output: StandardOutput

    init(format: ReplayCommand.Format) {
        self.format = format
        // Text and Markdown echo the person's words and ids: filtered like every outside
        // string. JSON lines escape control characters themselves.
        output = StandardOutput(filtered: format != .jsonl)
    }

    mutating func write(conversation: String, entries: [TranscriptEntry]) {
        switch format {
        case .jsonl: writeJSONL(conversation: conversation, entries: entries)
        case .text: writeText(conversation: conversation, entries: entries)
        case .markdown: writeMarkdown(conversation: conversation, entries: entries)
        }
    }

    /// One line: level, categories, subject and the rules that fired.
    static func summary(_ assessment: Assessment) -> String {
        var parts = ["level \(assessment.level)"]
        if !assessment.categories.isEmpty {
            parts.append(assessment.categories.map(\.rawValue).joined(separator: ", "))
        }
        parts.append("subject \(assessment.subject.rawValue)")
        if !assessment.signals.isEmpty {
            parts.append("rules " + assessment.signals.map(\.rule).joined(separator: ", "))
        }
        return parts.joined(separator: " · ")
    }

    mutating func finish() {
        output.flush()
    }

    // MARK: - JSON lines

    private mutating func writeJSONL(conversation: String, entries: [TranscriptEntry]) {
        for entry in entries {
            let role: String
            switch entry.role {
            case .user: role = "user"
            case .assistant: role = "assistant"
            case .safeguard: role = "safeguard"
            case .notice:
                // Not one of the contract's roles: notices (backend failures) go to stderr.
                StandardStreams.complain("[\(conversation) turn \(entry.turn)] \(entry.text)\n")
                continue
            }
            let json = AssessmentJSON.self
            var fields = [
                "\"conversation\": \(json.string(conversation))", "\"turn\": \(entry.turn)",
                "\"role\": \(json.string(role))", "\"text\": \(json.string(entry.text))",
            ]
            if let assessment = entry.assessment {
                fields.append("\"assessment\": \(json.object(assessment, id: nil))")
            }
            fields.append("\"services\": [\(entry.services.map { json.string($0) }.joined(separator: ", "))]")
            if entry.role == .assistant {
                fields.append("\"status\": \(json.string(entry.status.rawValue))")
                if entry.originalText != nil {
                    let notes = entry.guardNotes.map { json.string($0) }.joined(separator: ", ")
                    fields.append("\"guard_notes\": [\(notes)]")
                }
            }
            output.line("{" + fields.joined(separator: ", ") + "}")
        }
    }

    // MARK: - Text

    private mutating func writeText(conversation: String, entries: [TranscriptEntry]) {
        output.line("── conversation \(conversation) ──")
        for entry in entries {
            switch entry.role {
            case .user:
                output.line("You [\(entry.turn)]: \(entry.text)")
                if let assessment = entry.assessment {
                    output.line("  ⟶ \(Self.summary(assessment))")
                }
            case .safeguard:
                output.line("Waymark (safeguard): \(entry.text)")
                if !entry.services.isEmpty {
                    output.line("  services: \(entry.services.joined(separator: ", "))")
                }
            case .assistant:
                let suffix = entry.status == .complete ? "" : " [\(entry.status.rawValue)]"
                output.line("Waymark: \(entry.text)\(suffix)")
                if entry.originalText != nil {
                    output.line(
                        "  (changed by the output guard: \(entry.guardNotes.joined(separator: "; ")))")
                }
            case .notice:
                output.line("Note: \(entry.text)")
            }
        }
        output.line("")
    }

    // MARK: - Markdown

    private mutating func writeMarkdown(conversation: String, entries: [TranscriptEntry]) {
        output.line("## Conversation \(conversation)")
        output.line("")
        for entry in entries {
            switch entry.role {
            case .user:
                output.line("**You (turn \(entry.turn)):** \(entry.text)")
                output.line("")
                if let assessment = entry.assessment {
                    output.line("> Safeguard: \(Self.summary(assessment))")
                    output.line("")
                }
            case .safeguard:
                output.line("**Waymark (safeguard):**")
                output.line("")
                for line in entry.text.split(separator: "\n", omittingEmptySubsequences: false) {
                    output.line("> \(line)")
                }
                output.line("")
                if !entry.services.isEmpty {
                    output.line(
                        "Services offered: \(entry.services.map { "`\($0)`" }.joined(separator: ", "))")
                    output.line("")
                }
            case .assistant:
                output.line("**Waymark:** \(entry.text)")
                output.line("")
            case .notice:
                output.line("_Note: \(entry.text)_")
                output.line("")
            }
        }
    }
}

/// Buffered standard output (one `write` per few kilobytes, not per line).
struct StandardOutput {
    private var buffer = Data()
    /// Whether lines pass through ``ExternalText`` first.
    var filtered: Bool

    init(filtered: Bool = true) {
        self.filtered = filtered
    }

    mutating func line(_ text: String) {
        buffer.append(contentsOf: (filtered ? ExternalText.shown(text) : text).utf8)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count > 64 * 1024 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        StandardStreams.say(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
