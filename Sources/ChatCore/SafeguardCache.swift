import Crypto
import Foundation
import Safeguard

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the precompiled safeguard (``SafeguardArtefact``) is kept between launches:
/// `$XDG_CACHE_HOME/waymark/` (else `~/.cache/waymark/`), one file per key.
///
/// The key is a SHA-256 of the artefact's format version, the running executable's identity
/// (size and modification time, so any rebuild of the code compiles afresh) and every source
/// text it is compiled from (lexicon file names and contents, the model file). The text sources
/// stay the reviewed truth: the cache is only ever a copy of what they compile to. A file is
/// written 0600 to a fresh temporary name and renamed into place, so a reader never sees half a
/// file; one that is unreadable, damaged, foreign or for other sources is ignored and rebuilt.
public struct SafeguardCache: Sendable {
    /// The folder holding the cache files (created 0700 when first written).
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// The standard place, or `nil` when there is no home folder to put it in.
    public static func standard(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> SafeguardCache? {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return SafeguardCache(directory: URL(fileURLWithPath: xdg).appendingPathComponent("waymark"))
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return SafeguardCache(
                directory: URL(fileURLWithPath: home).appendingPathComponent(".cache/waymark"))
        }
        return nil
    }

    /// Largest cache file read (the real one is well under 2 MB).
    static let maxFileBytes = 64 << 20
    private static let magic = Array("WAYMARK-SAFEGUARD-CACHE\n".utf8)

    /// The key for these sources, built by the running executable.
    public static func key(lexiconFiles: [String: Data], model: Data) -> [UInt8] {
        var hasher = SHA256()
        func add(_ bytes: some DataProtocol) {
            var count = UInt64(bytes.count).littleEndian
            withUnsafeBytes(of: &count) { hasher.update(bufferPointer: $0) }
            hasher.update(data: bytes)
        }
        add(Array("format \(SafeguardArtefact.formatVersion)".utf8))
        add(Array(executableIdentity().utf8))
        for (name, data) in lexiconFiles.sorted(by: { $0.key < $1.key }) {
            add(Array(name.utf8))
            add(data)
        }
        add(Array("model".utf8))
        add(model)
        return Array(hasher.finalize())
    }

    /// The running program's size and modification time: a rebuilt binary never reads a cache
    /// its older self wrote.
    static func executableIdentity() -> String {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 || stat(CommandLine.arguments[0], &info) == 0 else {
            return "unknown"
        }
        return "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    /// The file for a key.
    public func fileURL(key: [UInt8]) -> URL {
        let hex = key.prefix(16).map { String(format: "%02x", $0) }.joined()
        return directory.appendingPathComponent("safeguard-\(hex).bin")
    }

    /// The payload cached for `key`, or `nil` when there is none or it does not check out
    /// (wrong magic, another key, a length or digest that does not match, too big, not a file).
    public func read(key: [UInt8]) -> Data? {
        guard let file = map(key: key) else { return nil }
        return Data(file.bytes.bytes[file.payloadOffset...])
    }

    /// The cache file for `key` mapped read-only, checked as ``read(key:)`` checks it, with where
    /// its payload starts: the precompiled tables are then read in place, as file-backed pages,
    /// rather than copied onto the heap. Files are only ever replaced by renaming a whole new file
    /// into place, never changed in place, so the mapping stays what was checked.
    public func map(key: [UInt8]) -> (bytes: PinnedBytes, payloadOffset: Int)? {
        let descriptor = open(fileURL(key: key).path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        defer { _ = close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
            info.st_size > 0, Int(info.st_size) <= Self.maxFileBytes,
            let file = PinnedBytes(mapping: descriptor, length: Int(info.st_size))
        else { return nil }
        let bytes = file.bytes
        let header = Self.magic.count + 32 + 8 + 32
        guard bytes.count >= header, bytes.prefix(Self.magic.count).elementsEqual(Self.magic) else {
            return nil
        }
        var offset = Self.magic.count
        guard bytes[offset..<offset + 32].elementsEqual(key) else { return nil }
        offset += 32
        var length: UInt64 = 0
        for index in 0..<8 { length |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
        offset += 8
        let digest = Array(bytes[offset..<offset + 32])
        offset += 32
        guard length == UInt64(bytes.count - offset) else { return nil }
        guard Array(SHA256.hash(data: UnsafeRawBufferPointer(rebasing: bytes[offset...]))) == digest else {
            return nil
        }
        return (file, offset)
    }

    /// Stores `payload` for `key`: folder 0700, file 0600, written whole to a temporary name
    /// then renamed. Returns whether it was stored (a read-only home is not an error).
    @discardableResult
    public func write(_ payload: [UInt8], key: [UInt8]) -> Bool {
        let path = directory.path
        var parent = ""
        for component in path.split(separator: "/") {
            parent += "/" + component
            if mkdir(parent, 0o700) != 0 && errno != EEXIST { return false }
        }
        var file = Self.magic + key
        let length = UInt64(payload.count)
        for index in 0..<8 { file.append(UInt8(truncatingIfNeeded: length >> (8 * UInt64(index)))) }
        file += Array(SHA256.hash(data: payload))
        file += payload
        let target = fileURL(key: key).path
        var random = SystemRandomNumberGenerator()
        let temporary = target + ".tmp-\(getpid())-\(String(random.next(), radix: 16))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { return false }
        _ = fchmod(descriptor, 0o600)  // whatever the umask
        var written = 0
        while written < file.count {
            let count = file.withUnsafeBytes {
                Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written)
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            written += count
        }
        let synced = written == file.count && fsync(descriptor) == 0
        _ = close(descriptor)
        guard synced, rename(temporary, target) == 0 else {
            _ = unlink(temporary)
            return false
        }
        prune(keeping: Self.filesKept, except: target)
        return true
    }

    /// How many cache files are kept: every rebuild of the program (and every lexicon edit) has
    /// its own key, so without pruning the folder grows by a file per build or upgrade.
    public static let filesKept = 4

    /// Removes all but the `count` most recently written cache files (never `except`, the one
    /// just written; never anything that is not a `safeguard-….bin` regular file). A process
    /// that was about to read a removed file finds none and compiles, as on a first launch.
    func prune(keeping count: Int, except kept: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        var files: [(path: String, modified: timespec)] = []
        for name in names where name.hasPrefix("safeguard-") && name.hasSuffix(".bin") {
            let path = directory.appendingPathComponent(name).path
            var info = stat()
            guard path != kept, lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            files.append((path, info.st_mtim))
        }
        files.sort {
            ($0.modified.tv_sec, $0.modified.tv_nsec, $0.path) > (
                $1.modified.tv_sec, $1.modified.tv_nsec, $1.path
            )
        }
        for file in files.dropFirst(max(0, count - 1)) { _ = unlink(file.path) }
    }
}
