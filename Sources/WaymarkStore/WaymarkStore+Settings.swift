import Foundation
import GRDB

extension WaymarkStore {
    enum SettingKey {
        static let historyEnabled = "history_enabled"
        static let nation = "nation"
        static let ageBand = "age_band"
        static let reducedMotion = "reduced_motion"
        static let historyEncryption = "history_encryption"
    }

    static func readSetting(_ key: String, _ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = ?", arguments: [key])
    }

    static func writeSetting(_ key: String, _ value: String?, _ db: Database) throws {
        if let value {
            try db.execute(
                sql:
                    "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                arguments: [key, value])
        } else {
            try db.execute(sql: "DELETE FROM settings WHERE key = ?", arguments: [key])
        }
    }

    static func readSettings(_ db: Database) throws -> StoreSettings {
        StoreSettings(
            historyEnabled: try readSetting(SettingKey.historyEnabled, db) == "1",
            nation: try readSetting(SettingKey.nation, db),
            ageBand: try readSetting(SettingKey.ageBand, db),
            reducedMotion: try readSetting(SettingKey.reducedMotion, db) == "1")
    }

    static func writeSettings(_ settings: StoreSettings, _ db: Database) throws {
        try writeSetting(SettingKey.historyEnabled, settings.historyEnabled ? "1" : "0", db)
        try writeSetting(SettingKey.nation, settings.nation, db)
        try writeSetting(SettingKey.ageBand, settings.ageBand, db)
        try writeSetting(SettingKey.reducedMotion, settings.reducedMotion ? "1" : "0", db)
    }

    static func readEncryption(_ db: Database) throws -> HistoryCipher.Parameters? {
        guard let json = try readSetting(SettingKey.historyEncryption, db) else { return nil }
        return try JSONDecoder().decode(HistoryCipher.Parameters.self, from: Data(json.utf8))
    }
}
