import Foundation
import GRDB

extension WaymarkStore {
    /// Whether history text is encrypted at rest.
    public func isHistoryEncrypted() throws -> Bool {
        guard let pool = try database(creating: false) else { return false }
        return try pool.read { db in try Self.readEncryption(db) != nil }
    }

    /// Whether the passphrase has been given this session (always `true` when not encrypted).
    public func isUnlocked() throws -> Bool {
        try !isHistoryEncrypted() || state.withLock { $0.cipher != nil }
    }

    /// Turn on encryption of history text with `passphrase`: derives a key with scrypt from a
    /// new random salt, encrypts every saved message in one transaction, and keeps the key in
    /// memory for this session. There is no way to recover history if the passphrase is lost.
    public func enableEncryption(passphrase: String, derivation: HistoryKeyDerivation = .standard) throws {
        guard let pool = try database(creating: true) else { return }
        if try isHistoryEncrypted() { throw WaymarkStoreError.encryptionAlready(enabled: true) }
        let (parameters, cipher) = try HistoryCipher.create(passphrase: passphrase, derivation: derivation)
        let json = String(decoding: try JSONEncoder().encode(parameters), as: UTF8.self)
        try pool.write { db in
            let rows = try Row.fetchAll(db, sql: "SELECT id, text FROM message WHERE text IS NOT NULL")
            for row in rows {
                let text: String = row["text"]
                try db.execute(
                    sql: "UPDATE message SET text = NULL, sealed = ? WHERE id = ?",
                    arguments: [try cipher.sealMessage(text), row["id"] as Int64])
            }
            if try StoreSchema.hasSearchIndex(db) {
                // Every row is sealed now; empty the index so no plaintext words stay in it.
                try db.execute(sql: "INSERT INTO message_fts(message_fts) VALUES ('delete-all')")
            }
            try Self.writeSetting(SettingKey.historyEncryption, json, db)
        }
        state.withLock { $0.cipher = cipher }
        // The plaintext now lives only in zeroed pages and the log; empty the log too.
        _ = try? pool.writeWithoutTransaction { db in try db.execute(sql: "VACUUM") }
        try checkpoint(pool)
    }

    /// Give the passphrase for this session.
    /// - Throws: ``WaymarkStoreError/wrongPassphrase``; ``WaymarkStoreError/encryptionAlready(enabled:)``
    ///   (with `false`) if history is not encrypted.
    public func unlock(passphrase: String) throws {
        guard let pool = try database(creating: false),
            let parameters = try pool.read({ db in try Self.readEncryption(db) })
        else { throw WaymarkStoreError.encryptionAlready(enabled: false) }
        let cipher = try HistoryCipher.unlock(passphrase: passphrase, parameters: parameters)
        state.withLock { $0.cipher = cipher }
    }

    /// Forget the key held in memory (history stays encrypted on disk).
    public func lock() {
        state.withLock { $0.cipher = nil }
    }

    /// Turn encryption off: checks `passphrase`, decrypts every saved message back to plain text.
    public func disableEncryption(passphrase: String) throws {
        try unlock(passphrase: passphrase)
        guard let pool = try database(creating: false), let cipher = state.withLock({ $0.cipher }) else {
            return
        }
        try pool.write { db in
            let rows = try Row.fetchAll(db, sql: "SELECT id, sealed FROM message WHERE sealed IS NOT NULL")
            for row in rows {
                let id: Int64 = row["id"]
                guard let blob: Data = row["sealed"], let text = try? cipher.openMessage(blob) else {
                    throw WaymarkStoreError.damagedMessage(id: id)
                }
                try db.execute(
                    sql: "UPDATE message SET text = ?, sealed = NULL WHERE id = ?", arguments: [text, id])
            }
            try Self.writeSetting(SettingKey.historyEncryption, nil, db)
        }
        state.withLock { $0.cipher = nil }
    }
}
