import ChatCore
import Foundation
import Testing

@testable import TerminalUI

@Suite struct TranscriptMarkdownTests {
    @Test func rendersEachRoleDistinctly() {
        let markdown = TranscriptMarkdown.render(
            [
                Sample.user(1, "hello", turn: 1),
                Sample.card(2, "Samaritans 116 123\nany time", turn: 1),
                Sample.reply(3, "I'm here.", turn: 1, status: .cancelled),
                TranscriptEntry(id: -1, turn: 1, role: .notice, text: "saved_file"),
            ], exportedAt: Sample.date)
        #expect(markdown.hasPrefix("# Waymark conversation\n"))
        #expect(markdown.contains("**You:**\n\nhello\n"))
        #expect(markdown.contains("> **Support message**\n>\n> Samaritans 116 123\n> any time\n"))
        #expect(markdown.contains("**Waymark:** _(reply stopped)_\n\nI'm here.\n"))
        #expect(markdown.contains("_saved\\_file_"))
        #expect(markdown.contains("999"))
    }
}
