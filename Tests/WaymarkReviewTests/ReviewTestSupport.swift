import ChatCore
import Foundation
import Safeguard
import WaymarkReview

/// Paths and helpers shared by the WaymarkReview tests.
enum ReviewTestSupport {
    /// The repository root, found from this file's path.
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The shared folder beside the repository (`../shared`), if present.
    static var sharedRoot: URL? {
        let url = repoRoot.deletingLastPathComponent().appendingPathComponent("shared")
        let score = url.appendingPathComponent("eval/score.py")
        return FileManager.default.fileExists(atPath: score.path) ? url : nil
    }

    static func fixture(_ name: String) -> URL {
        repoRoot.appendingPathComponent("Tests/Fixtures/WaymarkReview/\(name)")
    }

    static var resources: ResourceLocator {
        ResourceLocator(root: repoRoot.appendingPathComponent("resources"))
    }

    static func reference() throws -> ReviewReference {
        try ReviewReference.load(from: resources)
    }

    /// Run `score.py` with `arguments` and return its stdout, or `nil` when python3 or the
    /// shared folder is missing.
    static func runScorePy(_ arguments: [String]) throws -> String? {
        guard let shared = sharedRoot else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", shared.appendingPathComponent("eval/score.py").path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ScorePyFailed(status: process.terminationStatus, arguments: arguments)
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// `score.py` exited with an error (a test fixture it rejects is a test bug, not a skip).
    struct ScorePyFailed: Error {
        var status: Int32
        var arguments: [String]
    }

    /// A prediction line as `waymark assess` prints it.
    struct Prediction: Decodable {
        var level: RiskLevel
        var categories: [RiskCategory]
        var subject: Subject
        var turns: [Prediction]?

        var assessment: Assessment { Assessment(level: level, categories: categories, subject: subject) }

        enum CodingKeys: String, CodingKey { case level, categories, subject, turns }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            level = try container.decodeIfPresent(RiskLevel.self, forKey: .level) ?? .none
            categories = try container.decodeIfPresent([RiskCategory].self, forKey: .categories) ?? []
            subject = try container.decodeIfPresent(Subject.self, forKey: .subject) ?? .nobody
            turns = try container.decodeIfPresent([Prediction].self, forKey: .turns)
        }
    }

    /// Turn records from a gold file and a prediction file, aligned by order.
    static func records(gold: Data, predictions: Data) throws -> (records: [TurnRecord], conversations: Bool)
    {
        let file = EvalFile.decode(gold)
        let predictionLines = String(decoding: predictions, as: UTF8.self).split(separator: "\n")
        let decoded = try predictionLines.map {
            try JSONDecoder().decode(Prediction.self, from: Data($0.utf8))
        }
        var records: [TurnRecord] = []
        for (item, prediction) in zip(file.items, decoded) {
            let turnPredictions = prediction.turns ?? [prediction]
            for (index, (turn, predicted)) in zip(item.turns, turnPredictions).enumerated() {
                records.append(
                    TurnRecord(
                        itemID: item.id, turn: index + 1, text: turn.text, gold: turn.gold,
                        assessment: predicted.assessment))
            }
        }
        return (records, file.isConversations)
    }
}
