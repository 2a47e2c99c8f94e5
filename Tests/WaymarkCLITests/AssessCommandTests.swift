import ChatCore
import Foundation
import Safeguard
import Testing
import WaymarkTesting
import WaymarkTestTraits

/// `waymark assess` as CONTRACTS.md defines it, on the real binary.
@Suite(
    .ownThread, .enabled(if: FileManager.default.isExecutableFile(atPath: RepositoryPaths.debugBinary.path)))
struct AssessCommandTests {
    /// Run the binary with `arguments`, feeding `input` on stdin.
    func run(_ arguments: [String], input: Data) throws -> (status: Int32, lines: [String]) {
        let process = Process()
        process.executableURL = RepositoryPaths.debugBinary
        process.arguments = ["assess"] + arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
        return (process.terminationStatus, lines)
    }

    func object(_ line: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func plainLinesGiveOneObjectEachAndABadLineAnErrorWithoutStopping() throws {
        var input = Data("i keep thinking everyone would be better off without me\n".utf8)
        input.append(contentsOf: [0x68, 0x69, 0xFF, 0xFE, 0x0A])  // "hi" + invalid UTF-8
        input.append(Data("this essay is killing me lol\n".utf8))
        let result = try run(["--format", "json"], input: input)
        #expect(result.lines.count == 3)
        #expect(result.status != 0)
        let first = try object(result.lines[0])
        #expect(first["level"] as? String == "crisis")
        #expect(first["subject"] as? String == "self")
        let signal = try #require((first["signals"] as? [[String: Any]])?.first)
        #expect(signal["rule"] is String && signal["start"] is Int && signal["end"] is Int)
        #expect(try object(result.lines[1])["error"] is String)
        #expect(try object(result.lines[2])["level"] as? String == "none")
    }

    @Test func jsonLinesCopyTheIDAndReportBadJSON() throws {
        let input = Data(
            """
            {"id": "a1", "text": "how many paracetamol would it take to not wake up"}
            {"id": "a2", "text": oops}
            {"id": 7, "text": "my nan passed last month and i miss her"}

            """.utf8)
        let result = try run(["--jsonl"], input: input)
        #expect(result.lines.count == 3)
        #expect(result.status != 0)
        let first = try object(result.lines[0])
        #expect(first["id"] as? String == "a1")
        #expect(["crisis", "emergency"].contains(first["level"] as? String))
        #expect(try object(result.lines[1])["error"] is String)
        #expect(try object(result.lines[2])["id"] as? Int == 7)
    }

    @Test func conversationsAreReadTurnByTurnInContext() throws {
        let input = Data(
            """
            {"id": "c", "turns": [{"text": "i've been thinking about ending it"}, {"text": "i've saved up my tablets"}, {"text": "tonight"}]}

            """.utf8)
        let result = try run(["--conversations", "-"], input: input)
        #expect(result.status == 0)
        let conversation = try object(try #require(result.lines.first))
        #expect(conversation["id"] as? String == "c")
        let turns = try #require(conversation["turns"] as? [[String: Any]])
        #expect(turns.count == 3)
        #expect(turns[0]["level"] as? String == "crisis")
        // A one-word reply, dangerous only in context: ideation + means + a time.
        #expect(turns[2]["level"] as? String == "emergency")
    }

    /// `assess --conversations` plays a conversation the way the chat does (issue 16, item 6):
    /// every turn's level, categories, subject and signals are what ``ChatSession`` decided for
    /// that turn, the policy's safety question included (a time straight after "yeah" to it is
    /// an emergency only because the question was asked).
    @Test func conversationsArePlayedAsTheChatPlaysThem() async throws {
        let conversations = [
            ["honestly i'm so tired of being alive", "yeah", "tomorrow night"],
            [
                "work has been rubbish", "i can't see the point any more", "i've got the tablets here",
                "i'm 15 and i live in cardiff", "i put them back in the drawer",
            ],
        ]
        let safeguards = try ChatSession.Safeguards.load(from: RepositoryPaths.locator)
        for turns in conversations {
            let line = try JSONSerialization.data(withJSONObject: [
                "id": "c", "turns": turns.map { ["text": $0] },
            ])
            let result = try run(["--conversations"], input: line + Data("\n".utf8))
            #expect(result.status == 0)
            let firstLine = try #require(result.lines.first)
            let assessed = try #require(try object(firstLine)["turns"] as? [[String: Any]])
            try #require(assessed.count == turns.count)

            let chat = ChatSession(
                safeguards: safeguards, responder: StubResponder(.reply("I'm listening.")),
                settings: PersonSettings(), offers: [.grounding])
            for turn in turns {
                for await _ in chat.send(turn) {}
            }
            let decided = await chat.transcript.filter { $0.role == .user }.map(\.assessment)
            try #require(decided.count == turns.count)
            for (index, (cli, chatAssessment)) in zip(assessed, decided).enumerated() {
                let chatSaw = try #require(chatAssessment)
                let turn = "\(turns[index])"
                #expect(cli["level"] as? String == chatSaw.level.rawValue, "\(turn)")
                #expect(cli["categories"] as? [String] == chatSaw.categories.map(\.rawValue), "\(turn)")
                #expect(cli["subject"] as? String == chatSaw.subject.rawValue, "\(turn)")
                let rules = (cli["signals"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
                #expect(rules == chatSaw.signals.map(\.rule), "\(turn)")
            }
        }
        // The safety question was played: without it "tomorrow night" is not an answer.
        let first = try JSONSerialization.data(
            withJSONObject: ["turns": conversations[0].map { ["text": $0] }])
        let played = try #require(try run(["--conversations"], input: first + Data("\n".utf8)).lines.first)
        let levels = try #require(try object(played)["turns"] as? [[String: Any]]).map {
            $0["level"] as? String
        }
        #expect(levels == ["crisis", "crisis", "emergency"])
    }
}
