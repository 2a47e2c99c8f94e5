import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files only the owner can read (mode 0600): created with that mode, never widened.
public enum PrivateFile {
    /// A write that failed, with the system's reason.
    public struct WriteFailure: Error, Sendable, Equatable, CustomStringConvertible {
        public var path: String
        public var reason: String

        public var description: String { "could not write \(path): \(reason)" }
    }

    /// Write `data` to `url`, creating the file with mode 0600. An existing file is truncated
    /// and, if its mode lets anyone else read or write it, narrowed to the owner's bits.
    /// Symbolic links are not followed.
    public static func write(_ data: Data, to url: URL) throws {
        let path = url.path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else {
            throw WriteFailure(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_mode & 0o077 != 0 {
            _ = fchmod(descriptor, status.st_mode & 0o700)
        }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard var pointer = buffer.baseAddress else { return }
            var remaining = buffer.count
            while remaining > 0 {
                let written = Foundation.write(descriptor, pointer, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw WriteFailure(path: path, reason: String(cString: strerror(errno)))
                }
                remaining -= written
                pointer += written
            }
        }
    }

    /// Write UTF-8 `text` to `url` (mode 0600).
    public static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }
}
