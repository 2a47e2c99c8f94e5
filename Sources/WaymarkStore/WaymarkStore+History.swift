import ChatCore
import Foundation
import GRDB

extension WaymarkStore {
    // MARK: - Writing

    /// Save one message, only if history is on. Returns whether it was saved.
    /// Never creates a file: with no database, history cannot be on.
    /// - Throws: ``WaymarkStoreError/locked`` if history is encrypted and not unlocked.
    @discardableResult
    public func appendHistory(
        conversation: String, role: TranscriptEntry.Role, text: String, date: Date = Date()
    ) throws -> Bool {
        try appendHistory([HistoryMessage(conversation: conversation, role: role, text: text, date: date)])
    }

    /// Save messages in one transaction (all or none), only if history is on.
    /// Returns whether they were saved.
    @discardableResult
    public func appendHistory(_ messages: [HistoryMessage]) throws -> Bool {
        guard !messages.isEmpty, let pool = try database(creating: false) else { return false }
        let cipher = state.withLock { $0.cipher }
        return try pool.write { db in
            guard try Self.readSetting(SettingKey.historyEnabled, db) == "1" else { return false }
            let encrypted = try Self.readEncryption(db) != nil
            if encrypted, cipher == nil { throw WaymarkStoreError.locked }
            for message in messages {
                let conversationID = try Self.conversationID(
                    message.conversation, startedAt: message.date, db)
                let sealed = encrypted ? try cipher?.sealMessage(message.text) : nil
                try db.execute(
                    sql: """
                        INSERT INTO message (conversation_id, role, text, sealed, created_at) VALUES (?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        conversationID, message.role.rawValue, sealed == nil ? message.text : nil, sealed,
                        message.date.timeIntervalSince1970,
                    ])
            }
            return true
        }
    }

    private static func conversationID(_ key: String, startedAt: Date, _ db: Database) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM conversation WHERE key = ?", arguments: [key])
        {
            return id
        }
        try db.execute(
            sql: "INSERT INTO conversation (key, started_at) VALUES (?, ?)",
            arguments: [key, startedAt.timeIntervalSince1970])
        return db.lastInsertedRowID
    }

    // MARK: - Reading

    /// Saved conversations, newest first.
    public func historyConversations(limit: Int = 50) throws -> [HistoryConversation] {
        guard let pool = try database(creating: false) else { return [] }
        return try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT c.key, MIN(m.created_at) AS first, MAX(m.created_at) AS last, COUNT(m.id) AS count
                    FROM conversation c JOIN message m ON m.conversation_id = c.id
                    GROUP BY c.id ORDER BY last DESC LIMIT ?
                    """, arguments: [limit]
            ).map { row in
                HistoryConversation(
                    conversation: row["key"], startedAt: Date(timeIntervalSince1970: row["first"]),
                    lastMessageAt: Date(timeIntervalSince1970: row["last"]), messageCount: row["count"])
            }
        }
    }

    /// Saved messages, oldest first: of one conversation, or the latest `limit` of all.
    /// - Throws: ``WaymarkStoreError/locked`` if history is encrypted and not unlocked.
    public func historyMessages(conversation: String? = nil, limit: Int = 200) throws -> [HistoryMessage] {
        guard let pool = try database(creating: false) else { return [] }
        let rows = try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM (
                        SELECT m.id, c.key, m.role, m.text, m.sealed, m.created_at
                        FROM message m JOIN conversation c ON c.id = m.conversation_id
                        WHERE ? IS NULL OR c.key = ?
                        ORDER BY m.id DESC LIMIT ?
                    ) ORDER BY id
                    """, arguments: [conversation, conversation, limit])
        }
        return try rows.map(message)
    }

    /// Messages containing every word of `query` (case- and accent-insensitive), oldest first.
    /// Uses the FTS5 index for plaintext history; decrypts and filters for encrypted history.
    public func searchHistory(_ query: String, limit: Int = 100) throws -> [HistoryMessage] {
        let words = query.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        guard !words.isEmpty, let pool = try database(creating: false) else { return [] }
        let (indexed, sealed) = try pool.read { db -> ([Row], [Row]) in
            let columns = "m.id, c.key, m.role, m.text, m.sealed, m.created_at"
            let join = "FROM message m JOIN conversation c ON c.id = m.conversation_id"
            let plaintext: [Row]
            if try StoreSchema.hasSearchIndex(db) {
                // Each word is quoted as an FTS5 string, so nothing typed is read as query syntax.
                let match = words.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
                    .joined(separator: " ")
                plaintext = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT \(columns) \(join)
                        WHERE m.id IN (SELECT rowid FROM message_fts WHERE message_fts MATCH ?)
                        ORDER BY m.id
                        """, arguments: [match])
            } else {
                var clauses: [String] = []
                var arguments: StatementArguments = []
                for word in words {
                    clauses.append("m.text LIKE ? ESCAPE '\\'")
                    arguments += [Self.likePattern(word)]
                }
                plaintext = try Row.fetchAll(
                    db,
                    sql:
                        "SELECT \(columns) \(join) WHERE \(clauses.joined(separator: " AND ")) ORDER BY m.id",
                    arguments: arguments)
            }
            let sealed = try Row.fetchAll(
                db, sql: "SELECT \(columns) \(join) WHERE m.sealed IS NOT NULL ORDER BY m.id")
            return (plaintext, sealed)
        }
        var found = try indexed.map(message)
        if !sealed.isEmpty {
            found += try sealed.map(message).filter { message in
                words.allSatisfy {
                    message.text.range(of: $0, options: [.caseInsensitive, .diacriticInsensitive]) != nil
                }
            }
            found.sort { ($0.id ?? 0) < ($1.id ?? 0) }
        }
        return Array(found.prefix(limit))
    }

    private func message(_ row: Row) throws -> HistoryMessage {
        let id: Int64 = row["id"]
        let text: String
        if let plain: String = row["text"] {
            text = plain
        } else {
            guard let cipher = state.withLock({ $0.cipher }) else { throw WaymarkStoreError.locked }
            guard let blob: Data = row["sealed"], let opened = try? cipher.openMessage(blob) else {
                throw WaymarkStoreError.damagedMessage(id: id)
            }
            text = opened
        }
        return HistoryMessage(
            id: id, conversation: row["key"],
            role: TranscriptEntry.Role(rawValue: row["role"]) ?? .notice, text: text,
            date: Date(timeIntervalSince1970: row["created_at"]))
    }

    static func likePattern(_ word: String) -> String {
        var escaped = ""
        for character in word {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return "%" + escaped + "%"
    }

    // MARK: - Forgetting

    /// Delete all saved history, and say exactly what was deleted. The safety plan and settings
    /// are kept. Deleted text is zeroed in the file and the write-ahead log is emptied.
    /// Works without the passphrase. Creates nothing if nothing was saved.
    @discardableResult
    public func forget() throws -> ForgetReport {
        guard let pool = try database(creating: false) else {
            return ForgetReport(conversations: 0, messages: 0, earliest: nil, latest: nil)
        }
        let report = try pool.write { db -> ForgetReport in
            let conversations = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM conversation") ?? 0
            let row = try Row.fetchOne(
                db,
                sql:
                    "SELECT COUNT(*) AS count, MIN(created_at) AS first, MAX(created_at) AS last FROM message"
            )
            let first: Double? = row?["first"]
            let last: Double? = row?["last"]
            try db.execute(sql: "DELETE FROM message")
            try db.execute(sql: "DELETE FROM conversation")
            try db.execute(sql: "DELETE FROM sqlite_sequence WHERE name IN ('message', 'conversation')")
            if try StoreSchema.hasSearchIndex(db) {
                try db.execute(sql: "INSERT INTO message_fts(message_fts) VALUES ('delete-all')")
            }
            return ForgetReport(
                conversations: conversations, messages: row?["count"] ?? 0,
                earliest: first.map(Date.init(timeIntervalSince1970:)),
                latest: last.map(Date.init(timeIntervalSince1970:)))
        }
        // Best effort: secure_delete has already zeroed the rows; VACUUM also drops the free pages.
        _ = try? pool.writeWithoutTransaction { db in try db.execute(sql: "VACUUM") }
        try checkpoint(pool)
        return report
    }
}
