import ChatCore
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A responder backed by an OpenAI-compatible server (OpenAI, Ollama, llama.cpp's server,
/// llama-cpp-python, vLLM, LM Studio): `POST {baseURL}/chat/completions` with
/// `"stream": true`, parsed incrementally as server-sent events.
///
/// The system prompt comes first, then the safeguard's guidance for the turn as a second
/// system message, then the conversation. The API key is read once from the environment
/// variable the configuration names and is never logged, printed or written anywhere.
public struct OpenAIResponder: Responder {
    /// Where and how to reach the server.
    public let configuration: Configuration
    /// The standing system prompt (`resources/prompts/system.md`).
    public let systemPrompt: String
    private let apiKey: APIKey?
    /// Tests only: carry `http://` through URLSession too, as `https://` is, so that path
    /// stays tested against the local fakes.
    var usesURLSessionForHTTP = false

    /// - Parameters:
    ///   - configuration: The server, model and timeouts.
    ///   - systemPrompt: The standing instructions sent first in every request.
    ///   - environment: Where the API key variable named in `configuration` is looked up.
    public init(
        configuration: Configuration, systemPrompt: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.configuration = configuration
        self.systemPrompt = systemPrompt
        if let variable = configuration.apiKeyEnvironmentVariable, let key = environment[variable],
            !key.isEmpty
        {
            apiKey = APIKey(key)
        } else {
            apiKey = nil
        }
    }

    public var displayName: String {
        configuration.displayName ?? "\(configuration.model) at \(configuration.serverLabel)"
    }

    /// Whether an API key was found in the environment (the key itself is never exposed).
    public var hasAPIKey: Bool { apiKey != nil }

    public func respond(to request: ChatRequest) -> AsyncThrowingStream<ResponseEvent, any Error> {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: ResponseEvent.self)
        let task = Task {
            do {
                try await streamReply(to: request, into: continuation)
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    /// The messages sent to the server: system prompt, the turn's guidance, the conversation.
    public func promptMessages(for request: ChatRequest) -> [ChatMessage] {
        var messages: [ChatMessage] = []
        if !systemPrompt.isEmpty {
            messages.append(ChatMessage(role: .system, content: systemPrompt))
        }
        let instructions = request.guidance.instructions.filter { !$0.isEmpty }
        if !instructions.isEmpty {
            let text =
                "Guidance from Waymark's safeguard for this turn (follow it):\n"
                + instructions.map { "- \($0)" }.joined(separator: "\n")
            messages.append(ChatMessage(role: .system, content: text))
        }
        messages.append(contentsOf: request.messages.filter { $0.role != .system })
        return messages
    }

    /// The JSON body of the request for `request`.
    public func requestBody(for request: ChatRequest) throws -> Data {
        let body = ChatCompletionRequestBody(
            model: configuration.model, messages: promptMessages(for: request),
            temperature: configuration.temperature, maxTokens: configuration.maxTokens)
        return try JSONEncoder().encode(body)
    }

    // MARK: - Streaming

    private func streamReply(
        to request: ChatRequest, into output: AsyncThrowingStream<ResponseEvent, any Error>.Continuation
    ) async throws {
        let server = configuration.serverLabel
        let host = configuration.baseURL.host ?? server
        guard let scheme = configuration.baseURL.scheme?.lowercased(), scheme == "http" || scheme == "https"
        else {
            throw ResponderFailure(
                .misconfigured,
                "The base URL \u{201C}\(configuration.maskedBaseURL)\u{201D} is not an http:// or https:// address."
            )
        }
        let direct = Self.isDirect(scheme: scheme)
        if scheme == "http", direct, !usesURLSessionForHTTP {
            // Plain HTTP (where local servers live) goes over a socket that costs nothing while
            // it waits; URLSession stays for https:// and proxies (issue 17).
            try await streamOverSocket(to: request, into: output, server: server, host: host)
            return
        }
        if direct {
            let port = configuration.baseURL.port ?? (scheme == "https" ? 443 : 80)
            switch await ConnectProbe.probe(host: host, port: port, timeout: configuration.connectTimeout) {
            case .reachable, .failed:
                break  // let URLSession try and report
            case .nameNotFound:
                throw ResponderFailure.hostNotFound(host)
            case .refused:
                throw ResponderFailure.serverDown(server)
            case .timedOut:
                try Task.checkCancellation()
                throw ResponderFailure.connectTimedOut(server, seconds: configuration.connectTimeout)
            }
        }
        try Task.checkCancellation()

        var urlRequest = URLRequest(url: configuration.completionsURL)
        urlRequest.httpMethod = "POST"
        urlRequest.httpBody = try requestBody(for: request)
        urlRequest.setValue("application/json", forHTTPHeaderField: "Content-Type")
        urlRequest.setValue("text/event-stream", forHTTPHeaderField: "Accept")
        if let apiKey {
            urlRequest.setValue("Bearer \(apiKey.value)", forHTTPHeaderField: "Authorization")
        }
        // Our own watchdog enforces the timeouts; URLSession's is only a backstop.
        let backstop =
            min(
                configuration.connectTimeout + configuration.firstTokenTimeout + configuration.idleTimeout,
                configuration.totalTimeout) + 5
        urlRequest.timeoutInterval = backstop

        let sessionConfiguration = URLSessionConfiguration.ephemeral
        sessionConfiguration.timeoutIntervalForRequest = backstop
        sessionConfiguration.requestCachePolicy = .reloadIgnoringLocalCacheData
        let delegate = StreamingDataDelegate(maxBodyBytes: configuration.maxBodyBytes)
        let session = URLSession(configuration: sessionConfiguration, delegate: delegate, delegateQueue: nil)
        let dataTask = session.dataTask(with: urlRequest)

        let watchdog = StreamWatchdog(
            firstTokenTimeout: configuration.firstTokenTimeout, idleTimeout: configuration.idleTimeout,
            totalTimeout: configuration.totalTimeout)
        let watcher = Task {
            await watchdog.watch { _, seen in delegate.continuation.yield(.timedOut(at: seen)) }
        }
        defer {
            watchdog.finish()
            watcher.cancel()
            dataTask.cancel()
            session.invalidateAndCancel()
        }

        try await withTaskCancellationHandler {
            dataTask.resume()
            try await consume(
                delegate.reports, watchdog: watchdog, output: output, server: server, host: host)
        } onCancel: {
            dataTask.cancel()
        }
    }

    private func streamOverSocket(
        to request: ChatRequest, into output: AsyncThrowingStream<ResponseEvent, any Error>.Continuation,
        server: String, host: String
    ) async throws {
        let target = try HTTPRequestHead.target(for: configuration.completionsURL)
        let body = try requestBody(for: request)
        let head = try HTTPRequestHead.make(
            target: target, bodyLength: body.count, apiKey: apiKey,
            keyVariable: configuration.apiKeyEnvironmentVariable)
        let client: HTTPStreamClient
        do {
            client = try HTTPStreamClient(
                request: .init(host: target.host, port: target.port, bytes: head + Array(body)),
                connectTimeout: configuration.connectTimeout,
                backstop: configuration.connectTimeout + configuration.totalTimeout + 5,
                maxBodyBytes: configuration.maxBodyBytes)
        } catch let error as HTTPClientError {
            throw ResponderFailure.transport(
                error, server: server, host: host, connectTimeout: configuration.connectTimeout,
                midReply: false)
        }
        let watchdog = StreamWatchdog(
            firstTokenTimeout: configuration.firstTokenTimeout, idleTimeout: configuration.idleTimeout,
            totalTimeout: configuration.totalTimeout)
        let watcher = Task {
            await watchdog.watch { _, seen in client.yield(.timedOut(at: seen)) }
        }
        defer {
            watchdog.finish()
            watcher.cancel()
            client.cancel()
        }
        try await withTaskCancellationHandler {
            client.start()
            try await consume(client.reports, watchdog: watchdog, output: output, server: server, host: host)
        } onCancel: {
            client.cancel()
        }
    }

    private func consume(
        _ reports: AsyncThrowingStream<StreamReport, any Error>, watchdog: StreamWatchdog,
        output: AsyncThrowingStream<ResponseEvent, any Error>.Continuation, server: String, host: String
    ) async throws {
        var reply = ReplyState()
        var decoder = CompletionStreamDecoder(
            maxLineBytes: configuration.maxLineBytes, maxReplyBytes: configuration.maxReplyBytes)
        do {
            for try await report in reports {
                // A cancelled reply (/quit, Esc) stops here, not after whatever is buffered.
                try Task.checkCancellation()
                switch report {
                case .response(let status, let retryAfter, let contentType):
                    reply.status = status
                    reply.retryAfter = retryAfter
                    reply.isWholeJSON = contentType?.lowercased().contains("application/json") == true
                case .data(let bytes, let arrived):
                    if !reply.isSuccess || reply.isWholeJSON {
                        let room = max(0, min(1_048_576, configuration.maxBodyBytes) - reply.body.count)
                        reply.body.append(bytes.prefix(room))
                        continue
                    }
                    let events = try decoder.feed(bytes)
                    if events.contains(where: { if case .delta = $0 { true } else { false } }) {
                        watchdog.noteText(at: arrived)
                    } else if let expiry = watchdog.expiry(at: arrived) {
                        // Bytes without words after a deadline (a drip, pings): it has passed.
                        throw failure(for: expiry, server: server)
                    }
                    if emit(events, to: output) { return }
                case .timedOut(let seen):
                    // Everything that arrived before the watchdog looked has been read by now;
                    // if it held words, the limit had not passed (a starved consumer, not a
                    // silent server) and the watch goes on.
                    if let expiry = watchdog.expiry(at: seen) { throw failure(for: expiry, server: server) }
                case .redirected(let status):
                    throw ResponderFailure.redirectRefused(status: status, server: server)
                case .tooLarge(let limit):
                    throw ResponderFailure.streamTooLarge(limit: limit)
                }
            }
        } catch let error as URLError {
            if error.code == .cancelled || Task.isCancelled { throw CancellationError() }
            throw ResponderFailure.network(error, server: server, host: host, midReply: decoder.sawContent)
        } catch let error as HTTPClientError {
            if Task.isCancelled { throw CancellationError() }
            // The client's backstop can win the race with the watchdog on a loaded machine:
            // the watchdog's own limit, when one has passed, says which it was.
            if error == .timedOut, let expiry = watchdog.expiry(at: .now) {
                throw failure(for: expiry, server: server)
            }
            // An error body cut short still has its status: that is the answer.
            if error == .connectionLost, reply.status != nil, !reply.isSuccess { throw httpFailure(reply) }
            throw ResponderFailure.transport(
                error, server: server, host: host, connectTimeout: configuration.connectTimeout,
                midReply: decoder.sawContent)
        }
        try Task.checkCancellation()
        if !reply.isSuccess {
            throw httpFailure(reply)
        }
        if reply.isWholeJSON {
            // A server that ignored "stream": true and sent the whole reply as one object.
            guard let text = ChatCompletionChunk.wholeReplyText(reply.body) else {
                throw ResponderFailure.malformed()
            }
            guard !text.isEmpty else { throw ResponderFailure.emptyReply() }
            guard text.utf8.count <= configuration.maxReplyBytes else {
                throw ResponderFailure.replyTooLong(limit: configuration.maxReplyBytes)
            }
            _ = emit([.delta(text), .done], to: output)
            return
        }
        _ = try emit(decoder.finish(), to: output)
    }

    private func failure(for expiry: StreamWatchdog.Expiry, server: String) -> ResponderFailure {
        switch expiry {
        case .idle: return .fellSilent(seconds: configuration.idleTimeout)
        case .firstToken: return .noFirstToken(server, seconds: configuration.firstTokenTimeout)
        case .total: return .tookTooLong(seconds: configuration.totalTimeout)
        }
    }

    /// Passes events on; returns `true` once the reply is complete.
    private func emit(
        _ events: [ResponseEvent], to output: AsyncThrowingStream<ResponseEvent, any Error>.Continuation
    ) -> Bool {
        for event in events {
            if case .terminated = output.yield(event) { return true }
            if event == .done { return true }
        }
        return false
    }

    private func httpFailure(_ reply: ReplyState) -> ResponderFailure {
        let status = reply.status ?? 0
        switch status {
        case 401, 403:
            return .unauthorized(
                status: status, keyVariable: configuration.apiKeyEnvironmentVariable,
                keyPresent: apiKey != nil)
        case 404:
            return .modelNotFound(configuration.model, server: configuration.serverLabel)
        case 429:
            return .rateLimited(retryAfter: ResponderFailure.retryAfterSeconds(reply.retryAfter))
        case 500...599:
            return .serverFailed(status: status)
        default:
            return .unexpectedStatus(status, detail: Self.errorDetail(reply.body))
        }
    }

    /// The `error.message` (or `detail`) of a JSON error body, shortened for one sentence.
    static func errorDetail(_ body: Data) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { return nil }
        if let error = object["error"] as? [String: Any], let message = error["message"] as? String {
            return ResponderFailure.shortened(message)
        }
        if let message = object["error"] as? String { return ResponderFailure.shortened(message) }
        if let detail = object["detail"] as? String { return ResponderFailure.shortened(detail) }
        return nil
    }

    /// Whether the server is dialled directly: not when a proxy is configured (then the
    /// proxy, not the server, is dialled; URLSession goes through it, and nothing is probed).
    private static func isDirect(scheme: String) -> Bool {
        let environment = ProcessInfo.processInfo.environment
        let names = scheme == "https" ? ["https_proxy", "HTTPS_PROXY"] : ["http_proxy", "HTTP_PROXY"]
        return !names.contains { !(environment[$0] ?? "").isEmpty }
    }
}

/// What one streamed reply has seen so far.
private struct ReplyState {
    var status: Int?
    var retryAfter: String?
    /// A JSON body (an error, or a whole non-streamed reply) rather than an event stream.
    var isWholeJSON = false
    /// The body of an error or of a non-streamed reply (bounded).
    var body = Data()

    var isSuccess: Bool { (200..<300).contains(status ?? 200) }
}
