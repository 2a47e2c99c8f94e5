/// Splits a word with an apostrophe into its parts: `don't` → `do not`, `i'm` → `i am`,
/// `she's` → `she is`, `can't` → `can not`, `o'clock` → `oclock`.
enum ContractionSplitter {
    private static let not = Array("not".utf8)
    private static let am = Array("am".utf8)
    private static let have = Array("have".utf8)
    private static let will = Array("will".utf8)
    private static let are = Array("are".utf8)
    private static let would = Array("would".utf8)
    private static let isWord = Array("is".utf8)
    private static let can = Array("can".utf8)
    private static let shall = Array("shall".utf8)

    /// The pieces (as bytes) a contracted word stands for. Suffixes and stems are compared as
    /// bytes (no strings built per word).
    static func split(_ word: [UInt8]) -> [[UInt8]] {
        guard let apostrophe = word.firstIndex(of: 0x27) else { return [word] }
        let base = Array(word[..<apostrophe])
        let suffix = word[(apostrophe + 1)...].filter { $0 != 0x27 }
        if base.isEmpty { return [Array(suffix)] }
        if suffix.isEmpty { return [base] }
        if suffix == [0x74], base.last == 0x6E {  // n't
            let stem = base.dropLast()
            let full: [UInt8]
            if stem.elementsEqual([0x63, 0x61]) {  // ca
                full = can
            } else if stem.elementsEqual([0x77, 0x6F]) {  // wo
                full = will
            } else if stem.elementsEqual([0x73, 0x68, 0x61]) {  // sha
                full = shall
            } else if stem.elementsEqual([0x61, 0x69]) {  // ai
                full = isWord
            } else if stem.isEmpty {
                full = not
            } else {
                full = Array(stem)
            }
            return [full, not]
        }
        switch suffix {
        case [0x6D]: return [base, am]  // m
        case [0x76, 0x65]: return [base, have]  // ve
        case [0x6C, 0x6C]: return [base, will]  // ll
        case [0x72, 0x65]: return [base, are]  // re
        case [0x64]: return [base, would]  // d
        case [0x73]: return [base, isWord]  // s
        default: return [base + suffix]
        }
    }
}
