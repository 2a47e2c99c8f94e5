/// Splits a word with an apostrophe into its parts: `don't` → `do not`, `i'm` → `i am`,
/// `she's` → `she is`, `can't` → `can not`, `o'clock` → `oclock`.
enum ContractionSplitter {
    /// The pieces (as bytes) a contracted word stands for.
    static func split(_ word: [UInt8]) -> [[UInt8]] {
        guard let apostrophe = word.firstIndex(of: 0x27) else { return [word] }
        let base = Array(word[..<apostrophe])
        let suffix = word[(apostrophe + 1)...].filter { $0 != 0x27 }
        if base.isEmpty { return [Array(suffix)] }
        if suffix.isEmpty { return [base] }
        switch String(decoding: suffix, as: UTF8.self) {
        case "t" where base.last == 0x6E:
            let stem = Array(base.dropLast())
            let full: [UInt8]
            switch String(decoding: stem, as: UTF8.self) {
            case "ca": full = Array("can".utf8)
            case "wo": full = Array("will".utf8)
            case "sha": full = Array("shall".utf8)
            case "ai": full = Array("is".utf8)
            case "": full = Array("not".utf8)
            default: full = stem
            }
            return [full, Array("not".utf8)]
        case "m": return [base, Array("am".utf8)]
        case "ve": return [base, Array("have".utf8)]
        case "ll": return [base, Array("will".utf8)]
        case "re": return [base, Array("are".utf8)]
        case "d": return [base, Array("would".utf8)]
        case "s": return [base, Array("is".utf8)]
        default: return [base + suffix]
        }
    }
}
