import ChatCore
import Safeguard
import Testing

@testable import TerminalUI

@Suite struct PanelContentTests {
    init() { _ = utf8Locale }

    @Test func introJoinsParagraphLinesAndKeepsBulletsAndBold() {
        let paragraphs = PanelContent.intro(
            "# Hi\n\nOne line\ncontinues **here**.\n\n- call **999**\n- text SHOUT")
        #expect(paragraphs.count == 6)
        #expect(paragraphs[0] == StyledText("Hi", CellStyle(.title, bold: true)))
        #expect(paragraphs[2].runs.map(\.text).joined() == "One line continues here.")
        #expect(paragraphs[2].runs.last(where: { $0.style.bold })?.text == "here")
        #expect(paragraphs[4].runs.map(\.text).joined() == "• call 999")
        #expect(paragraphs[4].hangingIndent == 2)
        #expect(paragraphs[5].runs.map(\.text).joined() == "• text SHOUT")
    }

    @Test func sparklineShowsOneBarPerTurn() {
        #expect(PanelContent.sparkline([.none, .distress, .boundary, .crisis, .emergency]) == "▁▂▄▆█")
    }

    @Test func servicesOfferedInTheConversationComeFirst() {
        let entries = [Sample.card(1, "call", turn: 1, services: ["shout"])]
        let lines = PanelContent.services(Sample.services, entries: entries).map {
            $0.runs.map(\.text).joined()
        }
        #expect(lines.first == "Offered in this conversation")
        #expect(lines[1] == "Shout")
        #expect(lines.contains("  0800 83 85 87 · closed now"))
    }

    @Test func highlightedMarksTheSignalSpanByScalarOffsets() {
        let signal = Signal(
            rule: "r", text: "end it", start: 9, end: 15, category: .suicide, baseLevel: .crisis)
        let text = PanelContent.highlighted("😀 I want end it all", signals: [signal])
        let marked = text.runs.filter { $0.style.role == .highlight }.map(\.text)
        #expect(marked == ["end it"])
    }
}
