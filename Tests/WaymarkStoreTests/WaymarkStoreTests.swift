import ChatCore
import Foundation
import GRDB
import Testing
import WaymarkStore

@Suite struct WaymarkStoreTests {
    let temporary = TemporaryDirectory()

    @Test func openingReadingAndAppendingWithHistoryOffCreateNothing() throws {
        let store = try WaymarkStore.open(directory: temporary.store)
        #expect(try store.loadSafetyPlan() == nil)
        #expect(try store.settings() == .defaults)
        #expect(try store.settings().historyEnabled == false)
        let saved = try store.appendHistory(conversation: "c1", role: .user, text: "hello there")
        #expect(!saved)
        #expect(try store.historyMessages().isEmpty)
        #expect(try store.searchHistory("hello").isEmpty)
        #expect(try store.forget().isEmpty)
        try store.setHistoryEnabled(false)
        try store.saveSettings(.defaults)
        #expect(!store.exists)
        #expect(temporary.contents().isEmpty, "created \(temporary.contents())")
    }

    @Test func historyStaysOffWhenOtherSettingsAreSaved() throws {
        let store = try WaymarkStore.open(directory: temporary.store)
        try store.saveSettings(StoreSettings(nation: "wales", reducedMotion: true))
        let saved = try store.appendHistory(conversation: "c1", role: .user, text: "not to be kept")
        #expect(!saved)
        #expect(try store.historyMessages().isEmpty)
        #expect(!TemporaryDirectory.filesContain("not to be kept", in: temporary.store))
    }

    @Test func savingAPlanCreatesAPrivateFolderAndPrivateFiles() throws {
        let store = try WaymarkStore.open(directory: temporary.store)
        try store.saveSafetyPlan(SafetyPlan(entries: [.reasonsForLiving: ["My garden"]]))
        #expect(try TemporaryDirectory.mode(temporary.store) == 0o700)
        for suffix in ["", "-wal", "-shm"] {
            let file = URL(fileURLWithPath: store.databaseURL.path + suffix)
            #expect(FileManager.default.fileExists(atPath: file.path), "\(file.lastPathComponent) missing")
            #expect(try TemporaryDirectory.mode(file) == 0o600, "\(file.lastPathComponent)")
        }
    }

    @Test func reopeningMakesLoosenedPermissionsPrivateAgain() throws {
        let first = try WaymarkStore.open(directory: temporary.store)
        try first.saveSafetyPlan(SafetyPlan(entries: [.warningSigns: ["Late nights"]]))
        chmod(temporary.store.path, 0o755)
        chmod(first.databaseURL.path, 0o644)
        let second = try WaymarkStore.open(directory: temporary.store)
        #expect(try TemporaryDirectory.mode(temporary.store) == 0o700)
        #expect(try TemporaryDirectory.mode(second.databaseURL) == 0o600)
    }

    @Test func thePlanIsKeptAcrossReopeningUntilDeleted() throws {
        let plan = SafetyPlan(
            entries: [.warningSigns: ["Not eating"], .peopleToAsk: ["Jo"]],
            updated: Date(timeIntervalSince1970: 99))
        try WaymarkStore.open(directory: temporary.store).saveSafetyPlan(plan)
        let reopened = try WaymarkStore.open(directory: temporary.store)
        #expect(try reopened.loadSafetyPlan() == plan)
        var changed = plan
        changed.update(.add("Walk the dog", to: .copingStrategies))
        try reopened.saveSafetyPlan(changed)
        #expect(try WaymarkStore.open(directory: temporary.store).loadSafetyPlan() == changed)
        #expect(try reopened.deleteSafetyPlan())
        #expect(try reopened.loadSafetyPlan() == nil)
        #expect(try !reopened.deleteSafetyPlan())
    }

    @Test func settingsRoundTrip() throws {
        let settings = StoreSettings(
            historyEnabled: true, nation: "scotland", ageBand: "18-24", reducedMotion: true)
        try WaymarkStore.open(directory: temporary.store).saveSettings(settings)
        #expect(try WaymarkStore.open(directory: temporary.store).settings() == settings)
    }

    @Test func theSchemaIsMigratedToV1WithWALAndFullTextSearch() throws {
        let store = try WaymarkStore.open(directory: temporary.store)
        #expect(try store.appliedMigrations() == [])
        try store.setHistoryEnabled(true)
        #expect(try store.appliedMigrations() == ["v1"])
        #expect(try store.usesFullTextSearch())
        #expect(try store.verifyIntegrity())
        let queue = try DatabaseQueue(path: store.databaseURL.path)
        let mode = try queue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let tables = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        for table in ["settings", "safety_plan", "conversation", "message", "message_fts"] {
            #expect(tables.contains(table), "missing \(table)")
        }
    }

    @Test func anEmptyDatabaseFileIsMigratedOnOpen() throws {
        try FileManager.default.createDirectory(at: temporary.store, withIntermediateDirectories: true)
        let path = temporary.store.appendingPathComponent(WaymarkStore.fileName).path
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let store = try WaymarkStore.open(directory: temporary.store)
        #expect(try store.appliedMigrations() == ["v1"])
        #expect(try store.settings() == .defaults)
    }

    @Test func aDatabaseFromANewerVersionIsRefusedNotDamaged() throws {
        let store = try WaymarkStore.open(directory: temporary.store)
        try store.saveSafetyPlan(SafetyPlan(entries: [.reasonsForLiving: ["Music"]]))
        let queue = try DatabaseQueue(path: store.databaseURL.path)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        }
        #expect(throws: WaymarkStoreError.newerDatabase(path: store.databaseURL.path)) {
            try WaymarkStore.open(directory: temporary.store)
        }
        let stillThere = try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM safety_plan")
        }
        #expect(stillThere == 1)
    }

    @Test func defaultDirectoryFollowsTheEnvironment() {
        #expect(
            WaymarkStore.defaultDirectory(environment: ["WAYMARK_DATA_DIR": "/tmp/w", "XDG_DATA_HOME": "/x"])
                .path
                == "/tmp/w")
        #expect(
            WaymarkStore.defaultDirectory(environment: ["XDG_DATA_HOME": "/x", "HOME": "/h"]).path
                == "/x/waymark")
        #expect(
            WaymarkStore.defaultDirectory(environment: ["XDG_DATA_HOME": "relative", "HOME": "/h"]).path
                == "/h/.local/share/waymark")
        #expect(WaymarkStore.defaultDirectory(environment: ["HOME": "/h"]).path == "/h/.local/share/waymark")
    }
}
