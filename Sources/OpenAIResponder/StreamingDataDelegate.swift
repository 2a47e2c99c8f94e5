import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Bridges `URLSession`'s data-delegate callbacks to an `AsyncThrowingStream`, so the body
/// arrives chunk by chunk as the server sends it (`URLSession.bytes` does not exist on Linux).
final class StreamingDataDelegate: NSObject, URLSessionDataDelegate, Sendable {
    /// What the network (or the watchdog) reports.
    enum Report: Sendable {
        case response(status: Int, retryAfter: String?, contentType: String?)
        case data(Data)
        case timedOut(StreamWatchdog.Phase)
    }

    let reports: AsyncThrowingStream<Report, any Error>
    let continuation: AsyncThrowingStream<Report, any Error>.Continuation

    override init() {
        (reports, continuation) = AsyncThrowingStream.makeStream(of: Report.self)
        super.init()
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        let http = response as? HTTPURLResponse
        let retryAfter = http?.value(forHTTPHeaderField: "Retry-After")
        let contentType = http?.value(forHTTPHeaderField: "Content-Type")
        continuation.yield(
            .response(status: http?.statusCode ?? 200, retryAfter: retryAfter, contentType: contentType))
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        continuation.yield(.data(data))
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        continuation.finish(throwing: error)
    }
}
