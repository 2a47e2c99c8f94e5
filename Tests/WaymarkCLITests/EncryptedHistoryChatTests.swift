import Foundation
import Testing
import WaymarkTesting
import WaymarkTestTraits

/// Encrypted history in the chat (issue 13, item 12): with `WAYMARK_PASSPHRASE` set, line mode
/// saves each turn sealed and `/history` finds it again; a wrong passphrase says so and writes
/// nothing.
@Suite(.ownThread, .serialized) struct EncryptedHistoryChatTests {
    /// Whether any file of the data folder holds `text` as raw bytes.
    static func dataFilesContain(_ text: String, in data: URL) -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: data.path)) ?? []
        return names.contains { name in
            let contents = (try? Data(contentsOf: data.appendingPathComponent(name))) ?? Data()
            return contents.range(of: Data(text.utf8)) != nil
        }
    }

    /// A folder whose history is on and encrypted with `passphrase`.
    static func encryptedFolder(passphrase: String) async throws -> URL {
        let folder = try LineModePipedTests.folder()
        _ = try LineModePipedTests.run(["history", "--enable"], input: "", in: folder)
        _ = try LineModePipedTests.run(
            ["history", "--encrypt"], input: "", in: folder, environment: ["WAYMARK_PASSPHRASE": passphrase])
        return folder
    }

    @Test(.enabled(if: LineModePipedTests.binaryExists, "needs swift build"), .timeLimit(.minutes(2)))
    func aTurnIsSavedSealedAndFoundAgainWithHistorySearch() async throws {
        let folder = try await Self.encryptedFolder(passphrase: "long walk by the canal")
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data")
        let chat = try LineModePipedTests.run(
            ["--plain", "--no-intro"],
            input: "I keep thinking about quietheronwords\n/history quietheronwords\n/quit\n",
            in: folder, environment: ["WAYMARK_PASSPHRASE": "long walk by the canal"])
        #expect(chat.output.contains("History unlocked"), "\(chat.output)")
        // The search found the saved turn: it is listed under the history title, indented.
        let afterTitle = chat.output.components(separatedBy: "History · “quietheronwords”").last ?? ""
        #expect(afterTitle.contains("  You: I keep thinking about quietheronwords"), "\(chat.output)")
        #expect(!Self.dataFilesContain("quietheronwords", in: data))
        let database = data.appendingPathComponent("waymark.sqlite")
        let attributes = try FileManager.default.attributesOfItem(atPath: database.path)
        #expect(((attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0) & 0o777 == 0o600)

        // A later session with the passphrase reads it back with the history command too.
        let shown = try LineModePipedTests.run(
            ["history", "--search", "quietheronwords"], input: "", in: folder,
            environment: ["WAYMARK_PASSPHRASE": "long walk by the canal"])
        #expect(shown.output.contains("You: I keep thinking about quietheronwords"), "\(shown.output)")
    }

    @Test(.enabled(if: LineModePipedTests.binaryExists, "needs swift build"), .timeLimit(.minutes(2)))
    func aWrongPassphraseSaysSoAndWritesNothing() async throws {
        let folder = try await Self.encryptedFolder(passphrase: "long walk by the canal")
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data")
        let chat = try LineModePipedTests.run(
            ["--plain", "--no-intro"],
            input: "my words are lanternfishwords\n/history lanternfishwords\n/quit\n",
            in: folder, environment: ["WAYMARK_PASSPHRASE": "short walk"])
        #expect(chat.output.contains("That passphrase doesn't open your saved history"), "\(chat.output)")
        #expect(chat.output.contains("Waymark:"), "the chat goes on: \(chat.output)")
        #expect(!Self.dataFilesContain("lanternfishwords", in: data))
        let shown = try LineModePipedTests.run(
            ["history", "--search", "lanternfishwords"], input: "", in: folder,
            environment: ["WAYMARK_PASSPHRASE": "long walk by the canal"])
        #expect(shown.output.contains("No saved messages"), "\(shown.output)")
    }
}

/// The full screen: `/unlock` takes the passphrase in a box that never shows it; a wrong one
/// says so, the right one saves what was held (sealed) and `/history` finds it.
@Suite(.ownThread, .serialized) struct EncryptedHistoryScreenTests {
    @Test(
        .enabled(if: TmuxHarness.isAvailable, "needs tmux and .build/debug/waymark"), .timeLimit(.minutes(5)))
    func unlockOnTheScreenSavesWhatWasHeld() async throws {
        let folder = try await EncryptedHistoryChatTests.encryptedFolder(passphrase: "long walk by the canal")
        defer { try? FileManager.default.removeItem(at: folder) }
        let tmux = TmuxHarness()
        #expect(tmux.start(PlanAndGroundingEndToEndTests.chat(folder), cols: 90, rows: 40))
        tmux.expectScreen("history locked · /unlock", timeout: 20)
        tmux.send("I keep drawing quietotterwords")
        tmux.expectScreen("isn't saved yet", timeout: 20)
        tmux.send("/unlock")
        tmux.expectScreen("Unlock your saved history")
        tmux.type("short walk")
        #expect(!tmux.capture().contains("short walk"))
        tmux.press("Enter")
        tmux.expectScreen("That passphrase doesn't open your saved history")
        tmux.send("/unlock")
        tmux.expectScreen("Unlock your saved history")
        tmux.type("long walk by the canal")
        #expect(!tmux.capture().contains("long walk"))
        tmux.press("Enter")
        tmux.expectScreen("earlier messages from this conversation saved too")
        #expect(!tmux.capture().contains("long walk"))
        tmux.send("/history quietotterwords")
        tmux.expectScreen("You: I keep drawing quietotterwords")
        tmux.press("Escape")
        tmux.send("/quit")
        tmux.expectScreen("EXITED")
        #expect(
            !EncryptedHistoryChatTests.dataFilesContain(
                "quietotterwords", in: folder.appendingPathComponent("data")))
    }
}

/// Saved text goes through the one filter for text from outside before it is shown, by
/// `waymark history` and by `/history` in the chat, and so does line mode's echo of piped text
/// (issue 13, finding 3): `printable` replaced only C0/C1 controls, so bidi controls and
/// U+2028 reached the terminal, and the echo was raw (an OSC 52 in a piped file wrote the
/// clipboard when the output was a terminal).
@Suite(.ownThread, .serialized) struct SavedHistoryShownFilteredTests {
    @Test(.enabled(if: LineModePipedTests.binaryExists, "needs swift build"), .timeLimit(.minutes(2)))
    func savedTextIsShownWithoutControlSequences() async throws {
        let folder = try LineModePipedTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try LineModePipedTests.run(["history", "--enable"], input: "", in: folder)
        let hostile =
            "look \u{1B}]52;c;SGk=\u{07} \u{202E}gnirts desrever\u{202C} \u{200F}\u{2028}harbourwords"
        let chat = try LineModePipedTests.run(
            ["--plain", "--no-intro"], input: "\(hostile)\n/history harbourwords\n/quit\n", in: folder)
        let listed = chat.output.components(separatedBy: "History · “harbourwords”").last ?? ""
        #expect(listed.contains("harbourwords"), "\(chat.output)")
        // The whole chat, the echo of the piped message included.
        #expect(isInertText(chat.output, allowingNewlines: true), "\(chat.output.debugDescription)")
        let shown = try LineModePipedTests.run(["history"], input: "", in: folder)
        #expect(shown.output.contains("harbourwords"), "\(shown.output)")
        #expect(isInertText(shown.output, allowingNewlines: true), "\(shown.output.debugDescription)")
    }
}
