import Foundation
import Glibc
import Testing
import WaymarkTestTraits

/// `waymark demo` end to end: the real binary, its standard output captured.
@Suite(.ownThread) struct DemoCommandTests {
    static var binaryExists: Bool { FileManager.default.isExecutableFile(atPath: TmuxHarness.binary) }

    /// A clean environment: the checkout's resources, no configuration file, no keys.
    static func run(_ arguments: [String], in folder: URL? = nil) -> (status: Int32, output: String) {
        let home = folder ?? FileManager.default.temporaryDirectory
        let resources = TmuxHarness.repositoryRoot.appendingPathComponent("resources").path
        var argv = [
            "/usr/bin/env", "-i", "HOME=\(home.path)", "XDG_CONFIG_HOME=\(home.path)/config",
            "WAYMARK_RESOURCES=\(resources)",
        ]
        if let folder { argv = ["/usr/bin/env", "-C", folder.path] + argv.dropFirst() }
        return TmuxHarness.spawn(argv + [TmuxHarness.binary, "demo"] + arguments)
    }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "waymark-demo-\(getpid())-\(UInt32.random(in: 0..<UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The text of `output` from the line starting with `start` up to the next line starting
    /// with one of `ends` (or the end).
    static func block(_ output: String, from start: String, until ends: [String]) -> [String] {
        var blocks: [String] = []
        var current: [String]?
        for line in output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix(start) {
                if let current { blocks.append(current.joined(separator: "\n")) }
                current = [line]
            } else if ends.contains(where: { line.hasPrefix($0) }) {
                if let block = current { blocks.append(block.joined(separator: "\n")) }
                current = nil
            } else {
                current?.append(line)
            }
        }
        if let current { blocks.append(current.joined(separator: "\n")) }
        return blocks
    }

    @Test(.enabled(if: binaryExists, "needs swift build")) func listsEveryScenario() {
        let result = Self.run([])
        #expect(result.status == 0)
        for id in ["slow-build-up", "llm-abrupt-refusal", "child-at-risk", "idiom-heavy-benign"] {
            #expect(result.output.contains("\(id) — "), "\(result.output)")
        }
        #expect(result.output.contains("An LLM that refuses abruptly"))
        #expect(result.output.contains("What the output guard is for"))
    }

    @Test(.enabled(if: binaryExists, "needs swift build")) func unknownScenarioFails() {
        #expect(Self.run(["no-such-scenario", "--plain"]).status != 0)
    }

    @Test(.enabled(if: binaryExists, "needs swift build")) func plainPlaybackShowsEveryTurnAndItsExpectation()
    {
        let result = Self.run(["child-at-risk", "--plain", "--pace", "0"])
        #expect(result.status == 0)
        let output = result.output
        #expect(output.contains("Waymark demo: "))
        #expect(output.contains("── Turn 1 of 2 ──"))
        #expect(output.contains("── Turn 2 of 2 ──"))
        #expect(output.contains("Person types: im 14."))
        #expect(output.contains("Waymark (support): "))
        #expect(output.contains("Safeguard: boundary · abuse, child_safeguarding"))
        #expect(output.contains("message full · services include childline — met"), "\(output)")
        #expect(output.contains("In danger now: 999"))
    }

    @Test(.enabled(if: binaryExists, "needs swift build")) func plainPlaybackShowsTheOriginalToClinicians() {
        let output = Self.run(["llm-abrupt-refusal", "--plain", "--pace", "0"]).output
        #expect(output.contains("Original reply (changed by the output guard"), "\(output)")
        #expect(output.contains("shown to clinicians only"))
        let shown = Self.block(output, from: "Waymark", until: ["Safeguard:", "Original reply", "Expected:"])
        #expect(!shown.isEmpty)
        #expect(!shown.joined().contains("can't assist"), "\(shown)")
    }

    @Test(.enabled(if: binaryExists, "needs swift build")) func compareShowsTheRefusalOnlyOnTheAloneSide() {
        let output = Self.run(["llm-abrupt-refusal", "--plain", "--compare", "--pace", "0"]).output
        let alone = Self.block(output, from: "Responder alone:", until: ["Waymark shows:"])
        let waymark = Self.block(output, from: "Waymark shows:", until: ["── Turn", "End of the demo"])
        #expect(alone.count == 2 && waymark.count == 2, "\(output)")
        #expect(alone.first?.contains("I'm sorry, but I can't assist with that.") == true)
        #expect(alone.last?.contains("988") == true)
        #expect(waymark.allSatisfy { !$0.contains("can't assist") && !$0.contains("988") }, "\(waymark)")
        #expect(waymark.first?.contains("Samaritans") == true)
        #expect(!output.contains("Original reply"))
    }

    @Test(.enabled(if: binaryExists, "needs swift build")) func exportWritesPrivateJSONWithThePlan() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("case.json")
        let result = Self.run(
            ["llm-abrupt-refusal", "--plain", "--pace", "0", "--export", path.path], in: folder)
        #expect(result.status == 0)
        var info = stat()
        #expect(stat(path.path, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: path)) as? [String: Any]
        let turns = try #require(object?["turns"] as? [[String: Any]])
        let first = try #require(turns.first { ($0["turn"] as? Int) == 1 })
        #expect(first["plan"] as? String == "fullReferral")
        #expect((first["services"] as? [String])?.contains("samaritans") == true)
        #expect((first["assessment"] as? [String: Any]) != nil)
        // Never overwrites: a second export to the same path fails.
        let again = Self.run(
            ["llm-abrupt-refusal", "--plain", "--pace", "0", "--export", path.path], in: folder)
        #expect(again.status != 0)
    }
}
