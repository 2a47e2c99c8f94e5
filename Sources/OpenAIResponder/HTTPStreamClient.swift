import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One streamed HTTP/1.1 exchange over a plain TCP socket, for `http://` servers (issue 17).
///
/// FoundationNetworking's `URLSession` keeps a CPU core busy for as long as a streamed request
/// is open, even when the server sends nothing (its libcurl glue re-registers the socket with
/// libdispatch thousands of times a second). This client costs nothing while it waits: one
/// dedicated thread sleeps in `poll(2)` on the socket and a wake-up pipe, with no timeout
/// slices — the reply's timeouts are the ``StreamWatchdog``'s, and ``cancel()`` wakes the
/// thread, which closes the socket at once.
///
/// The response is read by ``HTTPResponseReader`` (bounded head, checked framing) and reported
/// as ``StreamReport``s, as the `URLSession` delegate reports them: the status, the body's
/// bytes stamped with when they arrived, a refused redirect, a body past `maxBodyBytes`. A
/// failure finishes the stream with an ``HTTPClientError``; a clean end finishes it normally.
final class HTTPStreamClient: Sendable {
    /// What to send, and where.
    struct Request: Sendable {
        /// The host to connect to (a name, or an address without brackets).
        var host: String
        var port: Int
        /// The request head and body, ready to write.
        var bytes: [UInt8]
    }

    let reports: AsyncThrowingStream<StreamReport, any Error>
    private let continuation: AsyncThrowingStream<StreamReport, any Error>.Continuation
    private let request: Request
    private let connectTimeout: Double
    private let backstop: Double
    private let maxBodyBytes: Int
    private let maxHeadBytes: Int
    private let wake: WakePipe

    /// - Parameters:
    ///   - connectTimeout: Seconds allowed to resolve and connect.
    ///   - backstop: Seconds after which the exchange ends whatever happens (the watchdog's
    ///     limits, the total among them, come first; this only bounds the thread if nobody
    ///     cancels it).
    ///   - maxBodyBytes: The most body bytes read; past it ``StreamReport/tooLarge(limit:)``.
    ///   - maxHeadBytes: The most bytes of response head (and trailers).
    init(
        request: Request, connectTimeout: Double, backstop: Double, maxBodyBytes: Int,
        maxHeadBytes: Int = 65_536
    ) throws {
        (reports, continuation) = AsyncThrowingStream.makeStream(of: StreamReport.self)
        self.request = request
        // Clamped: `Duration.seconds` traps on infinities, and a day is past every limit.
        self.connectTimeout = min(max(0, connectTimeout), 86_400)
        self.backstop = min(max(0, backstop), 86_400)
        self.maxBodyBytes = maxBodyBytes
        self.maxHeadBytes = maxHeadBytes
        wake = try WakePipe()
        let wake = self.wake
        continuation.onTermination = { _ in wake.signal() }
    }

    /// Starts the exchange on its own thread.
    func start() {
        let thread = Thread { [self] in
            run()
        }
        thread.name = "waymark-http"
        thread.stackSize = 512 * 1024
        thread.start()
    }

    /// Stops the exchange: the thread wakes, closes the socket and ends the stream. Safe to
    /// call from any thread, any number of times, before or after the exchange ends.
    func cancel() {
        wake.signal()
    }

    /// Another task's way to yield into the stream (the watchdog's expiries).
    func yield(_ report: StreamReport) {
        continuation.yield(report)
    }

    // MARK: - The thread

    private func run() {
        defer { wake.closeEnds() }
        let deadline = ContinuousClock.now + .seconds(backstop)
        let descriptor: Int32
        switch openConnection() {
        case .success(let connected):
            descriptor = connected
        case .failure(let error):
            finish(error)
            return
        }
        defer { _ = close(descriptor) }
        do throws(HTTPClientError) {
            try sendRequest(on: descriptor, deadline: deadline)
            try receiveResponse(on: descriptor, deadline: deadline)
            continuation.finish()
        } catch {
            finish(error)
        }
    }

    private func finish(_ error: HTTPClientError) {
        if wake.isSignalled {
            continuation.finish(throwing: CancellationError())
        } else {
            continuation.finish(throwing: error)
        }
    }

    /// Waits until `descriptor` is ready for `events`, the wake pipe is signalled, or
    /// `deadline` passes. Returns whether the descriptor is ready.
    private func wait(
        _ descriptor: Int32, for events: Int32, until deadline: ContinuousClock.Instant
    ) throws(HTTPClientError) -> Bool {
        var entries = [
            pollfd(fd: descriptor, events: Int16(events), revents: 0),
            pollfd(fd: wake.readEnd, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            let remaining = deadline - ContinuousClock.now
            if remaining <= .zero { throw .timedOut }
            let (seconds, attoseconds) = remaining.components
            let milliseconds = min(Int64(Int32.max), seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
            let ready = poll(&entries, 2, Int32(milliseconds))
            if ready < 0 {
                if errno == EINTR { continue }
                throw .connectionLost
            }
            if entries[1].revents != 0 { return false }  // cancelled
            if entries[0].revents != 0 { return true }
        }
    }

    // MARK: Connecting

    private func openConnection() -> Result<Int32, HTTPClientError> {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if os(Linux)
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
            hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(request.host, String(request.port), &hints, &list)
        guard status == 0, let first = list else { return .failure(.nameNotFound) }
        defer { freeaddrinfo(first) }
        if wake.isSignalled { return .failure(.connectionLost) }

        let deadline = ContinuousClock.now + .seconds(connectTimeout)
        var failure = HTTPClientError.refused
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let info = entry?.pointee {
            entry = info.ai_next
            let descriptor = socket(info.ai_family, info.ai_socktype, info.ai_protocol)
            guard descriptor >= 0 else {
                failure = .connectFailed(errno)
                continue
            }
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL, 0) | O_NONBLOCK)
            switch attempt(descriptor, info, deadline: deadline) {
            case nil:
                var on: Int32 = 1
                _ = setsockopt(
                    descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
                return .success(descriptor)
            case .connectTimedOut:
                _ = close(descriptor)
                return .failure(.connectTimedOut)
            case let error?:
                _ = close(descriptor)
                failure = error
                if wake.isSignalled { return .failure(error) }
            }
        }
        return .failure(failure)
    }

    /// Connects `descriptor` (non-blocking); `nil` when connected.
    private func attempt(_ descriptor: Int32, _ info: addrinfo, deadline: ContinuousClock.Instant)
        -> HTTPClientError?
    {
        if connect(descriptor, info.ai_addr, info.ai_addrlen) == 0 { return nil }
        let connectError = errno
        guard connectError == EINPROGRESS else { return Self.connectError(connectError) }
        do throws(HTTPClientError) {
            guard try wait(descriptor, for: Int32(POLLOUT), until: deadline) else { return .connectionLost }
        } catch {
            return .connectTimedOut
        }
        var socketError: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &socketError, &length)
        return socketError == 0 ? nil : Self.connectError(socketError)
    }

    private static func connectError(_ code: Int32) -> HTTPClientError {
        code == ECONNREFUSED ? .refused : .connectFailed(code)
    }

    // MARK: Sending and receiving

    private func sendRequest(on descriptor: Int32, deadline: ContinuousClock.Instant) throws(HTTPClientError)
    {
        var offset = 0
        let bytes = request.bytes
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { buffer in
                send(descriptor, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent > 0 {
                offset += sent
                continue
            }
            let code = errno
            if sent < 0, code == EINTR { continue }
            if sent < 0, code == EAGAIN || code == EWOULDBLOCK {
                guard try wait(descriptor, for: Int32(POLLOUT), until: deadline) else {
                    throw .connectionLost
                }
                continue
            }
            // The server stopped reading (it may have answered early, e.g. 413): read the answer.
            return
        }
    }

    private func receiveResponse(on descriptor: Int32, deadline: ContinuousClock.Instant)
        throws(HTTPClientError)
    {
        var reader = HTTPResponseReader(maxHeadBytes: maxHeadBytes)
        var buffer = [UInt8](repeating: 0, count: 16_384)
        var received = 0
        // Framing counts too (a stream of one-byte chunks with 1 KB extensions must stop).
        var rawReceived = 0
        let rawLimit = maxBodyBytes > Int.max / 4 ? Int.max : maxBodyBytes * 2 + maxHeadBytes
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            var outputs: [HTTPResponseReader.Output]
            if count > 0 {
                rawReceived += count
                if rawReceived > rawLimit {
                    continuation.yield(.tooLarge(limit: maxBodyBytes))
                    return
                }
                outputs = try buffer.withUnsafeBufferPointer { whole throws(HTTPClientError) in
                    try reader.feed(UnsafeBufferPointer(rebasing: whole[0..<count]))
                }
            } else if count == 0 {
                outputs = try reader.finishAtClose()
            } else {
                let code = errno
                if code == EINTR { continue }
                guard code == EAGAIN || code == EWOULDBLOCK else { throw .connectionLost }
                guard try wait(descriptor, for: Int32(POLLIN), until: deadline) else { throw .connectionLost }
                continue
            }
            let arrived = ContinuousClock.now
            for output in outputs {
                switch output {
                case .head(let head):
                    if (300..<400).contains(head.status) {
                        continuation.yield(.redirected(status: head.status))
                        return
                    }
                    continuation.yield(
                        .response(
                            status: head.status, retryAfter: head.value("retry-after"),
                            contentType: head.value("content-type")))
                case .body(let bytes):
                    received += bytes.count
                    if received > maxBodyBytes {
                        continuation.yield(.tooLarge(limit: maxBodyBytes))
                        return
                    }
                    continuation.yield(.data(Data(bytes), arrived: arrived))
                case .end:
                    return
                }
            }
            if count == 0 { return }
        }
    }
}

/// A pipe whose write end wakes the client's thread; both ends are closed once, by the thread
/// (the write end under a lock, so a late ``signal()`` never writes to a reused descriptor).
private final class WakePipe: Sendable {
    let readEnd: Int32
    private let writeEnd: Mutex<Int32?>
    private let signalled = Mutex(false)

    init() throws {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw HTTPClientError.connectFailed(errno) }
        for end in ends {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL, 0) | O_NONBLOCK)
        }
        readEnd = ends[0]
        writeEnd = Mutex(ends[1])
    }

    var isSignalled: Bool { signalled.withLock { $0 } }

    func signal() {
        let first = signalled.withLock { flag in
            defer { flag = true }
            return !flag
        }
        guard first else { return }
        writeEnd.withLock { end in
            guard let end else { return }
            var byte: UInt8 = 1
            _ = write(end, &byte, 1)
        }
    }

    func closeEnds() {
        writeEnd.withLock { end in
            if let open = end { _ = close(open) }
            end = nil
        }
        _ = close(readEnd)
    }
}
