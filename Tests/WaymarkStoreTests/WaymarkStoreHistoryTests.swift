import ChatCore
import Foundation
import GRDB
import Testing
import WaymarkStore

@Suite struct WaymarkStoreHistoryTests {
    let temporary = TemporaryDirectory()

    func storeWithHistory() throws -> WaymarkStore {
        let store = try WaymarkStore.open(directory: temporary.store)
        try store.setHistoryEnabled(true)
        return store
    }

    @Test func appendListAndReadBackInOrder() throws {
        let store = try storeWithHistory()
        let start = Date(timeIntervalSince1970: 1_763_000_000)
        try store.appendHistory(conversation: "a", role: .user, text: "first", date: start)
        try store.appendHistory(conversation: "a", role: .assistant, text: "second", date: start + 1)
        try store.appendHistory(conversation: "b", role: .user, text: "third", date: start + 60)
        let all = try store.historyMessages()
        #expect(all.map(\.text) == ["first", "second", "third"])
        #expect(all.map(\.role) == [.user, .assistant, .user])
        #expect(all[0].date == start)
        #expect(try store.historyMessages(conversation: "a").map(\.text) == ["first", "second"])
        #expect(try store.historyMessages(limit: 2).map(\.text) == ["second", "third"])
        let conversations = try store.historyConversations()
        #expect(conversations.map(\.conversation) == ["b", "a"])
        #expect(conversations.map(\.messageCount) == [1, 2])
        #expect(conversations[1].startedAt == start)
        #expect(conversations[1].lastMessageAt == start + 1)
    }

    @Test func turningHistoryOffStopsSavingButKeepsWhatWasSaved() throws {
        let store = try storeWithHistory()
        try store.appendHistory(conversation: "a", role: .user, text: "kept")
        try store.setHistoryEnabled(false)
        let saved = try store.appendHistory(conversation: "a", role: .user, text: "not kept")
        #expect(!saved)
        #expect(try store.historyMessages().map(\.text) == ["kept"])
    }

    @Test func searchMatchesEveryWordIgnoringCaseAndAccents() throws {
        let store = try storeWithHistory()
        try store.appendHistory(conversation: "a", role: .user, text: "I had a rough day at the café")
        try store.appendHistory(conversation: "a", role: .user, text: "The cafe was closed")
        try store.appendHistory(conversation: "a", role: .user, text: "A rough night")
        #expect(
            try store.searchHistory("ROUGH").map(\.text) == [
                "I had a rough day at the café", "A rough night",
            ])
        #expect(try store.searchHistory("cafe").count == 2)
        #expect(try store.searchHistory("rough cafe").map(\.text) == ["I had a rough day at the café"])
        #expect(try store.searchHistory("nothing-like-this").isEmpty)
        #expect(try store.searchHistory("   ").isEmpty)
    }

    @Test func searchFallsBackToLikeWithoutTheFullTextIndex() throws {
        let store = try storeWithHistory()
        try store.appendHistory(conversation: "a", role: .user, text: "A ROUGH night, 100% tired_out")
        try store.appendHistory(conversation: "a", role: .user, text: "a calm morning")
        // What a database made by an SQLite without FTS5 looks like.
        try DatabaseQueue(path: store.databaseURL.path).write { db in
            for trigger in ["message_fts_insert", "message_fts_delete", "message_fts_update"] {
                try db.execute(sql: "DROP TRIGGER \(trigger)")
            }
            try db.execute(sql: "DROP TABLE message_fts")
        }
        let reopened = try WaymarkStore.open(directory: temporary.store)
        #expect(try !reopened.usesFullTextSearch())
        #expect(try reopened.searchHistory("rough NIGHT").count == 1)
        #expect(try reopened.searchHistory("100%").count == 1)
        #expect(try reopened.searchHistory("%").count == 1)
        #expect(try reopened.searchHistory("ti_ed").isEmpty)
        #expect(try reopened.searchHistory("morning").map(\.text) == ["a calm morning"])
        #expect(try reopened.forget().messages == 2)
    }

    @Test func searchTreatsQuerySyntaxAsPlainText() throws {
        let store = try storeWithHistory()
        try store.appendHistory(conversation: "a", role: .user, text: "50% sure \"quoted\" (maybe) * NEAR OR")
        for query in [
            "\"quoted\"", "50%", "(maybe)", "*", "NEAR", "OR", "AND NOT", "\"", "col:thing", "^start",
        ] {
            _ = try store.searchHistory(query)
        }
        #expect(try store.searchHistory("\"quoted\"").count == 1)
    }

    @Test func forgetSaysExactlyWhatWasDeletedAndKeepsThePlan() throws {
        let store = try storeWithHistory()
        let plan = SafetyPlan(entries: [.reasonsForLiving: ["My kids"]])
        try store.saveSafetyPlan(plan)
        let day = 86_400.0
        let first = Date(timeIntervalSince1970: 1_762_000_000)
        try store.appendHistory(conversation: "a", role: .user, text: "zebramarkerone", date: first)
        try store.appendHistory(
            conversation: "a", role: .assistant, text: "zebramarkertwo", date: first + 10)
        try store.appendHistory(
            conversation: "b", role: .user, text: "zebramarkerthree", date: first + 3 * day)
        #expect(TemporaryDirectory.filesContain("zebramarkertwo", in: temporary.store))

        let report = try store.forget()
        #expect(
            report == ForgetReport(conversations: 2, messages: 3, earliest: first, latest: first + 3 * day))
        #expect(report.description.hasPrefix("Deleted 2 conversations (3 messages) from "))
        #expect(try store.historyMessages().isEmpty)
        #expect(try store.historyConversations().isEmpty)
        #expect(try store.searchHistory("zebramarkerone").isEmpty)
        #expect(try store.loadSafetyPlan() == plan)
        #expect(try store.settings().historyEnabled)
        #expect(!TemporaryDirectory.filesContain("zebramarker", in: temporary.store))
        #expect(try store.verifyIntegrity())
        #expect(try store.forget().isEmpty)
    }

    @Test func forgetReportDescribesOneDayPlainly() {
        let date = Date(timeIntervalSince1970: 1_763_800_000)  // 22 November 2025
        let report = ForgetReport(conversations: 1, messages: 1, earliest: date, latest: date + 60)
        #expect(report.description == "Deleted 1 conversation (1 message) from 22 November 2025.")
        #expect(
            ForgetReport(conversations: 0, messages: 0, earliest: nil, latest: nil).description
                == "There was no saved history to delete.")
    }

    @Test func readersSeeWholeTransactionsWhileAWriterIsBusy() async throws {
        let store = try storeWithHistory()
        let batch = 10
        let rounds = 40
        let directory = temporary.store
        try await withThrowingTaskGroup(of: [Int].self) { group in
            group.addTask {
                for round in 0..<rounds {
                    let messages = (0..<batch).map {
                        HistoryMessage(conversation: "w", role: .user, text: "r\(round) m\($0)", date: Date())
                    }
                    try store.appendHistory(messages)
                }
                return []
            }
            for reader in 0..<3 {
                group.addTask {
                    // One reader shares the writer's pool; the others open their own connections.
                    let view = reader == 0 ? store : try WaymarkStore.open(directory: directory)
                    var counts: [Int] = []
                    for _ in 0..<60 {
                        counts.append(try view.historyMessages(limit: 100_000).count)
                        await Task.yield()
                    }
                    return counts
                }
            }
            for try await counts in group {
                #expect(counts.allSatisfy { $0.isMultiple(of: batch) }, "torn read: \(counts)")
                #expect(counts == counts.sorted())
            }
        }
        #expect(try store.historyMessages(limit: 100_000).count == batch * rounds)
    }
}
