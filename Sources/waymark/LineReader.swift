import Foundation
import Glibc

/// Reads lines from a file or standard input a chunk at a time, so a huge input never sits
/// in memory whole: a line longer than ``maxLineBytes`` keeps its first part (cut at a
/// character boundary) and the rest is skipped, and the caller is told.
struct LineReader {
    /// One line without its `\n` (and without a `\r` before it).
    struct Line {
        var bytes: [UInt8]
        /// 1-based.
        var number: Int
        /// Whether the line was longer than the limit (only its start is in ``bytes``).
        var wasCut: Bool
    }

    /// Why the input could not be read, in a few words ("is a directory").
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The longest line kept, in bytes.
    let maxLineBytes: Int
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var pending: [UInt8] = []
    /// Where the unread part of ``pending`` starts.
    private var start = 0
    /// Input is read in blocks of this size (large reads, few system calls).
    static let blockBytes = 1 << 20
    private var chunk = [UInt8](repeating: 0, count: blockBytes)
    private var atEnd = false
    private var lineNumber = 0

    /// Default longest line: 1 MB.
    static let defaultMaxLineBytes = 1 << 20

    /// Reads standard input.
    init(standardInputWithMaxLineBytes maxLineBytes: Int = defaultMaxLineBytes) {
        descriptor = STDIN_FILENO
        ownsDescriptor = false
        self.maxLineBytes = maxLineBytes
    }

    /// Opens `path` (a file, `/dev/stdin`, a process substitution); a folder or an unreadable
    /// file is a ``Failure`` that says so.
    init(path: String, maxLineBytes: Int = defaultMaxLineBytes) throws(Failure) {
        let opened = open(path, O_RDONLY | O_CLOEXEC)
        guard opened >= 0 else { throw Failure(description: Self.reason(errno)) }
        var info = stat()
        if fstat(opened, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            _ = Glibc.close(opened)
            throw Failure(description: "it is a folder, not a file")
        }
        descriptor = opened
        ownsDescriptor = true
        self.maxLineBytes = maxLineBytes
    }

    /// The whole of `path`, read through a reader (so a folder or an unreadable file is a
    /// ``Failure`` that says why); lines longer than `maxLineBytes` are cut.
    static func readAll(path: String, maxLineBytes: Int = defaultMaxLineBytes) throws(Failure) -> Data {
        var reader = try LineReader(path: path, maxLineBytes: maxLineBytes)
        defer { reader.close() }
        var data = Data()
        while let line = try reader.next() {
            data.append(contentsOf: line.bytes)
            data.append(0x0A)
        }
        return data
    }

    /// Closes the file (not standard input).
    func close() {
        if ownsDescriptor { _ = Glibc.close(descriptor) }
    }

    /// The next line, or `nil` at the end of the input (a last line without `\n` counts).
    mutating func next() throws(Failure) -> Line? {
        var line: [UInt8] = []
        var wasCut = false
        while true {
            if let newline = Self.newline(in: pending, from: start) {
                append(pending[start..<newline], to: &line, wasCut: &wasCut)
                start = newline + 1
                return finish(line, wasCut: wasCut)
            }
            append(pending[start...], to: &line, wasCut: &wasCut)
            pending.removeAll(keepingCapacity: true)
            start = 0
            if atEnd {
                return line.isEmpty && !wasCut ? nil : finish(line, wasCut: wasCut)
            }
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(description: Self.reason(errno))
            }
            if count == 0 {
                atEnd = true
            } else {
                pending.append(contentsOf: chunk[0..<count])
            }
        }
    }

    /// The index of the next `\n` in `bytes` at or after `start` (`memchr`).
    private static func newline(in bytes: [UInt8], from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        return bytes.withUnsafeBytes { buffer -> Int? in
            guard let base = buffer.baseAddress,
                let found = memchr(base + start, 0x0A, buffer.count - start)
            else { return nil }
            return base.distance(to: UnsafeRawPointer(found))
        }
    }

    private func append(_ bytes: ArraySlice<UInt8>, to line: inout [UInt8], wasCut: inout Bool) {
        let room = maxLineBytes - line.count
        if bytes.count <= room {
            line.append(contentsOf: bytes)
        } else {
            line.append(contentsOf: bytes.prefix(max(0, room)))
            wasCut = true
        }
    }

    private mutating func finish(_ bytes: [UInt8], wasCut: Bool) -> Line {
        lineNumber += 1
        var line = bytes
        if wasCut,
            let lastStart = (max(0, line.count - 4)..<line.count).last(where: { line[$0] & 0xC0 != 0x80 })
        {
            // Never end inside a UTF-8 character: drop a partial last one.
            let lead = line[lastStart]
            let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            if lastStart + length > line.count { line.removeSubrange(lastStart...) }
        } else if line.last == 0x0D {
            line.removeLast()
        }
        return Line(bytes: line, number: lineNumber, wasCut: wasCut)
    }

    private static func reason(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: return "permission denied (check who owns it and its mode)"
        case ENOENT: return "no such file"
        case EISDIR: return "it is a folder, not a file"
        default: return String(cString: strerror(code))
        }
    }
}
