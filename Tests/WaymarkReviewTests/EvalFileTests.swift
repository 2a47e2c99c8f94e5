import Foundation
import Safeguard
import Testing

@testable import WaymarkReview

@Suite struct EvalFileTests {
    @Test func badLinesAreReportedAndTheRestLoad() {
        var data = Data(
            """
            {"id": "a", "text": "hello there", "level": "none", "categories": [], "subject": "none", "tags": ["x"]}
            not json at all
            {"id": "b", "text": "x", "level": "catastrophic"}

            {"text": "no id, unlabelled"}

            """.utf8)
        data.append(contentsOf: [0xFF, 0xFE, 0x0A])
        let file = EvalFile.decode(data)
        #expect(!file.isConversations)
        #expect(file.items.map(\.id) == ["a", "5"])
        #expect(file.items[0].turns[0].gold == GoldLabel(level: .none, tags: ["x"]))
        #expect(file.items[1].turns[0].gold == nil)
        #expect(file.invalidLines.map(\.line) == [2, 3, 6])
        #expect(file.invalidLines[2].reason.contains("UTF-8"))
    }

    @Test func conversationsAreDetectedWithSettings() {
        let data = Data(
            """
            {"id": 7, "nation": "wales", "age_band": "19-24", "turns": [{"text": "hi", "level": "none"}, {"text": "tonight", "level": "emergency", "categories": ["suicide"], "subject": "self"}]}
            """.utf8)
        let file = EvalFile.decode(data)
        #expect(file.isConversations)
        let item = file.items.first
        #expect(item?.id == "7" && item?.nation == "wales" && item?.ageBand == "19-24")
        #expect(item?.turns.map { $0.gold?.level } == [RiskLevel.none, .emergency])
        #expect(item?.turns[1].gold?.subject == .speaker)
    }
}
