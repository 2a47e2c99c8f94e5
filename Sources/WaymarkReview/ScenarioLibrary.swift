import ChatCore
import Foundation

/// The demo scenarios, decoded and sorted by id.
public struct ScenarioLibrary: Sendable, Equatable {
    /// A file that could not be decoded.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var file: String
        public var reason: String

        public var description: String { "\(file): \(reason)" }
    }

    /// The scenarios, sorted by id.
    public var scenarios: [Scenario]
    /// Files that could not be decoded (the rest still load).
    public var problems: [Problem]
    /// Phrase lists and guard rules for the method-boundary expectations (filled by `load`).
    public var checks = ScenarioChecks()

    /// Decode scenarios from file name → bytes (only `.json` files are read).
    public init(files: [String: Data]) {
        var scenarios: [Scenario] = []
        var problems: [Problem] = []
        for (name, data) in files.sorted(by: { $0.key < $1.key }) where name.hasSuffix(".json") {
            do {
                scenarios.append(try JSONDecoder().decode(Scenario.self, from: data))
            } catch {
                problems.append(Problem(file: name, reason: String(describing: error)))
            }
        }
        self.scenarios = scenarios.sorted { $0.id < $1.id }
        self.problems = problems
    }

    /// Decode a suite of scenarios written one per line (JSON Lines); blank lines are skipped
    /// and a line that does not decode is a problem named `name:line`.
    public init(jsonLines data: Data, name: String) {
        var files: [String: Data] = [:]
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where line.contains(where: { $0 > 0x20 }) {
            files["\(name):\(String(index + 1).leftPadded(to: 4)).json"] = Data(line)
        }
        self.init(files: files)
    }

    /// The scenario with this id, if any.
    public func scenario(_ id: String) -> Scenario? {
        scenarios.first { $0.id == id }
    }

    /// Every scenario as a labelled conversation, for `runPipeline(items:)` and the scorecard.
    public var evalItems: [EvalItem] { scenarios.map(\.evalItem) }

    /// One check over pipeline records: every turn of every scenario meets its expectation
    /// (level, categories, subject, safeguard message, services). Records of other items are
    /// ignored; a scenario turn with no record fails.
    public func expectationCheck(_ records: [TurnRecord]) -> ReviewCheck {
        var check = ReviewCheck(
            id: "scenario.expectations", title: "Each scenario turn behaves as its scenario expects")
        for scenario in scenarios {
            for index in scenario.turns.indices {
                guard let record = records.first(where: { $0.itemID == scenario.id && $0.turn == index + 1 })
                else {
                    check.failed += 1
                    check.failures.append(
                        ReviewCheck.Failure(
                            itemID: scenario.id, turn: index + 1, detail: "the turn did not run"))
                    continue
                }
                let earlier = records.filter { $0.itemID == scenario.id && $0.turn <= index }
                let problems = scenario.shortfalls(of: record, earlier: earlier, checks: checks)
                check.record(problems.isEmpty, record, problems.joined(separator: "; "))
            }
        }
        return check
    }

    /// Folder of the scenarios inside `resources/`.
    public static let folder = "scenarios"

    /// Folder of the scenario suites (JSON Lines, one scenario per line) inside `resources/`:
    /// conversations that test the policy, not shown by `waymark demo`.
    public static let suitesFolder = "scenarios/suites"

    /// Read the suite `name` (a `.jsonl` file of `resources/scenarios/suites/`).
    public static func loadSuite(_ name: String, from resources: ResourceLocator) throws -> ScenarioLibrary {
        let url = resources.url(suitesFolder).appendingPathComponent(name)
        return ScenarioLibrary(jsonLines: try Data(contentsOf: url), name: name)
    }

    /// Read every `.json` file of `resources/scenarios/`.
    public static func load(from resources: ResourceLocator) throws -> ScenarioLibrary {
        let folder = resources.url(folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        var files: [String: Data] = [:]
        for name in names where name.hasSuffix(".json") {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        var library = ScenarioLibrary(files: files)
        library.checks = try ScenarioChecks.load(from: resources)
        return library
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
