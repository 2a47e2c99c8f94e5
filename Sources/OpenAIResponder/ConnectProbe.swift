import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Opens (and closes) a TCP connection to the server before a request, so the connect
/// timeout means what it says even for servers that only send response headers with the
/// first token (llama-cpp-python does), and so "no such host" and "nothing listening" are
/// told apart clearly.
enum ConnectProbe {
    /// What the probe found.
    enum Outcome: Sendable, Equatable {
        case reachable
        case nameNotFound
        case refused
        case timedOut
        case failed(Int32)
    }

    /// Probes `host:port` on a background thread, giving up after `timeout` seconds or
    /// soon after the calling task is cancelled.
    static func probe(host: String, port: Int, timeout: Double) async -> Outcome {
        let cancelled = CancellationFlag()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                DispatchQueue.global().async {
                    continuation.resume(
                        returning: probeBlocking(
                            host: host, port: port, timeout: timeout, isCancelled: cancelled.isSet))
                }
            }
        } onCancel: {
            cancelled.set()
        }
    }

    /// The blocking probe: resolve, then a non-blocking connect polled in short slices.
    static func probeBlocking(
        host: String, port: Int, timeout: Double, isCancelled: @Sendable () -> Bool
    ) -> Outcome {
        #if os(Linux) || os(macOS)
            var hints = addrinfo()
            hints.ai_family = AF_UNSPEC
            #if os(Linux)
                hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
            #else
                hints.ai_socktype = SOCK_STREAM
            #endif
            var list: UnsafeMutablePointer<addrinfo>?
            let status = getaddrinfo(host, String(port), &hints, &list)
            guard status == 0, let first = list else { return .nameNotFound }
            defer { freeaddrinfo(first) }

            let deadline = Date().addingTimeInterval(timeout)
            var outcome = Outcome.failed(0)
            var entry: UnsafeMutablePointer<addrinfo>? = first
            while let info = entry {
                outcome = attempt(info.pointee, deadline: deadline, isCancelled: isCancelled)
                if outcome == .reachable || outcome == .timedOut { return outcome }
                entry = info.pointee.ai_next
            }
            return outcome
        #else
            return .reachable
        #endif
    }

    #if os(Linux) || os(macOS)
        private static func attempt(
            _ info: addrinfo, deadline: Date, isCancelled: @Sendable () -> Bool
        ) -> Outcome {
            let descriptor = socket(info.ai_family, info.ai_socktype, info.ai_protocol)
            guard descriptor >= 0 else { return .failed(errno) }
            defer { close(descriptor) }
            let flags = fcntl(descriptor, F_GETFL, 0)
            _ = fcntl(descriptor, F_SETFL, flags | O_NONBLOCK)
            if connect(descriptor, info.ai_addr, info.ai_addrlen) == 0 { return .reachable }
            let connectError = errno
            guard connectError == EINPROGRESS else { return outcome(for: connectError) }
            var pollEntry = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
            while true {
                let remaining = deadline.timeIntervalSinceNow
                if remaining <= 0 || isCancelled() { return .timedOut }
                let slice = Int32(min(remaining, 0.05) * 1000) + 1
                let ready = poll(&pollEntry, 1, slice)
                if ready > 0 { break }
                if ready < 0, errno != EINTR { return .failed(errno) }
            }
            var socketError: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &socketError, &length)
            return socketError == 0 ? .reachable : outcome(for: socketError)
        }

        private static func outcome(for error: Int32) -> Outcome {
            error == ECONNREFUSED ? .refused : .failed(error)
        }
    #endif
}
