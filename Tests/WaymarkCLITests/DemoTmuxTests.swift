import Foundation
import Glibc
import Testing
import WaymarkTestTraits

/// `waymark demo NAME` in a real terminal: the inspector beside the conversation, a typed
/// turn, a step with `n`, and leaving with `q` to a restored terminal.
@Suite(.ownThread, .serialized) struct DemoTmuxTests {
    @Test(
        .enabled(
            if: TmuxHarness.isAvailable,
            "needs tmux and .build/debug/waymark (apt-get install tmux; swift build)"),
        .timeLimit(.minutes(5)))
    func demoPlaysStepsAndQuits() throws {
        let tmux = TmuxHarness()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "waymark-demo-tmux-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let resources = TmuxHarness.repositoryRoot.appendingPathComponent("resources").path
        // A long pause between turns: the second turn only comes when `n` is pressed.
        let command =
            "cd '\(folder.path)' && env XDG_CONFIG_HOME='\(folder.path)' WAYMARK_RESOURCES='\(resources)' "
            + "'\(TmuxHarness.binary)' demo llm-abrupt-refusal --pace 5 --pause 60; echo DEMO-ENDED; sleep 30"
        #expect(tmux.start(command, cols: 130, rows: 40))

        // The inspector is open beside the conversation, with the presenter's keys.
        // Wait for the whole first frame (tmux can be captured while it is still being drawn).
        var result = tmux.waitFor {
            $0.contains("Inspector · F3") && $0.contains("Space pause") && $0.contains("In danger now: 999")
        }
        #expect(result.ok, "\(result.screen)")
        #expect(result.screen.contains("Space pause · n next · s skip · q leave"))
        #expect(result.screen.contains("In danger now: 999"))

        // Turn 1 is typed, sent and answered; the inspector shows its plan and the original.
        result = tmux.expectScreen(timeout: 20) {
            $0.contains("Turn 1 · crisis") && $0.contains("clinicians")
        }
        #expect(result.screen.contains("i don't want to be alive anymore"))
        #expect(result.screen.contains("plan: level crisis"))
        #expect(result.screen.contains("turn 1 of 2"))
        #expect(!result.screen.contains("see even the bot"))

        // `n` plays the next turn now.
        tmux.type("n")
        result = tmux.expectScreen(timeout: 20) { $0.contains("Turn 2 · ") }
        #expect(result.screen.contains("see even the bot doesn't want to talk to me"))
        result = tmux.expectScreen(timeout: 20) { $0.contains("finished") }

        // `q` leaves; the terminal is given back.
        tmux.type("q")
        result = tmux.expectScreen("DEMO-ENDED")
        #expect(!result.screen.contains("Inspector · F3"))
    }
}
