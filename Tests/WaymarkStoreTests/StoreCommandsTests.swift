import Foundation
import Testing
import WaymarkTestTraits

/// End-to-end checks of `waymark plan`, `waymark history` and `waymark forget`, running the
/// built `waymark` executable against a temporary data folder.
@Suite(.ownThread) struct StoreCommandsTests {
    let temporary = TemporaryDirectory()

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func executable() -> URL? {
        var directory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("waymark")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return nil
    }

    /// Run `waymark` with `arguments` and `input`; returns (status, stdout).
    func run(_ arguments: [String], input: String = "") throws -> (Int32, String) {
        let process = Process()
        process.executableURL = try #require(Self.executable(), "build the waymark executable first")
        process.arguments = arguments + ["--data-dir", temporary.store.path]
        var environment = ProcessInfo.processInfo.environment
        environment["WAYMARK_RESOURCES"] = Self.repositoryRoot.appendingPathComponent("resources").path
        environment["WAYMARK_DATA_DIR"] = nil
        process.environment = environment
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    @Test func lookingAtAnEmptyStoreCreatesNothing() throws {
        let (planStatus, plan) = try run(["plan"])
        #expect(planStatus == 0)
        #expect(plan.contains("You haven't made a safety plan yet."))
        let (_, history) = try run(["history"])
        #expect(history.contains("History is off"))
        let (_, forget) = try run(["forget"])
        #expect(forget.contains("There was no saved history to delete."))
        #expect(temporary.contents().isEmpty, "created \(temporary.contents())")
    }

    @Test func editingStepByStepSavesThePlanAndExportPrintsIt() throws {
        let (status, _) = try run(["plan", "--edit"], input: "Not sleeping\n\nA hot bath\nstop\n")
        #expect(status == 0)
        let (_, markdown) = try run(["plan", "--export"])
        #expect(markdown.hasPrefix("# My safety plan\n"))
        #expect(markdown.contains("## 1. Warning signs\n\n- Not sleeping\n"))
        #expect(markdown.contains("## 2. Things I can do on my own\n\n- A hot bath\n"))
        let (_, text) = try run(["plan", "--export", "--format", "text"])
        #expect(text.contains("   - A hot bath"))
        let (_, deleted) = try run(["plan", "--delete"])
        #expect(deleted.contains("Your safety plan has been deleted."))
    }

    @Test func historyCanBeTurnedOnAndOff() throws {
        let (_, enabled) = try run(["history", "--enable"])
        #expect(enabled.contains("History is on"))
        let (_, empty) = try run(["history"])
        #expect(empty.contains("nothing has been saved yet"))
        let (_, disabled) = try run(["history", "--disable"])
        #expect(disabled.contains("History is off"))
        let (_, forget) = try run(["forget", "--yes"])
        #expect(forget.contains("There was no saved history to delete."))
    }
}
