/// The two fields `waymark assess --jsonl` reads from a line — `"text"` and `"id"` — read in
/// one pass without building the object, for the common, plain shape of a line: one flat JSON
/// object whose values are strings, small integers, `true`, `false` or `null`, with no key twice.
///
/// Anything else (nesting, fractions or exponents, a lone surrogate escape, a raw control
/// character, a repeated key, a missing or non-string `"text"`, an `"id"` that is not a string
/// or a small integer, or invalid JSON) gives `nil`, and the caller reads the line with
/// Foundation exactly as before — so every error message and every unusual `id` is unchanged,
/// and what this reader accepts, Foundation reads the same way (tested on fuzzed lines).
public struct JSONLineFields: Equatable, Sendable {
    /// The message.
    public var text: String
    /// The `"id"` value as JSON to copy to the output (`"m1"`, `7`), or `nil` when absent.
    public var id: String?

    public init(text: String, id: String?) {
        self.text = text
        self.id = id
    }

    /// Longest integer accepted on the fast path (digits), so it is exact in every reader.
    static let maxDigits = 15

    /// Reads a line (UTF-8, already validated, no newline).
    public static func read(_ line: String) -> JSONLineFields? {
        var line = line
        return line.withUTF8 { read($0) }
    }

    /// Reads a line of UTF-8 bytes (already validated, no newline).
    public static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> JSONLineFields? {
        var parser = Parser(bytes: bytes)
        return parser.object()
    }

    private struct Parser {
        /// The keys read, built once (not two arrays per key of every line).
        static let textKey = Array("text".utf8)
        static let idKey = Array("id".utf8)

        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        var scratch: [UInt8] = []

        mutating func skipSpace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        mutating func object() -> JSONLineFields? {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return nil }
            index += 1
            var keys: [[UInt8]] = []
            var text: String?
            var id: String?
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                return nil  // no "text": Foundation's path says so
            }
            while true {
                skipSpace()
                guard let key = string() else { return nil }
                if keys.contains(key) { return nil }
                keys.append(key)
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
                index += 1
                skipSpace()
                guard index < bytes.count else { return nil }
                let isText = key == Self.textKey
                let isID = key == Self.idKey
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    guard let value = string() else { return nil }
                    if isText || isID {
                        let decoded = String(decoding: value, as: UTF8.self)
                        if isText { text = decoded } else { id = JSONText.string(decoded) }
                    }
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    guard let digits = integer(), !isText else { return nil }
                    if isID { id = digits }
                case UInt8(ascii: "t"):
                    guard literal("true"), !isText, !isID else { return nil }
                case UInt8(ascii: "f"):
                    guard literal("false"), !isText, !isID else { return nil }
                case UInt8(ascii: "n"):
                    guard literal("null"), !isText, !isID else { return nil }
                default:
                    return nil
                }
                skipSpace()
                guard index < bytes.count else { return nil }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard bytes[index] == UInt8(ascii: "}") else { return nil }
                index += 1
                break
            }
            skipSpace()
            guard index == bytes.count, let text else { return nil }
            return JSONLineFields(text: text, id: id)
        }

        mutating func literal(_ word: String) -> Bool {
            let expected = Array(word.utf8)
            let count = expected.count
            guard bytes.count - index >= count else { return false }
            for offset in 0..<count where bytes[index + offset] != expected[offset] { return false }
            index += count
            guard index == bytes.count || Self.endsValue(bytes[index]) else { return false }
            return true
        }

        static func endsValue(_ byte: UInt8) -> Bool {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ","), UInt8(ascii: "}"): return true
            default: return false
            }
        }

        /// `0` or `-?[1-9][0-9]{0,14}`, followed by the end of the value; else `nil`.
        mutating func integer() -> String? {
            let start = index
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            let first = index
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
            let digits = index - first
            guard digits >= 1, digits <= JSONLineFields.maxDigits else { return nil }
            if bytes[first] == 0x30 && (digits > 1 || first > start) { return nil }  // 012, -0
            guard index == bytes.count || Self.endsValue(bytes[index]) else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        }

        /// A string's decoded UTF-8 bytes; `nil` for a raw control character, a bad escape or a
        /// lone surrogate.
        mutating func string() -> [UInt8]? {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            index += 1
            scratch.removeAll(keepingCapacity: true)
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return scratch
                }
                if byte < 0x20 { return nil }
                if byte != UInt8(ascii: "\\") {
                    // Copy the run up to the next quote, backslash or control character at once.
                    var end = index + 1
                    while end < bytes.count {
                        let next = bytes[end]
                        if next == 0x22 || next == 0x5C || next < 0x20 { break }
                        end += 1
                    }
                    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                    index = end
                    continue
                }
                index += 1
                guard index < bytes.count else { return nil }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): scratch.append(0x22)
                case UInt8(ascii: "\\"): scratch.append(0x5C)
                case UInt8(ascii: "/"): scratch.append(0x2F)
                case UInt8(ascii: "b"): scratch.append(0x08)
                case UInt8(ascii: "f"): scratch.append(0x0C)
                case UInt8(ascii: "n"): scratch.append(0x0A)
                case UInt8(ascii: "r"): scratch.append(0x0D)
                case UInt8(ascii: "t"): scratch.append(0x09)
                case UInt8(ascii: "u"):
                    guard var value = hex4() else { return nil }
                    if value >= 0xD800 && value < 0xDC00 {
                        guard index + 1 < bytes.count, bytes[index] == 0x5C,
                            bytes[index + 1] == UInt8(ascii: "u")
                        else { return nil }
                        index += 2
                        guard let low = hex4(), low >= 0xDC00, low < 0xE000 else { return nil }
                        value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                    } else if value >= 0xDC00 && value < 0xE000 {
                        return nil
                    }
                    guard let scalar = Unicode.Scalar(value) else { return nil }
                    scratch.append(contentsOf: UTF8.encode(scalar)!)
                default:
                    return nil
                }
            }
            return nil
        }

        mutating func hex4() -> UInt32? {
            guard bytes.count - index >= 4 else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                let digit: UInt32
                switch byte {
                case 0x30...0x39: digit = UInt32(byte - 0x30)
                case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
                case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
                default: return nil
                }
                value = value << 4 | digit
                index += 1
            }
            return value
        }
    }
}
