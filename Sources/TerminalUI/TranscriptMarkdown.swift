import ChatCore
import Foundation

/// The conversation as Markdown, for `/export`.
public enum TranscriptMarkdown {
    /// Render entries as a Markdown document.
    public static func render(_ entries: [TranscriptEntry], exportedAt date: Date = Date()) -> String {
        var out = "# Waymark conversation\n\n"
        out += "Exported \(ISO8601DateFormatter().string(from: date)). "
        out += "This file is private: it is readable only by you.\n\n"
        out += "> In danger now: 999 · Samaritans 116 123 (free, 24/7) · Text SHOUT to 85258\n\n"
        for entry in entries {
            switch entry.role {
            case .user:
                out += "**You:**\n\n" + quoteSafe(entry.text) + "\n\n"
            case .assistant:
                var suffix = ""
                switch entry.status {
                case .cancelled: suffix = " _(reply stopped)_"
                case .failed: suffix = " _(reply failed)_"
                case .streaming: suffix = " _(unfinished)_"
                case .complete: break
                }
                out += "**Waymark:**" + suffix + "\n\n" + quoteSafe(entry.text) + "\n\n"
            case .safeguard:
                out += "> **Support message**\n>\n"
                out += entry.text.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }
                    .joined(
                        separator: "\n")
                out += "\n\n"
            case .notice:
                out += "_" + entry.text.replacingOccurrences(of: "_", with: "\\_") + "_\n\n"
            }
        }
        return out
    }

    private static func quoteSafe(_ text: String) -> String {
        text.isEmpty ? "_(empty)_" : text
    }
}
