import Foundation
import Glibc
import Safeguard

/// Standard input, output and error for the commands, safe against broken pipes and closed
/// descriptors (`waymark replay … | head -2`, `>&-`, `<&-`).
///
/// `SIGPIPE` is ignored, so a write to a closed pipe fails with `EPIPE` instead of killing
/// the process; writes go through ``write(_:)``, which throws, and ``say(_:)``, which exits
/// quietly: status 141 (as a shell reports a `SIGPIPE` death) on a broken pipe, a one-line
/// message and status 1 on any other failure. A descriptor that was closed when Waymark
/// started is filled with `/dev/null`, so no file Waymark opens later can take its number
/// (and receive the output meant for the terminal); reading a closed standard input, or
/// writing to a closed standard output, is then reported in one line.
enum StandardStreams {
    /// Why a write to standard output failed.
    struct WriteFailure: Error, CustomStringConvertible {
        /// The `errno` of the failed write (`EPIPE` for a reader that went away).
        var code: Int32
        var description: String {
            code == EBADF
                ? "standard output is closed"
                : "cannot write to standard output: \(String(cString: strerror(code)))"
        }
    }

    /// Exit status for a broken pipe (128 + SIGPIPE).
    static let brokenPipeStatus: Int32 = 141

    /// Which of 0, 1 and 2 were closed at start (set once by ``prepare()``, before any task).
    nonisolated(unsafe) private(set) static var closedAtStart: Set<Int32> = []

    /// Call first thing: ignore `SIGPIPE` and fill closed standard descriptors.
    static func prepare() {
        signal(SIGPIPE, SIG_IGN)
        var closed: Set<Int32> = []
        for descriptor: Int32 in [0, 1, 2] where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            let opened = open("/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY)
            if opened >= 0, opened != descriptor {
                dup2(opened, descriptor)
                close(opened)
            }
            closed.insert(descriptor)
        }
        closedAtStart = closed
    }

    /// Whether standard input was closed when Waymark started.
    static var inputIsClosed: Bool { closedAtStart.contains(0) }

    /// Write all of `data` to standard output, or throw.
    static func write(_ data: Data) throws(WriteFailure) {
        if closedAtStart.contains(1) { throw WriteFailure(code: EBADF) }
        try writeAll(data, to: STDOUT_FILENO)
    }

    /// Write `text` to standard output; on failure exit quietly (141 on a broken pipe).
    static func say(_ text: String) {
        say(Data(text.utf8))
    }

    /// Write `data` to standard output; on failure exit quietly (141 on a broken pipe).
    static func say(_ data: Data) {
        do {
            try write(data)
        } catch {
            exitQuietly(error)
        }
    }

    /// Write `text` to standard error, best effort (there is nowhere to report a failure).
    static func complain(_ text: String) {
        try? writeAll(Data(ExternalText.shown(text).utf8), to: STDERR_FILENO)
    }

    /// Ends the process for a failed write: silently with 141 on a broken pipe, otherwise
    /// with one line on standard error and status 1.
    static func exitQuietly(_ failure: WriteFailure) -> Never {
        if failure.code == EPIPE { exit(brokenPipeStatus) }
        complain("waymark: \(failure)\n")
        exit(1)
    }

    /// All of standard input, or a one-line reason it cannot be read.
    static func readAllInput() throws(ReadFailure) -> Data {
        if inputIsClosed { throw ReadFailure(description: "standard input is closed") }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count == 0 { return data }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadFailure(
                    description: "cannot read standard input: \(String(cString: strerror(errno)))")
            }
            data.append(contentsOf: buffer[0..<count])
        }
    }

    /// Why standard input could not be read.
    struct ReadFailure: Error, CustomStringConvertible {
        var description: String
    }

    private static func writeAll(_ data: Data, to descriptor: Int32) throws(WriteFailure) {
        var failure: Int32 = 0
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure != 0 { throw WriteFailure(code: failure) }
    }
}
