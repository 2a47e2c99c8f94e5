import Foundation
import Testing
import WaymarkTestTraits

/// The real binary in tmux with a private data folder: build a plan with `/plan`, hit a crisis
/// message, accept the offer and see the plan; `/breathe` and `/ground`; history off writes
/// nothing, history on is searchable and `/forget` says what it deleted.
@Suite(.ownThread, .serialized) struct PlanAndGroundingEndToEndTests {
    /// A fresh data folder and the command that runs the chat with it.
    static func chat(_ folder: URL, _ arguments: String = "--no-intro") -> String {
        let data = folder.appendingPathComponent("data").path
        return
            "cd '\(folder.path)' && env WAYMARK_DATA_DIR='\(data)' XDG_CONFIG_HOME='\(folder.path)/config' "
            + "WAYMARK_REDUCED_MOTION= '\(TmuxHarness.binary)' \(arguments); echo EXITED; sleep 30"
    }

    static func temporaryFolder(_ name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "waymark-\(name)-\(getpid())-\(UInt32.random(in: 0..<UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func files(in folder: URL) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("data").path))
            ?? []
    }

    @Test(
        .enabled(
            if: TmuxHarness.isAvailable,
            "needs tmux and .build/debug/waymark (apt-get install tmux; swift build)"),
        .timeLimit(.minutes(5)))
    func planOfferBreatheAndGround() throws {
        let tmux = TmuxHarness()
        let folder = try Self.temporaryFolder("plan")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(tmux.start(Self.chat(folder), cols: 90, rows: 40))
        #expect(tmux.waitFor("Type a message").ok)
        #expect(Self.files(in: folder).isEmpty)

        // Build a plan: a warning sign, and a reason for living.
        tmux.send("/plan")
        var result = tmux.expectScreen("Safety plan · saved as you go")
        tmux.press("Enter")
        tmux.send("I stop answering messages")
        result = tmux.expectScreen("• I stop answering messages")
        tmux.press("Tab", "Tab", "Tab", "Tab", "Tab", "Tab")
        tmux.type("a")
        tmux.send("My cat, Biscuit")
        result = tmux.expectScreen("• My cat, Biscuit")
        tmux.press("Escape")
        result = tmux.expectScreen("Your plan is saved on this computer")
        #expect(Self.files(in: folder).contains("waymark.sqlite"))

        // A crisis message: the support message offers the plan; "yes" shows it (and is sent).
        tmux.send("I want to end my life, I really do")
        result = tmux.expectScreen { $0.contains("116 123") && $0.contains("safety plan") }
        tmux.send("yes")
        result = tmux.expectScreen { $0.contains("Your safety plan") && $0.contains("• My cat, Biscuit") }
        #expect(result.screen.contains("• I stop answering messages"))
        tmux.press("Escape")
        // The "yes" was still sent: it may answer the support message's safety question.
        result = tmux.expectScreen { $0.contains(" You\n   yes\n") }

        // Breathing: the words follow the clock; Esc ends it with the closing line.
        tmux.send("/breathe")
        result = tmux.expectScreen { $0.contains("Box breathing") && $0.contains("Breathe in…") }
        result = tmux.waitFor(timeout: 8) { $0.contains("Hold…") }
        #expect(result.ok, "\(result.screen)")
        tmux.press("Escape")
        result = tmux.expectScreen("Notice how you feel now")
        #expect(!result.screen.contains("Box breathing"))

        // Grounding: waits for each answer.
        tmux.send("/ground")
        result = tmux.expectScreen("five things you can see")
        #expect(result.screen.contains("Grounding · 5 · see"))
        tmux.send("a lamp, a mug, the door, a plant, my shoes")
        result = tmux.expectScreen("four things you can feel")
        tmux.send("stop")
        result = tmux.expectScreen("we can stop there")
        #expect(!result.screen.contains("Grounding · 4"))
        // The answers stayed on the screen: nothing was sent, so no reply followed them.
        #expect(result.screen.contains("a lamp, a mug, the door, a plant, my shoes"))

        tmux.send("/quit")
        #expect(tmux.waitFor("EXITED").ok)
    }

    @Test(
        .enabled(
            if: TmuxHarness.isAvailable,
            "needs tmux and .build/debug/waymark (apt-get install tmux; swift build)"),
        .timeLimit(.minutes(5)))
    func historyOffWritesNoFile() throws {
        let tmux = TmuxHarness()
        let folder = try Self.temporaryFolder("nohistory")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(tmux.start(Self.chat(folder), cols: 90, rows: 30))
        #expect(tmux.waitFor("Type a message").ok)
        tmux.send("I walked the dog by the river today")
        var result = tmux.expectScreen { $0.contains("Waymark\n") || $0.contains(" Waymark\n") }
        tmux.send("/history")
        result = tmux.expectScreen("History is off")
        tmux.press("Escape")
        tmux.send("/quit")
        #expect(tmux.waitFor("EXITED").ok)
        // Not even the folder was created.
        let data = folder.appendingPathComponent("data").path
        #expect(!FileManager.default.fileExists(atPath: data), "\(Self.files(in: folder))")
    }

    @Test(
        .enabled(
            if: TmuxHarness.isAvailable,
            "needs tmux and .build/debug/waymark (apt-get install tmux; swift build)"),
        .timeLimit(.minutes(5)))
    func historyOnIsSearchableAndForgetSaysWhatWasDeleted() throws {
        let tmux = TmuxHarness()
        let folder = try Self.temporaryFolder("history")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(tmux.start(Self.chat(folder), cols: 90, rows: 30))
        #expect(tmux.waitFor("Type a message").ok)
        tmux.send("/history on")
        var result = tmux.expectScreen("History is on")
        tmux.send("I walked the dog by the river today")
        result = tmux.expectScreen { $0.contains(" Waymark\n") }
        // The turn is saved when it finishes; search for it.
        result = tmux.waitFor(timeout: 5) { _ in
            tmux.send("/history river")
            let found = tmux.waitFor(timeout: 1) { $0.contains("You: I walked the dog by the river today") }
            if !found.ok { tmux.press("Escape") }
            return found.ok
        }
        #expect(result.ok, "\(tmux.capture())")
        tmux.press("Escape")
        tmux.send("/forget")
        result = tmux.expectScreen("/forget yes")
        tmux.send("/forget yes")
        result = tmux.expectScreen("Deleted 1 conversation (2 messages)")
        tmux.send("/quit")
        #expect(tmux.waitFor("EXITED").ok)
    }

    @Test(
        .enabled(
            if: TmuxHarness.isAvailable,
            "needs tmux and .build/debug/waymark (apt-get install tmux; swift build)"),
        .timeLimit(.minutes(5)))
    func lineModeInterviewOfferBreatheAndGround() throws {
        let tmux = TmuxHarness()
        let folder = try Self.temporaryFolder("plain")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(tmux.start(Self.chat(folder, "--plain --no-intro"), cols: 100, rows: 50))
        #expect(tmux.waitFor("You:").ok)

        // The step-by-step interview, saved as it goes.
        tmux.send("/plan")
        var result = tmux.expectScreen("Plan:")
        tmux.send("I pace around at night")
        tmux.type("stop")
        tmux.press("Enter")
        result = tmux.expectScreen("saved on this computer only")
        #expect(Self.files(in: folder).contains("waymark.sqlite"))

        // A crisis message offers the plan; "show me my plan" prints it.
        tmux.send("I want to end my life, I really do")
        result = tmux.expectScreen { $0.contains("safety plan") && $0.contains("116 123") }
        tmux.send("show me my plan")
        result = tmux.expectScreen("I pace around at night")

        // Breathing with real pauses; Enter stops it.
        tmux.send("/breathe 4-7-8")
        result = tmux.expectScreen("Breathe in quietly through your nose for 4 seconds (round 1 of 4).")
        #expect(!result.screen.contains("Hold your breath gently"))
        tmux.press("Enter")
        result = tmux.expectScreen("Notice how you feel now")

        // Grounding: one answer per line.
        tmux.send("/ground")
        result = tmux.expectScreen("five things you can see")
        tmux.send("the kettle, a chair")
        result = tmux.expectScreen("four things you can feel")
        tmux.send("stop")
        result = tmux.expectScreen("we can stop there")
        tmux.send("/quit")
        #expect(tmux.waitFor("EXITED").ok)
    }
}
