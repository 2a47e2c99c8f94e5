/// A guard before `JSONSerialization`: input nested deeper than a real message ever is
/// (`[[[[…` a hundred thousand times) would exhaust the stack while being parsed.
enum JSONDepth {
    /// The deepest nesting accepted.
    static let limit = 256

    /// Whether `bytes` nest arrays and objects deeper than `limit` (strings are skipped).
    static func isTooDeep(_ bytes: some Sequence<UInt8>, limit: Int = limit) -> Bool {
        var depth = 0
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > limit { return true }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return false
    }
}
