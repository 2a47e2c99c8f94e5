import GRDB

/// The versioned schema of the store. Never edit a registered migration: add a new one.
enum StoreSchema {
    /// Whether this SQLite has FTS5 (Debian's does); without it search falls back to LIKE.
    static func hasFTS5(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT sqlite_compileoption_used('ENABLE_FTS5')") ?? false
    }

    /// Whether the history search index exists in this database.
    static func hasSearchIndex(_ db: Database) throws -> Bool {
        try db.tableExists("message_fts")
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE settings (
                        key TEXT PRIMARY KEY NOT NULL,
                        value TEXT NOT NULL
                    );
                    CREATE TABLE safety_plan (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        plan TEXT NOT NULL,
                        updated_at REAL NOT NULL
                    );
                    CREATE TABLE conversation (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        key TEXT NOT NULL UNIQUE,
                        started_at REAL NOT NULL
                    );
                    CREATE TABLE message (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        conversation_id INTEGER NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,
                        role TEXT NOT NULL,
                        text TEXT,
                        sealed BLOB,
                        created_at REAL NOT NULL,
                        CHECK ((text IS NULL) != (sealed IS NULL))
                    );
                    CREATE INDEX message_conversation ON message(conversation_id, id);
                    CREATE INDEX message_created ON message(created_at);
                    """)
            if try hasFTS5(db) {
                // An external-content index over plaintext rows only (sealed rows are never indexed).
                try db.execute(
                    sql: """
                        CREATE VIRTUAL TABLE message_fts USING fts5(
                            text, content='message', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
                        CREATE TRIGGER message_fts_insert AFTER INSERT ON message WHEN new.text IS NOT NULL BEGIN
                            INSERT INTO message_fts(rowid, text) VALUES (new.id, new.text);
                        END;
                        CREATE TRIGGER message_fts_delete AFTER DELETE ON message WHEN old.text IS NOT NULL BEGIN
                            INSERT INTO message_fts(message_fts, rowid, text) VALUES ('delete', old.id, old.text);
                        END;
                        CREATE TRIGGER message_fts_update AFTER UPDATE OF text ON message BEGIN
                            INSERT INTO message_fts(message_fts, rowid, text)
                                SELECT 'delete', old.id, old.text WHERE old.text IS NOT NULL;
                            INSERT INTO message_fts(rowid, text)
                                SELECT new.id, new.text WHERE new.text IS NOT NULL;
                        END;
                        """)
            }
        }
        return migrator
    }
}
