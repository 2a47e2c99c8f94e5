import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Creating and opening the database files with private permissions.
enum StoreFiles {
    /// The suffixes of SQLite's files for one database in WAL mode.
    static let suffixes = ["", "-wal", "-shm"]

    /// Create `directory` (0700) if needed, open the database under umask 077 (so the file and
    /// its -wal and -shm files are born private), migrate it, then chmod everything again.
    static func openPrivately(directory: URL, database: URL) throws -> DatabasePool {
        let previous = umask(0o077)
        defer { umask(previous) }
        try FileManager.default.createDirectory(
            at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try makePrivate(directory.path, mode: 0o700)

        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // Deleted content is overwritten with zeros, so forgotten text does not linger in free pages.
            try db.execute(sql: "PRAGMA secure_delete = ON")
        }
        let pool = try DatabasePool(path: database.path, configuration: configuration)
        let migrator = StoreSchema.migrator
        if try pool.read({ db in try migrator.hasBeenSuperseded(db) }) {
            throw WaymarkStoreError.newerDatabase(path: database.path)
        }
        try migrator.migrate(pool)
        for suffix in suffixes {
            let path = database.path + suffix
            if FileManager.default.fileExists(atPath: path) { try makePrivate(path, mode: 0o600) }
        }
        return pool
    }

    static func makePrivate(_ path: String, mode: mode_t) throws {
        guard chmod(path, mode) == 0 else { throw WaymarkStoreError.permissions(path: path, errno: errno) }
    }
}
