import Foundation

/// Why the store could not do something, in words a person can act on.
public enum WaymarkStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// History is encrypted and no passphrase has been given this session.
    case locked
    /// The passphrase does not open the history.
    case wrongPassphrase
    /// Encryption was asked for but is already on, or turned off but is already off.
    case encryptionAlready(enabled: Bool)
    /// The database was written by a newer version of Waymark.
    case newerDatabase(path: String)
    /// A saved message could not be decrypted (damaged).
    case damagedMessage(id: Int64)
    /// A file or folder could not be given private permissions.
    case permissions(path: String, errno: Int32)

    public var description: String {
        switch self {
        case .locked:
            return "Your history is encrypted. Enter your passphrase to open it."
        case .wrongPassphrase:
            return "That passphrase doesn't open your history. Please try again."
        case .encryptionAlready(let enabled):
            return enabled ? "History encryption is already on." : "History encryption is already off."
        case .newerDatabase(let path):
            return "\(path) was saved by a newer version of Waymark. Please update Waymark to open it."
        case .damagedMessage(let id):
            return "Saved message \(id) could not be decrypted; it may be damaged."
        case .permissions(let path, let errno):
            return "Could not make \(path) private (error \(errno))."
        }
    }
}
