import Foundation
import Testing
import WaymarkTesting
import WaymarkTestTraits

/// Line mode with its input piped (a screen reader's script, a test harness): what it prints
/// must read as a conversation (issue 15, bugs 2 and 8).
@Suite(.ownThread, .serialized) struct LineModePipedTests {
    static let binaryExists = FileManager.default.isExecutableFile(atPath: RepositoryPaths.debugBinary.path)

    /// Run the binary in `folder` (its private data and configuration there) with `input` piped.
    static func run(
        _ arguments: [String], input: String, in folder: URL, environment extra: [String: String] = [:]
    ) throws -> (output: String, seconds: Double) {
        let process = Process()
        process.executableURL = RepositoryPaths.debugBinary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["WAYMARK_DATA_DIR"] = folder.appendingPathComponent("data").path
        environment["XDG_CONFIG_HOME"] = folder.appendingPathComponent("config").path
        environment["WAYMARK_REDUCED_MOTION"] = nil
        environment["WAYMARK_PASSPHRASE"] = nil
        environment.merge(extra) { $1 }
        process.environment = environment
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        let start = Date()
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: output, as: UTF8.self), Date().timeIntervalSince(start))
    }

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "waymark-piped-\(getpid())-\(UInt32.random(in: 0..<UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test(.enabled(if: binaryExists, "needs swift build"), .timeLimit(.minutes(1)))
    func groundingAnswersAreEchoed() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.run(
            ["--plain", "--no-intro"], input: "/ground\nthe kettle, a chair\nstop\n/quit\n", in: folder)
        #expect(result.output.contains("You: the kettle, a chair\n"), "\(result.output)")
        // Every "You:" line holds what the person wrote, never Waymark's words.
        let youLines = result.output.split(separator: "\n").filter { $0.hasPrefix("You: ") }
        #expect(youLines.map(String.init) == ["You: the kettle, a chair", "You: stop"], "\(result.output)")
    }

    @Test(.enabled(if: binaryExists, "needs swift build"), .timeLimit(.minutes(1)))
    func anEmptyLineStopsBreathingAndTheNextMessageIsStillRead() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.run(
            ["--plain", "--no-intro"], input: "/breathe\n\n/services\n/quit\n", in: folder)
        #expect(result.output.contains("Notice how you feel now"), "\(result.output)")
        #expect(result.seconds < 30, "the exercise ran to its end: \(result.seconds) s")
        #expect(result.output.contains("Samaritans: "), "\(result.output)")
    }

    @Test(.enabled(if: binaryExists, "needs swift build"), .timeLimit(.minutes(1)))
    func servicesSayWhetherEachIsOpenNow() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try Self.run(["--plain", "--no-intro"], input: "/services\n/quit\n", in: folder).output
        let samaritans = try #require(output.split(separator: "\n").first { $0.hasPrefix("Samaritans: ") })
        #expect(samaritans.hasSuffix("(open now)"), "\(output)")
        #expect(output.contains("(closed now)") || output.contains("(open now)"))
    }

    @Test(.enabled(if: binaryExists, "needs swift build"), .timeLimit(.minutes(1)))
    func historyOnIsSaidAtTheStartOfEveryLaterSession() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try Self.run(["--plain", "--no-intro"], input: "/quit\n", in: folder).output
        #expect(!before.contains("History is on"))
        _ = try Self.run(["history", "--enable"], input: "", in: folder)
        let after = try Self.run(["--plain", "--no-intro"], input: "/quit\n", in: folder).output
        #expect(after.contains("History is on: what you write here is saved on this computer"), "\(after)")
    }

    /// With a required safety file missing from the resources, the chat does not run with a
    /// weaker safeguard: it names the problem and answers with 999 and Samaritans only (issue 16).
    @Test(.enabled(if: binaryExists, "needs swift build"), .timeLimit(.minutes(1)))
    func aMissingGuardFileLeavesOnlyTheEmergencyAnswer() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let resources = folder.appendingPathComponent("resources")
        try FileManager.default.copyItem(at: RepositoryPaths.resources, to: resources)
        try FileManager.default.removeItem(at: resources.appendingPathComponent("guard/methods.json"))
        let output = try Self.run(
            ["--plain", "--no-intro"], input: "hello\n/quit\n", in: folder,
            environment: ["WAYMARK_RESOURCES": resources.path]
        ).output
        #expect(output.contains("guard/methods.json"), "\(output)")
        #expect(output.contains("can't chat right now"), "\(output)")
        #expect(output.contains("999"), "\(output)")
    }

    /// A backend that cannot start: the chat says so and talks with the built-in listener
    /// (the live path, ConversationSetup; issue 16 removed an unused copy of this choice).
    @Test(.enabled(if: binaryExists, "needs swift build"), .timeLimit(.minutes(1)))
    func aBackendThatCannotStartFallsBackToTheListenerWithANote() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try Self.run(
            ["--plain", "--no-intro", "--backend", "command"], input: "hello\n/quit\n", in: folder
        ).output
        #expect(output.contains("You're talking with the built-in listener instead."), "\(output)")
        #expect(output.contains("You: hello"), "\(output)")
    }
}
