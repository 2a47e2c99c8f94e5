import ChatCore
import Foundation
import Testing
import WaymarkStore

/// The chat's history writer: turns finished while encrypted history is locked are held in
/// memory (never written in plain text) and saved sealed once the passphrase is given.
@Suite struct HistoryWriterTests {
    let temporary = TemporaryDirectory()

    func lockedStore() throws -> WaymarkStore {
        let store = try WaymarkStore.open(directory: temporary.store)
        try store.setHistoryEnabled(true)
        try store.enableEncryption(passphrase: "river stones", derivation: .weakForTests)
        return try WaymarkStore.open(directory: temporary.store)
    }

    func message(_ text: String) -> HistoryMessage {
        HistoryMessage(conversation: "s", role: .user, text: text, date: Date())
    }

    @Test func turnsWhileLockedAreHeldThenSavedSealedOnUnlock() throws {
        let writer = HistoryWriter(store: try lockedStore())
        #expect(try writer.append([message("heldmothwords one")]) == .held(1))
        #expect(try writer.append([message("heldmothwords two")]) == .held(2))
        #expect(!TemporaryDirectory.filesContain("heldmothwords", in: temporary.store))
        #expect(try writer.unlock(passphrase: "river stones") == 2)
        #expect(writer.held.isEmpty)
        #expect(try writer.append([message("heldmothwords three")]) == .saved)
        #expect(
            try writer.store.searchHistory("heldmothwords").map(\.text) == [
                "heldmothwords one", "heldmothwords two", "heldmothwords three",
            ])
        #expect(!TemporaryDirectory.filesContain("heldmothwords", in: temporary.store))
    }

    @Test func aWrongPassphraseKeepsWhatIsHeldAndWritesNothing() throws {
        let writer = HistoryWriter(store: try lockedStore())
        _ = try writer.append([message("keptowlwords")])
        #expect(throws: WaymarkStoreError.wrongPassphrase) { try writer.unlock(passphrase: "river") }
        #expect(writer.held.map(\.text) == ["keptowlwords"])
        #expect(try !writer.store.isUnlocked())
        #expect(!TemporaryDirectory.filesContain("keptowlwords", in: temporary.store))
        #expect(try writer.unlock(passphrase: "river stones") == 1)
        #expect(try writer.store.historyMessages().map(\.text) == ["keptowlwords"])
    }

    @Test func heldMessagesAreBounded() throws {
        let writer = HistoryWriter(store: try lockedStore(), holdLimit: 3)
        for index in 1...5 { _ = try writer.append([message("m\(index)")]) }
        #expect(writer.held.map(\.text) == ["m3", "m4", "m5"])
    }

    @Test func withHistoryOffNothingIsHeldOrSaved() throws {
        let store = try lockedStore()
        try store.setHistoryEnabled(false)
        let writer = HistoryWriter(store: store)
        #expect(try writer.append([message("offwords")]) == .off)
        #expect(writer.held.isEmpty)
    }
}
