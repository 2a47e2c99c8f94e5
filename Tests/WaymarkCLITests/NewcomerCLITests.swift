import Foundation
import Testing
import WaymarkTesting
import WaymarkTestTraits

/// What a newcomer meets first on the command line (issue 15): `--version`, and
/// `waymark assess` typed at a terminal.
@Suite(.ownThread, .serialized) struct NewcomerCLITests {
    /// Run the binary with no standard input; its standard output and status.
    func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = RepositoryPaths.debugBinary
        process.arguments = arguments
        let stdout = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: RepositoryPaths.debugBinary.path)))
    func versionIsPrinted() throws {
        let result = try run(["--version"])
        #expect(result.status == 0)
        #expect(
            result.output.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil,
            "\(result.output)")
    }

    @Test(
        .enabled(if: TmuxHarness.isAvailable, "needs tmux and .build/debug/waymark"),
        .timeLimit(.minutes(5)))
    func assessAtATerminalSaysWhatItExpectsAndAnswersEachLine() {
        let tmux = TmuxHarness()
        #expect(tmux.start("'\(TmuxHarness.binary)' assess; echo EXIT=$?; sleep 30", cols: 100, rows: 30))
        tmux.expectScreen("Type a message and press Enter", timeout: 20)
        tmux.send("this essay is killing me lol")
        // Answered before the input ends (no Ctrl-D yet).
        tmux.expectScreen(timeout: 20) { $0.contains("level:      none") }
        tmux.press("C-d")
        tmux.expectScreen("EXIT=0", timeout: 15)
    }
}
