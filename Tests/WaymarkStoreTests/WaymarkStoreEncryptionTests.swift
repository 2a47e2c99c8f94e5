import ChatCore
import Foundation
import Testing
import WaymarkStore

@Suite struct WaymarkStoreEncryptionTests {
    let temporary = TemporaryDirectory()

    func encryptedStore(passphrase: String = "correct horse battery") throws -> WaymarkStore {
        let store = try WaymarkStore.open(directory: temporary.store)
        try store.setHistoryEnabled(true)
        try store.enableEncryption(passphrase: passphrase, derivation: .weakForTests)
        return store
    }

    @Test func encryptionIsOffByDefault() throws {
        let store = try WaymarkStore.open(directory: temporary.store)
        try store.setHistoryEnabled(true)
        #expect(try !store.isHistoryEncrypted())
        #expect(try store.isUnlocked())
    }

    @Test func roundTripWithTheRightPassphraseAndNoPlaintextOnDisk() throws {
        let store = try encryptedStore()
        try store.appendHistory(conversation: "a", role: .user, text: "walrussecretwords")
        #expect(try store.historyMessages().map(\.text) == ["walrussecretwords"])
        #expect(!TemporaryDirectory.filesContain("walrussecret", in: temporary.store))

        let reopened = try WaymarkStore.open(directory: temporary.store)
        #expect(try reopened.isHistoryEncrypted())
        #expect(try !reopened.isUnlocked())
        #expect(throws: WaymarkStoreError.locked) { try reopened.historyMessages() }
        #expect(throws: WaymarkStoreError.locked) {
            try reopened.appendHistory(conversation: "a", role: .user, text: "while locked")
        }
        try reopened.unlock(passphrase: "correct horse battery")
        #expect(try reopened.historyMessages().map(\.text) == ["walrussecretwords"])
        #expect(try reopened.searchHistory("WALRUSSECRETWORDS").count == 1)
    }

    @Test func aWrongPassphraseIsRecognised() throws {
        _ = try encryptedStore()
        let reopened = try WaymarkStore.open(directory: temporary.store)
        #expect(throws: WaymarkStoreError.wrongPassphrase) { try reopened.unlock(passphrase: "wrong horse") }
        #expect(throws: WaymarkStoreError.wrongPassphrase) { try reopened.disableEncryption(passphrase: "") }
        #expect(try !reopened.isUnlocked())
    }

    @Test func turningEncryptionOnSealsExistingHistoryAndOffOpensItAgain() throws {
        let store = try WaymarkStore.open(directory: temporary.store)
        try store.setHistoryEnabled(true)
        try store.appendHistory(conversation: "a", role: .user, text: "heronbeforeencryption")
        #expect(TemporaryDirectory.filesContain("heronbefore", in: temporary.store))
        try store.enableEncryption(passphrase: "pass phrase", derivation: .weakForTests)
        #expect(!TemporaryDirectory.filesContain("heronbefore", in: temporary.store))
        #expect(throws: WaymarkStoreError.encryptionAlready(enabled: true)) {
            try store.enableEncryption(passphrase: "other", derivation: .weakForTests)
        }
        try store.disableEncryption(passphrase: "pass phrase")
        #expect(try !store.isHistoryEncrypted())
        #expect(try store.searchHistory("heronbeforeencryption").map(\.text) == ["heronbeforeencryption"])
    }

    @Test func forgetWorksWithoutThePassphrase() throws {
        let store = try encryptedStore()
        try store.appendHistory(conversation: "a", role: .user, text: "one")
        let locked = try WaymarkStore.open(directory: temporary.store)
        #expect(try locked.forget().messages == 1)
    }

    @Test func standardKeyDerivationIsSlowButUsable() throws {
        let store = try WaymarkStore.open(directory: temporary.store)
        let clock = ContinuousClock()
        let elapsed = try clock.measure { try store.enableEncryption(passphrase: "a long passphrase") }
        #expect(elapsed > .milliseconds(20), "scrypt took only \(elapsed)")
        #expect(elapsed < .seconds(20))
        print("scrypt N=2^15 r=8 p=1 key derivation (plus setup): \(elapsed)")
    }
}
