import Foundation
import Safeguard
import Testing

@testable import WaymarkReview

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct ScorecardRendererTests {
    /// A scorecard over the fixtures, with a few checks and a miss carrying signals.
    static func sampleCard() throws -> Scorecard {
        var (records, _) = try ReviewTestSupport.records(
            gold: try Data(contentsOf: ReviewTestSupport.fixture("gold-messages.jsonl")),
            predictions: try Data(contentsOf: ReviewTestSupport.fixture("pred-messages.jsonl")))
        for index in records.indices where records[index].assessment.level >= .crisis {
            records[index].safeguardKind = "fullReferral"
            records[index].safeguardText =
                "Thank you for telling me <3 & I'm not a crisis service. Are you safe?"
            records[index].services = ["samaritans", "shout"]
        }
        records[1].assessment.signals = [
            Signal(
                rule: "harm.kill_someone", text: "could kill a man", start: 24, end: 40,
                category: .harmToOthers,
                baseLevel: .crisis, modifiers: [.figurative])
        ]
        records[1].assessment.reasons = ["idiom not recognised"]
        return Scorecard.compute(
            records: records, conversations: false, reference: try ReviewTestSupport.reference())
    }

    @Test func textKeepsScorePyLinesUnindentedAndAloneAtTheMargin() throws {
        let card = try Self.sampleCard()
        let text = ScorecardRenderer(includeMisses: true).text(card)
        let marginLines = text.split(separator: "\n").filter {
            $0.range(of: "^[a-z0-9_]+: ", options: .regularExpression) != nil
        }.map(String.init)
        #expect(marginLines == card.triggering.reportLines)
        #expect(text.contains("MISS g02 turn 1 gold=none pred=crisis (over-called)"))
        #expect(text.contains("signal: harm.kill_someone \"could kill a man\""))
        #expect(text.contains("modifiers: figurative"))
        #expect(text.contains("reason: idiom not recognised"))
        #expect(text.contains("# referral"))
    }

    @Test func aFigureWithNothingToMeasureSaysSoInEveryFormat() throws {
        let (all, _) = try ReviewTestSupport.records(
            gold: try Data(contentsOf: ReviewTestSupport.fixture("gold-messages.jsonl")),
            predictions: try Data(contentsOf: ReviewTestSupport.fixture("pred-messages.jsonl")))
        let figurative: Set<String> = ["idiom", "joke", "lyrics"]
        let records = all.filter { figurative.isDisjoint(with: $0.gold?.tags ?? []) }
        let card = Scorecard.compute(records: records, conversations: false)
        #expect(card.triggering["idiom_false_alarm_rate"] == .ratio(nil))
        for format in [ScorecardFormat.text, .markdown, .html] {
            let report = ScorecardRenderer(includeMisses: true).render(card, format: format)
            #expect(report.contains("no idioms in this set"), "\(format)")
            #expect(!report.contains("None"), "\(format)")
        }
    }

    @Test func htmlIsWellFormedSelfContainedAndHasTheHeatMap() throws {
        let card = try Self.sampleCard()
        let html = ScorecardRenderer(source: "gold & <fixtures>", includeMisses: true).html(card)
        let parser = XMLParser(data: Data(html.utf8))
        let collector = ElementCollector()
        parser.delegate = collector
        #expect(parser.parse(), "HTML does not parse as XML: \(String(describing: parser.parserError))")
        #expect(collector.names["svg", default: 0] >= 4)  // heat map + three phase bar charts
        #expect(collector.names["rect", default: 0] >= 25)
        #expect(collector.names["caption", default: 0] >= 4)
        #expect(collector.names["h2", default: 0] >= 5)
        #expect(collector.names["script", default: 0] == 0)
        #expect(html.contains("Confusion matrix heat map"))
        #expect(!html.contains("src=") && !html.contains("href=") && !html.contains("<link"))  // no fetches
        #expect(html.contains("gold &amp; &lt;fixtures&gt;"))
        #expect(html.contains("my nan&#39;s trifle"))
        // Scripts/html-report-check.sh --fixture renders this page in headless Chromium.
        if let path = ProcessInfo.processInfo.environment["WAYMARK_REPORT_SAMPLE"] {
            try PrivateFile.write(html, to: URL(fileURLWithPath: path))
        }
    }

    @Test func heatMapInkKeepsAAContrastOnEveryShade() {
        func luminance(_ hex: String) -> Double {
            let value = Int(hex.dropFirst(), radix: 16) ?? 0
            let channels = [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF].map { Double($0) / 255 }
            let linear = channels.map { $0 <= 0.03928 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
            return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
        }
        let renderer = ScorecardRenderer()
        for step in 0...100 {
            let colours = renderer.shade(Double(step) / 100)
            let (a, b) = (luminance(colours.fill), luminance(colours.ink))
            let ratio = (max(a, b) + 0.05) / (min(a, b) + 0.05)
            #expect(ratio >= 4.5, "share \(step)%: contrast \(ratio)")
        }
    }

    @Test func markdownHasEveryPhase() throws {
        let card = try Self.sampleCard()
        let markdown = ScorecardRenderer(includeMisses: true).markdown(card)
        #expect(card.misses.filter(\.crossesLine).count == 6)
        for heading in [
            "## Triggering", "## Framing", "## Referral", "## After", "## Misses (\(card.misses.count): ",
            "6 cross the crisis or emergency line (score.py --misses)",
        ] {
            #expect(markdown.contains(heading))
        }
        #expect(markdown.contains("| `crisis_recall` | 0.6667 |"))
    }
}

/// Counts element names while parsing.
final class ElementCollector: NSObject, XMLParserDelegate {
    var names: [String: Int] = [:]

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        names[elementName, default: 0] += 1
    }
}
