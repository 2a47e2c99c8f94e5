import ChatCore
import Foundation
import Safeguard
import Testing

@testable import WaymarkReview

@Suite struct TranscriptExporterTests {
    static let entries: [TranscriptEntry] = [
        TranscriptEntry(
            id: 1, turn: 1, role: .user, text: "i can't do this anymore",
            assessment: Assessment(
                level: .crisis, categories: [.suicide], subject: .speaker,
                signals: [
                    Signal(
                        rule: "passive.cant_go_on", text: "can't do this anymore", start: 2, end: 23,
                        category: .suicide,
                        baseLevel: .crisis)
                ], reasons: ["passive ideation"]), date: Date(timeIntervalSince1970: 0)),
        TranscriptEntry(
            id: 2, turn: 1, role: .safeguard, text: "Thank you for telling me. Samaritans: 116 123.",
            services: ["samaritans", "shout"], date: Date(timeIntervalSince1970: 1)),
        TranscriptEntry(
            id: 3, turn: 1, role: .assistant, text: "I'm here with you.\n\u{1B}[31mStill here.",
            originalText: "I'm sorry, but I can't assist with that.", guardNotes: ["abrupt refusal replaced"],
            date: Date(timeIntervalSince1970: 2)),
    ]

    static let secret = "sk-live-4f9a8b7c6d5e4f3a2b1c"

    static let header = [
        "backend": "openai", "api_key_env": "OPENAI_API_KEY", "OPENAI_API_KEY": secret,
        "note": "started with OPENAI_API_KEY=\(secret) and Authorization: Bearer abcdefghijkl",
    ]

    @Test func markdownHasAssessmentPlanServicesAndNoSecrets() {
        let exporter = TranscriptExporter(header: Self.header, planKinds: [1: "fullReferral"])
        let markdown = exporter.markdown(Self.entries)
        #expect(markdown.contains("**Assessment:** crisis · categories: suicide · subject: self"))
        #expect(markdown.contains("signal `passive.cant_go_on`"))
        #expect(markdown.contains("**Plan:** fullReferral · services: samaritans, shout"))
        #expect(markdown.contains("Original reply before the output guard"))
        #expect(markdown.contains("api_key_env: OPENAI_API_KEY"))
        #expect(!markdown.contains(Self.secret))
        #expect(!markdown.contains("abcdefghijkl"))
        #expect(!markdown.contains("\u{1B}"))
    }

    /// As the chat screen records them: its own notices (command answers) are numbered down
    /// from -1, the session's entries up from 1; the export follows what happened.
    @Test func notesAndMessagesKeepTheOrderTheyHappenedIn() {
        func notice(_ id: Int, _ turn: Int, _ text: String) -> TranscriptEntry {
            TranscriptEntry(
                id: id, turn: turn, role: .notice, text: text, date: Date(timeIntervalSince1970: 0))
        }
        func said(_ id: Int, _ turn: Int, _ role: TranscriptEntry.Role, _ text: String) -> TranscriptEntry {
            TranscriptEntry(id: id, turn: turn, role: role, text: text, date: Date(timeIntervalSince1970: 0))
        }
        let entries = [
            notice(-1, 0, "note foo1"), notice(-2, 0, "note foo2"),
            said(1, 1, .user, "first message"), said(2, 1, .assistant, "first reply"),
            notice(-3, 1, "note foo3"),
            said(3, 2, .user, "second message"), said(4, 2, .assistant, "second reply"),
            notice(-4, 2, "note foo4"),
        ]
        let markdown = TranscriptExporter().markdown(entries)
        let order = [
            "## Before the first turn", "note foo1", "note foo2", "## Turn 1", "first message", "first reply",
            "note foo3", "## Turn 2", "second message", "second reply", "note foo4",
        ]
        let positions = order.map { markdown.range(of: $0)?.lowerBound }
        #expect(!positions.contains(nil), "\(markdown)")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted(), "\(markdown)")
    }

    @Test func jsonGroupsByTurnAndMasksSecrets() throws {
        let data = try TranscriptExporter(header: Self.header, planKinds: [1: "fullReferral"]).json(
            Self.entries)
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains(Self.secret))
        #expect(!text.contains("abcdefghijkl"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let header = try #require(object["header"] as? [String: String])
        #expect(header["OPENAI_API_KEY"] == SecretMasker.mask)
        #expect(header["api_key_env"] == "OPENAI_API_KEY")
        let turns = try #require(object["turns"] as? [[String: Any]])
        #expect(turns.count == 1)
        #expect(turns[0]["plan"] as? String == "fullReferral")
        #expect(turns[0]["services"] as? [String] == ["samaritans", "shout"])
        let assessment = try #require(turns[0]["assessment"] as? [String: Any])
        #expect(assessment["level"] as? String == "crisis")
        #expect((turns[0]["entries"] as? [Any])?.count == 3)
    }

    @Test func exportsAreWrittenOwnerOnlyAndNeverWidened() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "waymark-export-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fresh = folder.appendingPathComponent("fresh.json")
        try TranscriptExporter.write(try TranscriptExporter().json(Self.entries), to: fresh)
        #expect(try permissions(fresh) == 0o600)

        let existing = folder.appendingPathComponent("existing.md")
        FileManager.default.createFile(atPath: existing.path, contents: Data("old".utf8))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: existing.path)
        try PrivateFile.write("new", to: existing)
        #expect(try permissions(existing) == 0o600)
        #expect(try String(contentsOf: existing, encoding: .utf8) == "new")

        let narrower = folder.appendingPathComponent("narrow.md")
        FileManager.default.createFile(atPath: narrower.path, contents: Data())
        try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: narrower.path)
        try? PrivateFile.write("x", to: narrower)  // may fail (not as root): either way, never widened
        #expect(try permissions(narrower) == 0o400)
    }

    @Test func maskerKeepsOrdinaryTextAndVariableNames() {
        #expect(
            SecretMasker.masked(text: "model=llama-3.1-8b base_url=http://127.0.0.1:8080/v1")
                == "model=llama-3.1-8b base_url=http://127.0.0.1:8080/v1")
        #expect(SecretMasker.masked(text: "token=abc123xyz") == "token=\(SecretMasker.mask)")
        #expect(SecretMasker.masked(header: ["api-key-env": "MY_KEY"]) == ["api-key-env": "MY_KEY"])
        #expect(SecretMasker.masked(header: ["apiKey": "hunter2"]) == ["apiKey": SecretMasker.mask])
    }

    private func permissions(_ url: URL) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }
}
