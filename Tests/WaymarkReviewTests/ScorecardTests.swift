import Foundation
import Safeguard
import Testing
import WaymarkTesting

@testable import WaymarkReview
import WaymarkTestTraits

@Suite(.ownThread) struct ScorecardTests {
    private func agree(gold: URL, predictions: URL, conversations: Bool) throws {
        let flag = conversations ? ["--conversations"] : []
        let python = try #require(
            try ReviewTestSupport.runScorePy(flag + ["--json", gold.path, predictions.path]))
        let pythonText = try #require(try ReviewTestSupport.runScorePy(flag + [gold.path, predictions.path]))
        let (records, detected) = try ReviewTestSupport.records(
            gold: try Data(contentsOf: gold), predictions: try Data(contentsOf: predictions))
        #expect(detected == conversations)
        let card = Scorecard.compute(records: records, conversations: conversations)
        #expect(card.triggering.json == python.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(card.triggering.lines == pythonText.split(separator: "\n").map(String.init))
    }

    @Test(
        .enabled(
            if: ReviewTestSupport.sharedRoot != nil, "needs ../shared/eval/score.py beside the repository"))
    func messageFiguresMatchScorePyExactly() throws {
        try agree(
            gold: ReviewTestSupport.fixture("gold-messages.jsonl"),
            predictions: ReviewTestSupport.fixture("pred-messages.jsonl"), conversations: false)
    }

    @Test(
        .enabled(
            if: ReviewTestSupport.sharedRoot != nil, "needs ../shared/eval/score.py beside the repository"))
    func conversationFiguresMatchScorePyExactly() throws {
        try agree(
            gold: ReviewTestSupport.fixture("gold-conversations.jsonl"),
            predictions: ReviewTestSupport.fixture("pred-conversations.jsonl"), conversations: true)
    }

    /// Many random label/prediction sets (seeded), so every branch of score.py is exercised,
    /// including empty denominators (`None`) and rounding at the 4th place.
    @Test(
        .enabled(
            if: ReviewTestSupport.sharedRoot != nil, "needs ../shared/eval/score.py beside the repository"),
        arguments: 0..<12)
    func randomSetsMatchScorePy(seed: Int) throws {
        var generator = SeededGenerator(seed: UInt64(seed) &+ 17)
        let conversations = seed % 3 == 0
        let count = [1, 3, 7, 29, 61, 140][seed % 6]
        var goldLines: [String] = []
        var predLines: [String] = []
        let tags = ["idiom", "joke", "lyrics", "negation", "long"]
        func label(_ level: RiskLevel, _ generator: inout SeededGenerator, extra: Bool) -> String {
            let category = RiskCategory.allCases.randomElement(using: &generator) ?? .suicide
            let subject = Subject.allCases.randomElement(using: &generator) ?? .speaker
            var line =
                "\"level\": \"\(level.rawValue)\", \"categories\": [\"\(category.rawValue)\"], \"subject\": \"\(subject.rawValue)\""
            if extra {
                line += ", \"tags\": [\"\(tags.randomElement(using: &generator) ?? "idiom")\"]"
            }
            return line
        }
        func level(_ generator: inout SeededGenerator) -> RiskLevel {
            RiskLevel.allCases.randomElement(using: &generator) ?? .none
        }
        for index in 0..<count {
            if conversations {
                let turnCount = Int.random(in: 1...4, using: &generator)
                var goldTurns: [String] = []
                var predTurns: [String] = []
                for _ in 0..<turnCount {
                    goldTurns.append(
                        "{\"text\": \"t\", \(label(level(&generator), &generator, extra: true))}")
                    predTurns.append("{\(label(level(&generator), &generator, extra: false))}")
                }
                goldLines.append("{\"id\": \"c\(index)\", \"turns\": [\(goldTurns.joined(separator: ", "))]}")
                predLines.append("{\"id\": \"c\(index)\", \"turns\": [\(predTurns.joined(separator: ", "))]}")
            } else {
                goldLines.append(
                    "{\"id\": \"m\(index)\", \"text\": \"t\", \(label(level(&generator), &generator, extra: true))}"
                )
                predLines.append(
                    "{\"id\": \"m\(index)\", \(label(level(&generator), &generator, extra: false))}")
            }
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "waymark-score-\(seed)-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let gold = folder.appendingPathComponent("gold.jsonl")
        let pred = folder.appendingPathComponent("pred.jsonl")
        try (goldLines.joined(separator: "\n") + "\n").write(to: gold, atomically: true, encoding: .utf8)
        try (predLines.joined(separator: "\n") + "\n").write(to: pred, atomically: true, encoding: .utf8)
        try agree(gold: gold, predictions: pred, conversations: conversations)
    }

    @Test func ratiosRoundLikePython() throws {
        var fractions: [(Int, Int)] = []
        for total in 1...160 {
            for hits in 0...total { fractions.append((hits, total)) }
        }
        // Python makes the same fractions itself, so nothing is piped in (no pipe deadlock).
        let script = "for t in range(1, 161):\n    for h in range(t + 1):\n        print(round(h / t, 4))\n"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let expected = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        let actual = fractions.map {
            ScoreFigure(name: "r", value: .ratio(ScoreFigure.ratio($0.0, $0.1))).pythonText
        }
        #expect(expected == actual)
    }

    @Test func breakdownCountsConfusionPerLevelCategoryAndTag() throws {
        let (records, _) = try ReviewTestSupport.records(
            gold: try Data(contentsOf: ReviewTestSupport.fixture("gold-messages.jsonl")),
            predictions: try Data(contentsOf: ReviewTestSupport.fixture("pred-messages.jsonl")))
        let card = Scorecard.compute(records: records, conversations: false)
        let matrix = card.breakdown.confusion
        #expect(matrix.flatMap { $0 }.reduce(0, +) == 18)
        // g17: boundary labelled, emergency predicted.
        #expect(matrix[RiskLevel.boundary.rank][RiskLevel.emergency.rank] == 1)
        let crisisRow = try #require(card.breakdown.levels.first { $0.level == .crisis })
        #expect(crisisRow.gold == 4 && crisisRow.exact == 2 && crisisRow.under == 2)
        let idiom = try #require(card.breakdown.tags.first { $0.name == "idiom" })
        #expect(idiom.items == 2 && idiom.safeFlagged == 1)
        let suicide = try #require(card.breakdown.categories.first { $0.name == "suicide" })
        #expect(suicide.categoryFalseAlarms == 2)  // g15, g18
        // score.py's --misses rule: g02, g11, g13, g14, g17, g18.
        #expect(
            card.misses.filter(\.crossesLine).map(\.itemID) == ["g02", "g11", "g13", "g14", "g17", "g18"])
    }

    /// `--misses` lists what the scorecard counts: every under- and over-call in the per-level
    /// table (a distress turn read as none too), not only those crossing the crisis line.
    @Test func missesAgreeWithThePerLevelUnderAndOverCounts() throws {
        let (records, _) = try ReviewTestSupport.records(
            gold: try Data(contentsOf: ReviewTestSupport.fixture("gold-messages.jsonl")),
            predictions: try Data(contentsOf: ReviewTestSupport.fixture("pred-messages.jsonl")))
        let card = Scorecard.compute(records: records, conversations: false)
        let under = card.breakdown.levels.map(\.under).reduce(0, +)
        let over = card.breakdown.levels.map(\.over).reduce(0, +)
        #expect(card.misses.count == under + over)
        #expect(card.misses.filter { $0.kind == "missed" }.count == under)
        #expect(card.misses.contains { !$0.crossesLine })
    }
}
