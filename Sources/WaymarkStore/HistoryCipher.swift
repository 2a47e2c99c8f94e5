import Crypto
import Foundation
import _CryptoExtras

/// Encrypts history text with AES-256-GCM under a key derived from the person's passphrase.
///
/// What is stored (in the settings table, as JSON): the scrypt parameters, a random 32-byte salt,
/// and a *verifier*: a fixed text sealed with the key, which opens only with the right key and so
/// tells a wrong passphrase apart without storing anything derived from the passphrase directly.
struct HistoryCipher: Sendable {
    /// The saved description of how to re-derive and check the key.
    struct Parameters: Sendable, Equatable, Codable {
        var kdf: String
        var derivation: HistoryKeyDerivation
        var salt: Data
        var verifier: Data
    }

    let key: SymmetricKey

    private static let verifierText = Data("waymark history key v1".utf8)
    private static let messageContext = Data("waymark.history.message.v1".utf8)

    /// Make fresh parameters (a random salt) for `passphrase`, and the cipher they open.
    static func create(passphrase: String, derivation: HistoryKeyDerivation) throws -> (
        Parameters, HistoryCipher
    ) {
        var salt = Data(count: 32)
        var generator = SystemRandomNumberGenerator()
        for index in salt.indices { salt[index] = UInt8.random(in: .min ... .max, using: &generator) }
        let key = try deriveKey(passphrase: passphrase, salt: salt, derivation: derivation)
        let cipher = HistoryCipher(key: key)
        let verifier = try cipher.seal(verifierText, context: verifierText)
        return (Parameters(kdf: "scrypt", derivation: derivation, salt: salt, verifier: verifier), cipher)
    }

    /// Re-derive the key from `passphrase`; throws ``WaymarkStoreError/wrongPassphrase`` if the
    /// verifier does not open.
    static func unlock(passphrase: String, parameters: Parameters) throws -> HistoryCipher {
        let key = try deriveKey(
            passphrase: passphrase, salt: parameters.salt, derivation: parameters.derivation)
        let cipher = HistoryCipher(key: key)
        guard (try? cipher.open(parameters.verifier, context: verifierText)) == verifierText else {
            throw WaymarkStoreError.wrongPassphrase
        }
        return cipher
    }

    /// Seal message text (nonce, ciphertext and tag in one blob).
    func sealMessage(_ text: String) throws -> Data {
        try seal(Data(text.utf8), context: Self.messageContext)
    }

    /// Open message text sealed by ``sealMessage(_:)``.
    func openMessage(_ blob: Data) throws -> String {
        String(decoding: try open(blob, context: Self.messageContext), as: UTF8.self)
    }

    private func seal(_ plaintext: Data, context: Data) throws -> Data {
        let box = try AES.GCM.seal(plaintext, using: key, authenticating: context)
        guard let combined = box.combined else { throw CryptoKitError.incorrectParameterSize }
        return combined
    }

    private func open(_ blob: Data, context: Data) throws -> Data {
        try AES.GCM.open(AES.GCM.SealedBox(combined: blob), using: key, authenticating: context)
    }

    private static func deriveKey(passphrase: String, salt: Data, derivation: HistoryKeyDerivation) throws
        -> SymmetricKey
    {
        try KDF.Scrypt.deriveKey(
            from: Data(passphrase.precomposedStringWithCanonicalMapping.utf8), salt: salt,
            outputByteCount: 32,
            rounds: derivation.rounds, blockSize: derivation.blockSize, parallelism: derivation.parallelism)
    }
}
