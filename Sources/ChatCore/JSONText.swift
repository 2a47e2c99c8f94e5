/// JSON string literals as `waymark assess` writes them (CONTRACTS.md): quotes, backslashes and
/// the usual control characters escaped by name, other C0/C1 controls and U+2028/U+2029 as
/// `\uXXXX`, everything else as itself.
public enum JSONText {
    /// A JSON string literal.
    public static func string(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 2)
        append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// Appends the literal for `text` to `out` (UTF-8).
    public static func append(_ text: String, to out: inout [UInt8]) {
        out.append(0x22)
        // Most text needs no escape: its bytes are copied in runs up to the next byte that may
        // need one (a quote, a backslash, a control, DEL, or the lead byte of a C1 control or of
        // U+2028/U+2029); only there are scalars read one by one, as before.
        var source = text
        let copied = source.withUTF8 { bytes -> Int in
            var end = 0
            while end < bytes.count {
                let byte = bytes[end]
                if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xC2 || byte == 0xE2
                {
                    break
                }
                end += 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[0..<end]))
            return end
        }
        if copied == text.utf8.count {
            out.append(0x22)
            return
        }
        let rest = text.utf8.index(text.utf8.startIndex, offsetBy: copied)
        // (The scalar view, not the string: a string index is rounded down to a character's start.)
        for scalar in text.unicodeScalars[rest...] {
            let value = scalar.value
            switch value {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029:
                out += [
                    0x5C, 0x75, hex[Int(value >> 12)], hex[Int(value >> 8 & 0xF)], hex[Int(value >> 4 & 0xF)],
                ]
                out.append(hex[Int(value & 0xF)])
            case 0..<0x80:
                out.append(UInt8(value))
            case 0..<0x800:
                out += [UInt8(0xC0 | value >> 6), UInt8(0x80 | value & 0x3F)]
            case 0..<0x10000:
                out += [
                    UInt8(0xE0 | value >> 12), UInt8(0x80 | value >> 6 & 0x3F), UInt8(0x80 | value & 0x3F),
                ]
            default:
                out += [
                    UInt8(0xF0 | value >> 18), UInt8(0x80 | value >> 12 & 0x3F),
                    UInt8(0x80 | value >> 6 & 0x3F),
                    UInt8(0x80 | value & 0x3F),
                ]
            }
        }
        out.append(0x22)
    }
}
