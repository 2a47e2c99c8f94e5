/// An incremental parser for server-sent events (the `text/event-stream` format).
///
/// Pure and synchronous: feed it byte chunks exactly as they come off the socket — split
/// anywhere, even inside a line ending or a UTF-8 character — and it returns the events
/// that became complete. It follows the WHATWG rules that matter for LLM servers:
/// `data:` lines (several lines join with `\n`), an optional single space after the colon,
/// comment lines starting with `:` (llama-cpp-python's `: ping - …`, OpenAI's
/// `: keep-alive`), `event:` and `id:` fields, LF, CRLF or CR line endings, and a leading
/// byte-order mark. Text is decoded only when an event is complete.
public struct SSEParser: Sendable {
    /// One dispatched event.
    public struct Event: Sendable, Equatable {
        /// The `event:` field, if the server sent one.
        public var type: String?
        /// The `data:` lines, joined with `\n`.
        public var data: String
        /// The `id:` field, if the server sent one.
        public var id: String?

        public init(type: String? = nil, data: String, id: String? = nil) {
            self.type = type
            self.data = data
            self.id = id
        }
    }

    private var line: [UInt8] = []
    private var data: [UInt8] = []
    private var hasData = false
    private var eventType: String?
    private var eventID: String?
    private var previousWasCR = false
    private var atStreamStart = true

    /// How many comment lines were seen (pings, keep-alives).
    public private(set) var commentCount = 0

    /// The longest line, and the longest data of one event, in bytes; longer input sets
    /// ``overflowed`` and the rest of the stream is ignored (memory stays bounded).
    public let maxLineBytes: Int
    /// Whether a line or an event's data went over ``maxLineBytes`` (the stream is then
    /// unusable: nothing more is parsed).
    public private(set) var overflowed = false

    /// Whether the parser holds the start of an event that has not been dispatched yet.
    public var hasPendingEvent: Bool {
        !line.isEmpty || hasData || eventType != nil
    }

    /// Whether the stream stopped in the middle of a line (a cut connection, not an ending).
    public var hasPartialLine: Bool {
        !line.isEmpty
    }

    /// - Parameter maxLineBytes: The longest line (and event data) accepted, in bytes.
    public init(maxLineBytes: Int = 1_048_576) {
        self.maxLineBytes = max(1, maxLineBytes)
    }

    /// Parse another chunk of bytes, returning the events it completed, in order.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [Event] {
        var events: [Event] = []
        guard !overflowed else { return events }
        let handled: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            scan(buffer, into: &events)
        }
        if handled == nil {
            let copy = Array(bytes)
            copy.withUnsafeBufferPointer { scan($0, into: &events) }
        }
        return events
    }

    /// The end of the stream: dispatches a final event whose lines were all complete but
    /// which lacked the closing blank line (some servers end that way). A half-received
    /// line is dropped; check ``hasPendingEvent`` first to tell a cut stream.
    public mutating func finish() -> [Event] {
        var events: [Event] = []
        guard !overflowed else { return events }
        line.removeAll(keepingCapacity: true)
        dispatch(into: &events)
        return events
    }

    // MARK: - Scanning

    private mutating func scan(_ buffer: UnsafeBufferPointer<UInt8>, into events: inout [Event]) {
        var index = buffer.startIndex
        let end = buffer.endIndex
        if atStreamStart, index < end {
            index = skipByteOrderMark(buffer, from: index)
        }
        while index < end, !overflowed {
            let byte = buffer[index]
            if previousWasCR {
                previousWasCR = false
                if byte == 0x0A {
                    index += 1
                    continue
                }
            }
            // Find the next line ending in this chunk.
            var lineEnd = index
            while lineEnd < end, buffer[lineEnd] != 0x0A, buffer[lineEnd] != 0x0D {
                lineEnd += 1
            }
            if lineEnd == end {
                if line.count + (end - index) > maxLineBytes {
                    overflow()
                    return
                }
                line.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[index..<end]))
                return
            }
            if line.count + (lineEnd - index) > maxLineBytes {
                overflow()
                return
            }
            if line.isEmpty {
                processLine(UnsafeBufferPointer(rebasing: buffer[index..<lineEnd]), into: &events)
            } else {
                line.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[index..<lineEnd]))
                let complete = line
                line.removeAll(keepingCapacity: true)
                complete.withUnsafeBufferPointer { processLine($0, into: &events) }
            }
            previousWasCR = buffer[lineEnd] == 0x0D
            index = lineEnd + 1
        }
    }

    /// Skips a UTF-8 byte-order mark at the very start of the stream, even when it arrives
    /// split across chunks.
    private mutating func skipByteOrderMark(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        var index = start
        while index < buffer.endIndex, line.count < bom.count {
            let expected = bom[line.count]
            guard buffer[index] == expected else {
                // Not a BOM: whatever was held back is ordinary line content.
                atStreamStart = false
                return index
            }
            line.append(buffer[index])
            index += 1
        }
        if line.count == bom.count {
            line.removeAll(keepingCapacity: true)
            atStreamStart = false
        }
        return index
    }

    private mutating func processLine(_ bytes: UnsafeBufferPointer<UInt8>, into events: inout [Event]) {
        atStreamStart = false
        guard let first = bytes.first else {
            dispatch(into: &events)
            return
        }
        if first == 0x3A {  // ":" comment
            commentCount += 1
            return
        }
        var colon = bytes.startIndex
        while colon < bytes.endIndex, bytes[colon] != 0x3A {
            colon += 1
        }
        let field = UnsafeBufferPointer(rebasing: bytes[bytes.startIndex..<colon])
        var valueStart = colon < bytes.endIndex ? colon + 1 : bytes.endIndex
        if valueStart < bytes.endIndex, bytes[valueStart] == 0x20 {
            valueStart += 1
        }
        let value = UnsafeBufferPointer(rebasing: bytes[valueStart..<bytes.endIndex])
        if field.elementsEqual(Self.dataField) {
            if data.count + value.count + 1 > maxLineBytes {
                overflow()
                return
            }
            if hasData {
                data.append(0x0A)
            }
            data.append(contentsOf: value)
            hasData = true
        } else if field.elementsEqual(Self.eventField) {
            eventType = String(decoding: value, as: UTF8.self)
        } else if field.elementsEqual(Self.idField) {
            eventID = String(decoding: value, as: UTF8.self)
        }
        // "retry" and unknown fields are ignored, as the standard says.
    }

    private mutating func overflow() {
        overflowed = true
        line = []
        data = []
        hasData = false
        eventType = nil
    }

    private mutating func dispatch(into events: inout [Event]) {
        defer {
            data.removeAll(keepingCapacity: true)
            hasData = false
            eventType = nil
        }
        guard hasData else { return }
        events.append(Event(type: eventType, data: String(decoding: data, as: UTF8.self), id: eventID))
    }

    private static let dataField: [UInt8] = Array("data".utf8)
    private static let eventField: [UInt8] = Array("event".utf8)
    private static let idField: [UInt8] = Array("id".utf8)
}
