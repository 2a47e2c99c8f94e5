import Foundation

/// Why an HTTP exchange over ``HTTPStreamClient`` failed (not the server's HTTP status: that
/// is an answer, reported as a response).
enum HTTPClientError: Error, Sendable, Equatable {
    /// The host name could not be resolved.
    case nameNotFound
    /// Nothing listens at the address (connection refused).
    case refused
    /// The connection could not be opened within the connect timeout.
    case connectTimedOut
    /// Opening the connection failed otherwise (`errno`).
    case connectFailed(Int32)
    /// The connection closed (or was reset) before the response was complete.
    case connectionLost
    /// The response headers went past ``HTTPResponseReader/maxHeadBytes``.
    case headTooLarge(limit: Int)
    /// The response broke HTTP/1.1's rules (what, in a few words, for the sentence).
    case malformed(String)
    /// The request's own time limit (a backstop behind the watchdog) passed.
    case timedOut
}

/// A response's status line and the headers Waymark reads.
struct HTTPResponseHead: Sendable, Equatable {
    var status: Int
    /// Header fields in order, names lowercased (values are the server's bytes, decoded leniently).
    var fields: [(name: String, value: String)]

    /// The first value of header `name` (lowercase).
    func value(_ name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// Every value of header `name` (lowercase).
    func values(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }

    static func == (lhs: HTTPResponseHead, rhs: HTTPResponseHead) -> Bool {
        lhs.status == rhs.status && lhs.fields.elementsEqual(rhs.fields) { $0 == $1 }
    }
}

/// An incremental, bounded reader of one HTTP/1.1 response: feed it bytes exactly as they come
/// off the socket, split anywhere, and it returns the head once it is complete and then the
/// body's bytes with the framing removed (`Content-Length`, `Transfer-Encoding: chunked`, or
/// until the connection closes). Pure and synchronous, so hostile input is tested without a
/// network.
///
/// The server is not trusted: the head (with any interim 1xx heads and the chunked trailers) is
/// at most ``maxHeadBytes``; a chunk-size line at most 1 KB; every length is checked for
/// overflow; anything outside the grammar is ``HTTPClientError/malformed(_:)``.
struct HTTPResponseReader: Sendable {
    /// What one call produced, in order.
    enum Output: Sendable, Equatable {
        case head(HTTPResponseHead)
        case body([UInt8])
        /// The body is complete (the connection can be closed).
        case end
    }

    private enum Framing: Sendable {
        case length(remaining: Int)
        case chunked
        case untilClose
    }

    private enum ChunkState: Sendable {
        case size
        case data(remaining: Int)
        /// After a chunk's data: `\r\n` (or a bare `\n`) must follow.
        case dataEnd(sawCR: Bool)
        case trailers
    }

    private enum State: Sendable {
        case head
        case body(Framing)
        case done
    }

    /// The most bytes of response head (and trailers) accepted.
    let maxHeadBytes: Int
    /// The longest chunk-size line (with its extensions) accepted.
    static let maxChunkLineBytes = 1024

    private var state = State.head
    private var chunk = ChunkState.size
    /// The line being gathered (head, chunk size or trailer).
    private var line: [UInt8] = []
    /// The head's lines so far.
    private var headLines: [[UInt8]] = []
    /// Head and trailer bytes so far, against ``maxHeadBytes``.
    private var headBytes = 0

    /// Whether the complete response has been read.
    var isComplete: Bool {
        if case .done = state { return true }
        return false
    }

    init(maxHeadBytes: Int = 65_536) {
        self.maxHeadBytes = maxHeadBytes
    }

    /// Reads another piece of the response.
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) throws(HTTPClientError) -> [Output] {
        var outputs: [Output] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            switch state {
            case .done:
                return outputs  // anything after the response is ignored (the connection closes)
            case .head:
                index = try readHead(bytes, from: index, into: &outputs)
            case .body(.length(let remaining)):
                let take = min(remaining, bytes.endIndex - index)
                outputs.append(.body(Array(bytes[index..<index + take])))
                index += take
                if remaining - take == 0 {
                    finish(into: &outputs)
                } else {
                    state = .body(.length(remaining: remaining - take))
                }
            case .body(.untilClose):
                outputs.append(.body(Array(bytes[index..<bytes.endIndex])))
                index = bytes.endIndex
            case .body(.chunked):
                index = try readChunked(bytes, from: index, into: &outputs)
            }
        }
        return outputs
    }

    /// Convenience for tests and small inputs.
    mutating func feed(_ bytes: [UInt8]) throws(HTTPClientError) -> [Output] {
        var result: Result<[Output], HTTPClientError> = .success([])
        bytes.withUnsafeBufferPointer { buffer in
            do throws(HTTPClientError) {
                result = .success(try feed(buffer))
            } catch {
                result = .failure(error)
            }
        }
        return try result.get()
    }

    /// The connection closed: the end of a body read until close, or a cut response.
    mutating func finishAtClose() throws(HTTPClientError) -> [Output] {
        switch state {
        case .done:
            return []
        case .body(.untilClose):
            state = .done
            return [.end]
        default:
            throw .connectionLost
        }
    }

    // MARK: - Head

    private mutating func readHead(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into outputs: inout [Output]
    ) throws(HTTPClientError) -> Int {
        var index = start
        while index < bytes.endIndex {
            let lineEnd = bytes[index..<bytes.endIndex].firstIndex(of: 0x0A)
            let stop = lineEnd ?? bytes.endIndex
            headBytes += stop - index + (lineEnd == nil ? 0 : 1)
            if headBytes > maxHeadBytes { throw .headTooLarge(limit: maxHeadBytes) }
            line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<stop]))
            guard let lineEnd else { return bytes.endIndex }
            index = lineEnd + 1
            if line.last == 0x0D { line.removeLast() }
            if line.isEmpty {
                if headLines.isEmpty { continue }  // stray blank lines before a status line
                try completeHead(into: &outputs)
                if case .head = state { continue }  // an interim 1xx head: the real one follows
                return index
            }
            headLines.append(line)
            line.removeAll(keepingCapacity: true)
        }
        return index
    }

    private mutating func completeHead(into outputs: inout [Output]) throws(HTTPClientError) {
        let lines = headLines
        headLines.removeAll()
        guard let statusLine = lines.first else { throw .malformed("no status line") }
        let status = try Self.status(of: statusLine)
        var fields: [(name: String, value: String)] = []
        for raw in lines.dropFirst() {
            fields.append(try Self.field(raw))
        }
        if (100..<200).contains(status) {
            guard status != 101 else { throw .malformed("an unrequested protocol switch") }
            return  // 100 Continue, 103 Early Hints: wait for the final head
        }
        let head = HTTPResponseHead(status: status, fields: fields)
        outputs.append(.head(head))
        if status == 204 || status == 304 || (300..<400).contains(status) {
            finish(into: &outputs)  // no body is read (a redirect is refused, not followed)
            return
        }
        let codings = head.values("transfer-encoding").joined(separator: ",")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .filter { !$0.isEmpty }
        if !codings.isEmpty {
            state = .body(codings.last == "chunked" ? .chunked : .untilClose)
            chunk = .size
            return
        }
        let lengths = head.values("content-length").flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        if let first = lengths.first {
            guard lengths.allSatisfy({ $0 == first }), let length = Self.decimal(first) else {
                throw .malformed("an invalid Content-Length")
            }
            if length == 0 {
                finish(into: &outputs)
            } else {
                state = .body(.length(remaining: length))
            }
            return
        }
        state = .body(.untilClose)
    }

    /// `HTTP/1.x NNN reason`.
    private static func status(of line: [UInt8]) throws(HTTPClientError) -> Int {
        let prefix = Array("HTTP/1.".utf8)
        guard line.count >= 12, line.starts(with: prefix), (0x30...0x39).contains(line[7]), line[8] == 0x20
        else { throw .malformed("an invalid status line") }
        let digits = line[9..<12]
        guard digits.allSatisfy({ (0x30...0x39).contains($0) }), line.count == 12 || line[12] == 0x20 else {
            throw .malformed("an invalid status line")
        }
        let status = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        guard (100...599).contains(status) else { throw .malformed("an invalid status code") }
        return status
    }

    /// `name: value`; the name is an HTTP token, the value is trimmed of spaces and tabs.
    private static func field(_ line: [UInt8]) throws(HTTPClientError) -> (name: String, value: String) {
        guard let colon = line.firstIndex(of: 0x3A), colon > 0 else {
            throw .malformed("an invalid header line")
        }
        let name = line[..<colon]
        guard name.allSatisfy(isTokenByte) else { throw .malformed("an invalid header name") }
        var value = line[(colon + 1)...]
        while let first = value.first, first == 0x20 || first == 0x09 { value.removeFirst() }
        while let last = value.last, last == 0x20 || last == 0x09 { value.removeLast() }
        return (String(decoding: name, as: UTF8.self).lowercased(), String(decoding: value, as: UTF8.self))
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
            UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            return true
        default: return false
        }
    }

    /// A non-negative decimal of at most 18 digits (no sign, no spaces).
    private static func decimal(_ text: String) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 18, text.utf8.allSatisfy({ (0x30...0x39).contains($0) })
        else {
            return nil
        }
        return Int(text)
    }

    // MARK: - Chunked body

    private mutating func readChunked(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into outputs: inout [Output]
    ) throws(HTTPClientError) -> Int {
        var index = start
        while index < bytes.endIndex {
            switch chunk {
            case .size:
                let lineEnd = bytes[index..<bytes.endIndex].firstIndex(of: 0x0A)
                let stop = lineEnd ?? bytes.endIndex
                guard line.count + (stop - index) <= Self.maxChunkLineBytes else {
                    throw .malformed("a chunk-size line that never ends")
                }
                line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<stop]))
                guard let lineEnd else { return bytes.endIndex }
                index = lineEnd + 1
                if line.last == 0x0D { line.removeLast() }
                let size = try Self.chunkSize(line)
                line.removeAll(keepingCapacity: true)
                chunk = size == 0 ? .trailers : .data(remaining: size)
            case .data(let remaining):
                let take = min(remaining, bytes.endIndex - index)
                outputs.append(.body(Array(bytes[index..<index + take])))
                index += take
                chunk = remaining == take ? .dataEnd(sawCR: false) : .data(remaining: remaining - take)
            case .dataEnd(let sawCR):
                let byte = bytes[index]
                index += 1
                if byte == 0x0A {
                    chunk = .size
                } else if byte == 0x0D, !sawCR {
                    chunk = .dataEnd(sawCR: true)
                } else {
                    throw .malformed("a chunk longer than its size")
                }
            case .trailers:
                let lineEnd = bytes[index..<bytes.endIndex].firstIndex(of: 0x0A)
                let stop = lineEnd ?? bytes.endIndex
                headBytes += stop - index + (lineEnd == nil ? 0 : 1)
                if headBytes > maxHeadBytes { throw .headTooLarge(limit: maxHeadBytes) }
                line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<stop]))
                guard let lineEnd else { return bytes.endIndex }
                index = lineEnd + 1
                if line.last == 0x0D { line.removeLast() }
                if line.isEmpty {
                    finish(into: &outputs)
                    return index
                }
                line.removeAll(keepingCapacity: true)  // trailer fields are not used
            }
        }
        return index
    }

    /// The size on a chunk-size line: hex digits, then optional whitespace and `;extensions`.
    private static func chunkSize(_ line: [UInt8]) throws(HTTPClientError) -> Int {
        var size = 0
        var digits = 0
        var index = 0
        while index < line.count, let value = hexValue(line[index]) {
            digits += 1
            guard digits <= 15 else { throw .malformed("a chunk size too large") }
            size = size * 16 + value
            index += 1
        }
        guard digits > 0 else { throw .malformed("an invalid chunk size") }
        while index < line.count, line[index] == 0x20 || line[index] == 0x09 { index += 1 }
        guard index == line.count || line[index] == UInt8(ascii: ";") else {
            throw .malformed("an invalid chunk size")
        }
        return size
    }

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 0x30...0x39: return Int(byte - 0x30)
        case 0x41...0x46: return Int(byte - 0x41 + 10)
        case 0x61...0x66: return Int(byte - 0x61 + 10)
        default: return nil
        }
    }

    private mutating func finish(into outputs: inout [Output]) {
        state = .done
        line = []
        outputs.append(.end)
    }
}
