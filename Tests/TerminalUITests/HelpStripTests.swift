import Testing

@testable import TerminalUI

@Suite struct HelpStripTests {
    init() { _ = utf8Locale }

    @Test func fullStripAtEightyColumns() {
        #expect(
            HelpStrip().lines(forCols: 80) == [
                "In danger now: 999 · Samaritans 116 123 (free, 24/7) · Text SHOUT to 85258"
            ])
    }

    @Test func nationAddsItsOwnRouteWhenThereIsRoom() {
        #expect(
            HelpStrip(nation: .northernIreland).lines(forCols: 120)[0].hasSuffix("· Lifeline 0808 808 8000"))
        #expect(HelpStrip(nation: .wales).lines(forCols: 120)[0].hasSuffix("· NHS 111 Wales, press 2"))
        #expect(HelpStrip(nation: .scotland).lines(forCols: 80)[0].contains("Samaritans 116 123"))
    }

    @Test(arguments: [60, 45, 40, 30, 25, 20, 16])
    func narrowStripsKeep999AndSamaritans(cols: Int) {
        let lines = HelpStrip().lines(forCols: cols)
        let joined = lines.joined(separator: " ")
        #expect(joined.contains("999"))
        #expect(joined.contains(cols >= 20 ? "Samaritans 116 123" : "116 123"))
        #expect(lines.allSatisfy { DisplayWidth.of($0) < cols })
        #expect(lines.count == HelpStrip().rows(forCols: cols))
    }
}
