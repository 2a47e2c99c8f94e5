import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Bridges `URLSession`'s data-delegate callbacks to an `AsyncThrowingStream`, so the body
/// arrives chunk by chunk as the server sends it (`URLSession.bytes` does not exist on Linux).
///
/// Redirects are refused (the API key and the conversation must never go to an address the
/// person did not configure), and the body is bounded: past `maxBodyBytes` the task is
/// cancelled and ``Report/tooLarge`` reported, so a never-ending stream cannot fill memory
/// even when it arrives faster than it is read.
final class StreamingDataDelegate: NSObject, URLSessionDataDelegate, Sendable {
    typealias Report = StreamReport

    let reports: AsyncThrowingStream<Report, any Error>
    let continuation: AsyncThrowingStream<Report, any Error>.Continuation
    private let maxBodyBytes: Int
    private let received = Mutex(0)

    init(maxBodyBytes: Int = .max) {
        (reports, continuation) = AsyncThrowingStream.makeStream(of: Report.self)
        self.maxBodyBytes = maxBodyBytes
        super.init()
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        // The refusal goes to URLSession first. Finishing the stream wakes the consumer, whose
        // end cancels the task; had that cancel reached the task while it still waited for this
        // answer, FoundationNetworking's own check ("Received callback for HTTP redirection, but
        // we're not waiting for it") would stop the whole process.
        completionHandler(nil)
        task.cancel()
        continuation.yield(.redirected(status: response.statusCode))
        continuation.finish()
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        let http = response as? HTTPURLResponse
        let status = http?.statusCode ?? 200
        if (300..<400).contains(status) {
            // A redirect that was not followed arrives as the final response: refuse it too.
            continuation.yield(.redirected(status: status))
            continuation.finish()
            completionHandler(.cancel)
            return
        }
        let retryAfter = http?.value(forHTTPHeaderField: "Retry-After")
        let contentType = http?.value(forHTTPHeaderField: "Content-Type")
        continuation.yield(.response(status: status, retryAfter: retryAfter, contentType: contentType))
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let total = received.withLock { count in
            count += data.count
            return count
        }
        if total > maxBodyBytes {
            continuation.yield(.tooLarge(limit: maxBodyBytes))
            continuation.finish()
            dataTask.cancel()
            return
        }
        continuation.yield(.data(data, arrived: .now))
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        continuation.finish(throwing: error)
    }
}
