import Foundation
import Testing
import WaymarkTestTraits

/// The real binary in a real terminal (tmux): intro, emoji, crisis card, resize, scroll,
/// panels, quit and a restored terminal.
@Suite(.ownThread, .serialized) struct TmuxEndToEndTests {
    @Test(
        .enabled(
            if: TmuxHarness.isAvailable,
            "needs tmux and .build/debug/waymark (apt-get install tmux; swift build)"),
        .timeLimit(.minutes(5)))
    func fullSessionInTmux() throws {
        let tmux = TmuxHarness()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-tmux-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sttyFile = folder.appendingPathComponent("stty.txt").path
        let command =
            "cd '\(folder.path)' && '\(TmuxHarness.binary)'; stty -a > '\(sttyFile)'; echo RESTORED; sleep 30"
        #expect(tmux.start(command))

        // Intro, dismissed with Enter.
        #expect(tmux.waitFor("Welcome to Waymark").ok)
        #expect(tmux.capture().contains("In danger now: 999 · Samaritans 116 123"))
        tmux.press("Enter")
        #expect(tmux.waitFor("Type a message").ok)

        // A message with emoji, and the streamed reply (the built-in listener).
        tmux.send("hello 😀 there")
        var result = tmux.expectScreen { $0.contains("   hello 😀 there\n") && $0.contains(" Waymark\n") }

        // A crisis message: the card with UK services, and the conversation stays open.
        tmux.send("i don't want to be alive anymore")
        // The card can be taller than the screen: its services are what must show.
        result = tmux.expectScreen(timeout: 20) { $0.contains("116 123") && $0.contains("ending your life") }
        // The safeguard's card first, then the reply: wait for it to finish.
        #expect(tmux.waitFor(timeout: 20) { !$0.contains("Waymark is replying") }.ok)
        tmux.send("still there?")
        // A brief acknowledgement (not the card again) may fill the screen: wait for the turn.
        result = tmux.waitFor(timeout: 20) { screen in
            !screen.contains("Waymark is replying") && screen.contains("› Type a message")
                && !screen.contains("› still there?") && !screen.contains("will be sent when")
        }
        #expect(result.ok, "\(result.screen)")

        // Alt-Enter adds a line; Enter sends both lines.
        tmux.type("first line")
        tmux.press("M-Enter")
        tmux.send("second line")
        result = tmux.expectScreen(timeout: 20) { $0.contains("   first line\n   second line\n") }
        // The message shows at once (marked "checking…"): wait for its reply to finish, or the
        // paste below would be queued behind it rather than confirmed.
        #expect(
            tmux.waitFor(timeout: 20) { !$0.contains("Waymark is replying") && !$0.contains("checking…") }.ok)

        // A very long bracketed paste is not sent until confirmed.
        _ = tmux.tmux(["set-buffer", String(repeating: "pasted words ", count: 400)])
        _ = tmux.tmux(["paste-buffer", "-p", "-t", tmux.session])
        tmux.press("Enter")
        result = tmux.expectScreen("Send a long message?")
        tmux.press("Escape")
        result = tmux.expectScreen("Not sent")
        tmux.press("C-u")
        result = tmux.expectScreen("Type a message")

        // Resize: the help strip stays on the last row, reflowed.
        tmux.resize(cols: 40, rows: 12)
        result = tmux.waitFor { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.contains { $0 == "In danger now: 999 · Samaritans 116 123" }
                && !lines.contains { $0.count > 40 }
        }
        #expect(result.ok, "\(result.screen)")

        // Scroll up and back down.
        tmux.press("PPage")
        result = tmux.expectScreen("below")
        tmux.press("NPage")
        tmux.press("NPage")
        tmux.press("NPage")
        result = tmux.expectScreen { !$0.contains("below") }
        tmux.resize(cols: 80, rows: 24)
        #expect(tmux.waitFor("F1 help  F2 services  F3 inspector").ok)

        // Each panel opens and closes.
        for (key, title) in [("F1", "Help · F1"), ("F2", "UK services · F2"), ("F3", "Inspector · F3")] {
            tmux.press(key)
            result = tmux.waitFor(title)
            #expect(result.ok, "\(key): \(result.screen)")
            tmux.press("Escape")
            result = tmux.waitFor { !$0.contains(title) }
            #expect(result.ok, "\(key) close: \(result.screen)")
        }

        // Export: Markdown, readable only by the owner.
        tmux.send("/export chat.md")
        result = tmux.expectScreen("readable only by you")
        let exported = folder.appendingPathComponent("chat.md").path
        let attributes = try FileManager.default.attributesOfItem(atPath: exported)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let markdown = try String(contentsOfFile: exported, encoding: .utf8)
        #expect(markdown.contains("**Person:**\n\n> hello 😀 there"))
        #expect(markdown.contains("**Waymark safeguard:**"))
        #expect(markdown.contains("- **Plan:** fullReferral"))

        // Quit: the shell gets a sane terminal back and no screen is left behind.
        tmux.send("/quit")
        result = tmux.expectScreen("RESTORED")
        #expect(!result.screen.contains("In danger now"))
        #expect(!result.screen.contains("Waymark · peer support"))
        let stty = (try? String(contentsOfFile: sttyFile, encoding: .utf8)) ?? ""
        let flags = Set(stty.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
        for flag in ["icanon", "echo", "isig", "icrnl"] {
            #expect(flags.contains(flag), "stty after quit lacks \(flag): \(stty)")
        }
    }

    /// How many Waymark replies the screen shows (after the last occurrence of `marker`, if given).
    static func replies(in screen: String, after marker: String? = nil) -> Int {
        var text = Substring(screen)
        if let marker, let range = screen.range(of: marker, options: .backwards) {
            text = screen[range.upperBound...]
        }
        return text.components(separatedBy: "\n Waymark\n   ").count - 1
    }

    @Test(
        .enabled(if: TmuxHarness.isAvailable, "needs tmux and .build/debug/waymark"),
        .timeLimit(.minutes(5)))
    func ctrlCQuitsCleanlyWhenIdle() {
        let tmux = TmuxHarness()
        #expect(
            tmux.start(
                "'\(TmuxHarness.binary)' --no-intro; echo EXIT=$?; "
                    + "stty -a | grep -q -- '-icanon' && echo BROKEN || echo SANE; sleep 30"))
        #expect(tmux.waitFor("Type a message").ok)
        tmux.press("C-c")
        let result = tmux.expectScreen("SANE", timeout: 15)
        #expect(result.screen.contains("EXIT=0"))
    }

    @Test(
        .enabled(if: TmuxHarness.isAvailable, "needs tmux and .build/debug/waymark"),
        .timeLimit(.minutes(5)),
        arguments: [("TERM", 143), ("HUP", 129), ("SEGV", 139)])
    func signalsRestoreTheTerminal(signal: String, status: Int) throws {
        let tmux = TmuxHarness()
        let pidFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("waymark-signal-\(UUID().uuidString).pid")
        defer { try? FileManager.default.removeItem(at: pidFile) }
        #expect(
            tmux.start(
                "'\(TmuxHarness.binary)' --no-intro < /dev/tty & pid=$!; echo $pid > '\(pidFile.path)'; wait $pid; "
                    + "echo EXIT=$?; stty -a | grep -q -- '-icanon' && echo BROKEN || echo SANE; sleep 30"))
        // Signal the chat once its screen is up (not while it is still loading).
        #expect(tmux.waitFor("Type a message", timeout: 20).ok)
        let pid = try #require(
            Int32(
                String(decoding: try Data(contentsOf: pidFile), as: UTF8.self).trimmingCharacters(
                    in: .whitespacesAndNewlines)))
        kill(pid, signal == "TERM" ? SIGTERM : signal == "HUP" ? SIGHUP : SIGSEGV)
        let result = tmux.expectScreen("SANE", timeout: 15)
        #expect(result.screen.contains("EXIT=\(status)"), "\(result.screen)")
        #expect(!result.screen.contains("In danger now"))
    }
}
