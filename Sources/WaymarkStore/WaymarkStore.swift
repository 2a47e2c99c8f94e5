import ChatCore
import Foundation
import GRDB
import Synchronization

/// Waymark's private, local store: the safety plan, settings and (only if turned on) history.
///
/// One SQLite file, `waymark.sqlite`, in a folder only the person can open (0700, files 0600),
/// in WAL mode, written in transactions so a crash loses nothing already saved.
/// Nothing is created on disk until something is saved: opening, reading, and appending
/// history while history is off never create a file or folder.
public final class WaymarkStore: Sendable {
    /// The folder holding the database.
    public let directory: URL
    /// The database file.
    public let databaseURL: URL

    struct State {
        var pool: DatabasePool?
        var cipher: HistoryCipher?
    }

    let state = Mutex(State())

    /// The database file's name inside ``directory``.
    public static let fileName = "waymark.sqlite"

    private init(directory: URL) {
        self.directory = directory.standardizedFileURL
        self.databaseURL = self.directory.appendingPathComponent(Self.fileName)
    }

    /// Open the store in `directory`. Creates nothing; if a database is already there it is
    /// opened, migrated to the current schema, and its permissions are made private again.
    /// - Throws: ``WaymarkStoreError/newerDatabase(path:)`` for a database from a newer version,
    ///   or a database error if the file is not a usable database.
    public static func open(directory: URL) throws -> WaymarkStore {
        let store = WaymarkStore(directory: directory)
        _ = try store.database(creating: false)
        return store
    }

    /// Where the store lives by default: `$WAYMARK_DATA_DIR`, else `$XDG_DATA_HOME/waymark`,
    /// else `~/.local/share/waymark`.
    public static func defaultDirectory(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> URL {
        if let explicit = environment["WAYMARK_DATA_DIR"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit, isDirectory: true)
        }
        // The XDG spec says relative paths are invalid and must be ignored.
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent(
                "waymark", isDirectory: true)
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home, isDirectory: true)
            .appendingPathComponent(".local/share/waymark", isDirectory: true)
    }

    /// Whether the database file exists (something has been saved).
    public var exists: Bool {
        FileManager.default.fileExists(atPath: databaseURL.path)
    }

    // MARK: - Safety plan

    /// The saved safety plan, or `nil` if none has been saved.
    public func loadSafetyPlan() throws -> SafetyPlan? {
        guard let pool = try database(creating: false) else { return nil }
        let json = try pool.read { db in
            try String.fetchOne(db, sql: "SELECT plan FROM safety_plan WHERE id = 1")
        }
        guard let json else { return nil }
        return try JSONDecoder().decode(SafetyPlan.self, from: Data(json.utf8))
    }

    /// Save the safety plan (replacing any saved one). Creates the store if needed.
    public func saveSafetyPlan(_ plan: SafetyPlan, at date: Date = Date()) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(plan), as: UTF8.self)
        try database(creating: true)?.write { db in
            try db.execute(
                sql: """
                    INSERT INTO safety_plan (id, plan, updated_at) VALUES (1, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET plan = excluded.plan, updated_at = excluded.updated_at
                    """, arguments: [json, date.timeIntervalSince1970])
        }
    }

    /// Delete the saved safety plan. Returns whether there was one.
    @discardableResult
    public func deleteSafetyPlan() throws -> Bool {
        guard let pool = try database(creating: false) else { return false }
        let deleted = try pool.write { db in
            try db.execute(sql: "DELETE FROM safety_plan")
            return db.changesCount > 0
        }
        try checkpoint(pool)
        return deleted
    }

    // MARK: - Settings

    /// The saved settings (defaults for anything never saved).
    public func settings() throws -> StoreSettings {
        guard let pool = try database(creating: false) else { return .defaults }
        return try pool.read { db in try Self.readSettings(db) }
    }

    /// Save the settings. Saving the defaults when nothing is stored yet creates nothing.
    public func saveSettings(_ settings: StoreSettings) throws {
        guard let pool = try database(creating: settings != .defaults) else { return }
        try pool.write { db in try Self.writeSettings(settings, db) }
    }

    /// Turn history on or off. Turning it off keeps what is saved (``forget()`` deletes it).
    public func setHistoryEnabled(_ enabled: Bool) throws {
        var current = try settings()
        current.historyEnabled = enabled
        try saveSettings(current)
    }

    // MARK: - Files

    /// The pool, opening (and, if `creating`, creating) the database on first use.
    func database(creating: Bool) throws -> DatabasePool? {
        try state.withLock { state in
            if let pool = state.pool { return pool }
            guard creating || FileManager.default.fileExists(atPath: databaseURL.path) else { return nil }
            let pool = try StoreFiles.openPrivately(directory: directory, database: databaseURL)
            state.pool = pool
            return pool
        }
    }

    /// Fold the write-ahead log into the database and empty it, so deleted text does not linger
    /// in the -wal file. Best effort: a busy reader only delays it.
    func checkpoint(_ pool: DatabasePool) throws {
        _ = try? pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
    }
}

extension WaymarkStore {
    /// Whether SQLite's `PRAGMA integrity_check` finds the database sound (`true` if none exists).
    public func verifyIntegrity() throws -> Bool {
        guard let pool = try database(creating: false) else { return true }
        let results = try pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        return results == ["ok"]
    }

    /// The schema migrations applied to the database, oldest first (empty if none exists).
    public func appliedMigrations() throws -> [String] {
        guard let pool = try database(creating: false) else { return [] }
        return try pool.read { db in try StoreSchema.migrator.appliedIdentifiers(db).sorted() }
    }

    /// Whether history search uses SQLite's FTS5 index (`false`: a LIKE scan).
    public func usesFullTextSearch() throws -> Bool {
        guard let pool = try database(creating: false) else { return false }
        return try pool.read { db in try StoreSchema.hasSearchIndex(db) }
    }
}
