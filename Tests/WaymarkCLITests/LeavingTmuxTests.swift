import Foundation
import Testing
import WaymarkTestTraits

/// Leaving the chat in a real terminal (issue 15, "Leaving"): a draft is not lost to one
/// Ctrl-C, and the help numbers stay on the terminal after the screen has gone.
@Suite(.ownThread, .serialized) struct LeavingTmuxTests {
    @Test(
        .enabled(if: TmuxHarness.isAvailable, "needs tmux and .build/debug/waymark"),
        .timeLimit(.minutes(5)))
    func aDraftAsksFirstAndTheHelpLineIsPrintedOnExit() throws {
        let tmux = TmuxHarness()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "waymark-leaving-\(getpid())-\(UInt32.random(in: 0..<UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(
            tmux.start(
                "cd '\(folder.path)' && env WAYMARK_DATA_DIR='\(folder.path)/data' "
                    + "XDG_CONFIG_HOME='\(folder.path)/config' '\(TmuxHarness.binary)' --no-intro; "
                    + "echo EXIT=$?; sleep 30"))
        tmux.expectScreen("Type a message", timeout: 20)
        tmux.type("I was going to say")
        tmux.press("C-c")
        tmux.expectScreen("Press Ctrl-C again to leave")
        #expect(!tmux.capture().contains("EXIT="))
        tmux.press("C-c")
        let result = tmux.expectScreen("EXIT=0", timeout: 15)
        #expect(
            result.screen.contains("Help any time: 999 · Samaritans 116 123 · Text SHOUT to 85258\nEXIT=0"),
            "\(result.screen)")
    }
}
