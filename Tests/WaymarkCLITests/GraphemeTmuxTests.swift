import Foundation
import Testing
import WaymarkTestTraits

/// Emoji clusters reach a real terminal whole (issue 15, bug 4): the chat measures how the
/// terminal draws them and writes each cluster as one, so nothing is cut to its first scalar
/// and the text after it stays in place.
@Suite(.ownThread, .serialized) struct GraphemeTmuxTests {
    @Test(
        .enabled(if: TmuxHarness.isAvailable, "needs tmux and .build/debug/waymark"),
        .timeLimit(.minutes(5)))
    func clustersAreDrawnWholeInTheTranscriptAndTheInputBox() throws {
        let tmux = TmuxHarness()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "waymark-graphemes-\(getpid())-\(UInt32.random(in: 0..<UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(
            tmux.start(
                "cd '\(folder.path)' && env WAYMARK_DATA_DIR='\(folder.path)/data' "
                    + "XDG_CONFIG_HOME='\(folder.path)/config' '\(TmuxHarness.binary)' --no-intro; sleep 30"))
        tmux.expectScreen("Type a message", timeout: 20)
        let clusters = "👩\u{200D}👩\u{200D}👧 👍🏽 🇬🇧 ☀️"
        tmux.type("typed \(clusters) end")
        tmux.expectScreen("› typed \(clusters) end")
        tmux.press("Enter")
        let result = tmux.expectScreen(timeout: 20) { $0.contains("   typed \(clusters) end\n") }
        #expect(!result.screen.contains("👩 👍 "), "\(result.screen)")
    }
}
