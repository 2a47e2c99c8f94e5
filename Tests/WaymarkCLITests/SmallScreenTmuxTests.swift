import Foundation
import Testing
import WaymarkTestTraits

/// The real binary on small screens and after a resize (issue 15, "Small screen").
@Suite(.ownThread, .serialized) struct SmallScreenTmuxTests {
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "waymark-small-\(getpid())-\(UInt32.random(in: 0..<UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func chat(_ folder: URL) -> String {
        "cd '\(folder.path)' && env WAYMARK_DATA_DIR='\(folder.path)/data' "
            + "XDG_CONFIG_HOME='\(folder.path)/config' '\(TmuxHarness.binary)' --no-intro; sleep 30"
    }

    @Test(
        .enabled(if: TmuxHarness.isAvailable, "needs tmux and .build/debug/waymark"),
        .timeLimit(.minutes(5)))
    func aCrisisCardAt40x12StartsWithItsFirstStep() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tmux = TmuxHarness()
        #expect(tmux.start(Self.chat(folder), cols: 40, rows: 12))
        tmux.expectScreen("Type a message", timeout: 20)
        tmux.send("i don't want to be alive anymore")
        let result = tmux.expectScreen(timeout: 20) {
            $0.contains("┌─ Support · Waymark") && !$0.contains("checking…")
        }
        #expect(result.screen.contains("↓"), "\(result.screen)")
    }

    @Test(
        .enabled(if: TmuxHarness.isAvailable, "needs tmux and .build/debug/waymark"),
        .timeLimit(.minutes(5)))
    func exportWithNoPathSaysTheFullPath() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tmux = TmuxHarness()
        #expect(tmux.start(Self.chat(folder), cols: 120, rows: 30))
        tmux.expectScreen("Type a message", timeout: 20)
        tmux.send("/export")
        let result = tmux.expectScreen("Conversation saved to \(folder.path)/waymark-conversation-")
        #expect(result.ok, "\(result.screen)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files.contains { $0.hasPrefix("waymark-conversation-") })
    }

    @Test(
        .enabled(if: TmuxHarness.isAvailable, "needs tmux and .build/debug/waymark"),
        .timeLimit(.minutes(5)))
    func aResizeIsRedrawnAtOnce() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tmux = TmuxHarness()
        #expect(tmux.start(Self.chat(folder), cols: 100, rows: 30))
        tmux.expectScreen("Type a message", timeout: 20)
        tmux.send("hello there, a longer message so that the lines reflow when the window narrows")
        tmux.expectScreen(timeout: 30) {
            $0.contains(" Waymark\n") && !$0.contains("Waymark is replying") && !$0.contains("checking…")
        }
        for (cols, rows) in [(40, 12), (100, 30), (60, 20)] {
            tmux.resize(cols: cols, rows: rows)
            // Well inside the loop's idle second: the new frame, whole.
            let result = tmux.waitFor(timeout: 0.5) { screen in
                let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
                return lines.contains { $0.hasPrefix("In danger now: 999") }
                    && lines.contains { $0.hasPrefix("› ") }
                    && lines.filter { $0.hasPrefix("─") }.count == 1
            }
            #expect(result.ok, "\(cols)×\(rows):\n\(result.screen)")
        }
    }
}
