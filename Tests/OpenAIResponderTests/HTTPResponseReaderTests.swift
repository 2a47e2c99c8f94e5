import Testing

@testable import OpenAIResponder

/// The socket transport's response reader (issue 17), fed what a hostile server might send,
/// split anywhere.
struct HTTPResponseReaderTests {
    private struct Read: Equatable {
        var status: Int?
        var body: [UInt8] = []
        var ended = false
    }

    /// Feeds `bytes` in pieces of `piece` bytes (0: all at once), then the close if asked.
    private func read(_ bytes: [UInt8], piece: Int = 0, close: Bool = false, maxHead: Int = 65_536)
        throws(HTTPClientError) -> Read
    {
        var reader = HTTPResponseReader(maxHeadBytes: maxHead)
        var result = Read()
        func apply(_ outputs: [HTTPResponseReader.Output]) {
            for output in outputs {
                switch output {
                case .head(let head): result.status = head.status
                case .body(let part): result.body += part
                case .end: result.ended = true
                }
            }
        }
        let size = piece > 0 ? piece : max(1, bytes.count)
        var index = 0
        while index < bytes.count {
            apply(try reader.feed(Array(bytes[index..<min(index + size, bytes.count)])))
            index += size
        }
        if close { apply(try reader.finishAtClose()) }
        return result
    }

    private func error(_ text: String, close: Bool = false, maxHead: Int = 65_536) -> HTTPClientError? {
        do throws(HTTPClientError) {
            _ = try read(Array(text.utf8), close: close, maxHead: maxHead)
            return nil
        } catch {
            return error
        }
    }

    private static let chunked =
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "5\r\nhello\r\n7;name=value\r\n, world\r\n0\r\nx-trailer: 1\r\n\r\n"

    @Test(arguments: [0, 1, 2, 3, 7])
    func chunkedBodyIsReassembledHoweverItIsSplit(piece: Int) throws {
        let result = try read(Array(Self.chunked.utf8), piece: piece)
        #expect(result == Read(status: 200, body: Array("hello, world".utf8), ended: true))
    }

    @Test func contentLengthEndsTheBodyWithoutTheClose() throws {
        let text = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhelloIGNORED"
        #expect(
            try read(Array(text.utf8), piece: 4) == Read(status: 200, body: Array("hello".utf8), ended: true))
    }

    @Test func aBodyWithoutFramingEndsAtTheClose() throws {
        let text = "HTTP/1.0 200 OK\nContent-Type: text/event-stream\n\nhello"
        #expect(
            try read(Array(text.utf8), close: true)
                == Read(status: 200, body: Array("hello".utf8), ended: true))
    }

    @Test func interimResponsesAreSkipped() throws {
        let text = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: <x>\r\n\r\n" + Self.chunked
        #expect(try read(Array(text.utf8), piece: 5).status == 200)
    }

    @Test func aRedirectIsReportedWithoutReadingItsBody() throws {
        let text =
            "HTTP/1.1 307 Temporary Redirect\r\nLocation: http://elsewhere/\r\nContent-Length: 9\r\n\r\n"
        #expect(try read(Array(text.utf8)) == Read(status: 307, body: [], ended: true))
    }

    @Test(arguments: [
        ("zz\r\n", "an invalid chunk size"),
        ("10000000000000000\r\n", "a chunk size too large"),
        ("-5\r\n", "an invalid chunk size"),
        ("5 x\r\n", "an invalid chunk size"),
        ("2\r\nhello\r\n", "a chunk longer than its size"),
        (String(repeating: "0", count: 2000), "a chunk-size line that never ends"),
    ])
    func brokenChunkedFramingIsMalformed(body: String, expected: String) {
        let head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        #expect(error(head + body) == .malformed(expected))
    }

    @Test(arguments: [
        "HTTP/1.1 2OO OK\r\n\r\n", "HTTP/2 200\r\n\r\n", "SSH-2.0-OpenSSH\r\n\r\n",
        "HTTP/1.1 999 Nope\r\n\r\n",
        "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n", "HTTP/1.1 200 OK\r\n folded: value\r\n\r\n",
        "HTTP/1.1 200 OK\r\nbad name: x\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n",
        "HTTP/1.1 101 Switching Protocols\r\n\r\n",
    ])
    func anInvalidHeadIsMalformed(text: String) {
        guard case .malformed = error(text) else {
            Issue.record("accepted: \(text.debugDescription)")
            return
        }
    }

    @Test func theHeadIsBoundedEvenWhenItNeverEnds() {
        let endless = "HTTP/1.1 200 OK\r\nx-padding: " + String(repeating: "a", count: 70_000)
        #expect(error(endless) == .headTooLarge(limit: 65_536))
        let many = "HTTP/1.1 200 OK\r\n" + String(repeating: "x-a: b\r\n", count: 10_000)
        #expect(error(many) == .headTooLarge(limit: 65_536))
        let interim = String(repeating: "HTTP/1.1 103 Early Hints\r\nLink: <x>\r\n\r\n", count: 3_000)
        #expect(error(interim) == .headTooLarge(limit: 65_536))
        let trailers =
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n"
            + String(repeating: "t: x\r\n", count: 20_000)
        #expect(error(trailers) == .headTooLarge(limit: 65_536))
    }

    @Test func aCloseBeforeTheEndIsALostConnection() {
        #expect(error("HTTP/1.1 200 OK\r\nContent-Le", close: true) == .connectionLost)
        #expect(error("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhalf", close: true) == .connectionLost)
        #expect(
            error("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel", close: true)
                == .connectionLost)
        #expect(error("", close: true) == .connectionLost)
    }

    @Test func escapesAndInvalidUTF8InHeadersAreOnlyText() throws {
        var bytes = Array("HTTP/1.1 429 Too Many\r\nRetry-After: \u{1B}[2J".utf8) + [0xFF, 0xFE]
        bytes += Array("\r\nContent-Type: \u{1B}]52;c;AAAA\u{07}\r\nContent-Length: 0\r\n\r\n".utf8)
        var reader = HTTPResponseReader()
        let outputs = try reader.feed(bytes)
        guard case .head(let head) = outputs.first else {
            Issue.record("no head")
            return
        }
        #expect(head.status == 429)
        #expect(head.value("retry-after")?.hasSuffix("\u{FFFD}\u{FFFD}") == true)
        #expect(outputs.last == .end)
    }
}
