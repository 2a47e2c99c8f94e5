import Foundation
import Testing
import WaymarkTestTraits

/// Issue 12 in the real binary and a real terminal: after an emergency the conversation goes
/// on. Three calmer turns each get a reply from the responder, and the help strip and the F2
/// services panel are still there.
@Suite(.ownThread, .serialized) struct TmuxEmergencyMomentTests {
    /// Whether the screen shows a finished reply from the responder after the person's `line`.
    static func answered(_ screen: String, after line: String) -> Bool {
        guard let range = screen.range(of: "  " + line + "\n", options: .backwards) else { return false }
        let after = screen[range.upperBound...]
        return after.contains("\n Waymark\n   ") && !screen.contains("Waymark is replying")
            && !after.contains("…\n")
    }

    @Test(
        .enabled(
            if: TmuxHarness.isAvailable,
            "needs tmux and .build/debug/waymark (apt-get install tmux; swift build)"),
        .timeLimit(.minutes(5)))
    func anEmergencyThenThreeCalmerTurnsEachAnswered() throws {
        let tmux = TmuxHarness()
        #expect(tmux.start("'\(TmuxHarness.binary)' --no-intro; sleep 30", cols: 100, rows: 70))
        #expect(tmux.waitFor("Type a message", timeout: 20).ok)

        let emergency = "pills are lined up and i'm going to take them tonight"
        tmux.send(emergency)
        var result = tmux.waitFor(timeout: 20) { screen in
            screen.contains("999") && screen.contains("Support · Waymark")
                && !screen.contains("Waymark is replying")
        }
        #expect(result.ok, "\(result.screen)")
        // The emergency turn itself: 999 first, the responder waits.
        #expect(!Self.answered(result.screen, after: emergency), "\(result.screen)")

        let calmer = [
            "ok i've put them away in the car",
            "my sister is on her way",
            "i feel a bit calmer now",
        ]
        for line in calmer {
            tmux.send(line)
            result = tmux.waitFor(timeout: 20) { Self.answered($0, after: line) }
            #expect(result.ok, "no reply after “\(line)”: \(result.screen)")
            // The 999 lead is not repeated word for word after the emergency turn.
            if let range = result.screen.range(of: "  " + line + "\n", options: .backwards) {
                #expect(!result.screen[range.upperBound...].contains("Please call 999 now"))
            }
        }

        // The help strip is still there, and F2 still lists the services.
        #expect(result.screen.contains("In danger now: 999 · Samaritans 116 123"), "\(result.screen)")
        tmux.press("F2")
        result = tmux.waitFor("UK services · F2")
        #expect(result.ok, "\(result.screen)")
        #expect(result.screen.contains("116 123"))
        tmux.press("Escape")
        #expect(tmux.waitFor { !$0.contains("UK services · F2") }.ok)
        tmux.send("/quit")
    }
}
