import Foundation
import Glibc
import Testing
import WaymarkTestTraits

/// `waymark replay --export`: case-review files through the transcript exporter.
@Suite(.ownThread) struct ReplayExportTests {
    static func run(_ arguments: [String], in folder: URL) -> Int32 {
        let resources = TmuxHarness.repositoryRoot.appendingPathComponent("resources").path
        return TmuxHarness.spawn(
            [
                "/usr/bin/env", "-C", folder.path, "-i", "HOME=\(folder.path)",
                "XDG_CONFIG_HOME=\(folder.path)/config", "WAYMARK_RESOURCES=\(resources)",
                TmuxHarness.binary, "replay",
            ] + arguments
        ).status
    }

    @Test(.enabled(if: DemoCommandTests.binaryExists, "needs swift build"))
    func severalConversationsGetOnePrivateFileEach() throws {
        let folder = try DemoCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("chats.jsonl")
        try Data(
            """
            {"id": "calm", "turns": [{"text": "had a lovely walk by the canal"}]}
            {"id": "low", "turns": [{"text": "i don't want to be alive anymore"}, {"text": "yes"}]}

            """.utf8
        ).write(to: input)
        #expect(Self.run(["--format", "jsonl", "--export", "review.md", input.path], in: folder) == 0)
        for name in ["review-calm.md", "review-low.md"] {
            let path = folder.appendingPathComponent(name).path
            var info = stat()
            #expect(stat(path, &info) == 0, "\(name) missing")
            #expect(info.st_mode & 0o777 == 0o600)
        }
        let low = try String(contentsOf: folder.appendingPathComponent("review-low.md"), encoding: .utf8)
        #expect(low.contains("## Turn 1"))
        #expect(low.contains("**Assessment:** crisis"))
        #expect(low.contains("- **Plan:** fullReferral"))
        #expect(low.contains("## Turn 2"))
    }

    @Test(.enabled(if: DemoCommandTests.binaryExists, "needs swift build"))
    func oneConversationAsJSONDecodes() throws {
        let folder = try DemoCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("one.txt")
        try Data("i don't want to be alive anymore\n".utf8).write(to: input)
        #expect(Self.run(["--export", "case.json", input.path], in: folder) == 0)
        let data = try Data(contentsOf: folder.appendingPathComponent("case.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["format"] as? String == "waymark-transcript/1")
        let turns = try #require(object["turns"] as? [[String: Any]])
        #expect(turns.first?["plan"] as? String == "fullReferral")
        #expect(!String(decoding: data, as: UTF8.self).lowercased().contains("api_key"))
    }
}
