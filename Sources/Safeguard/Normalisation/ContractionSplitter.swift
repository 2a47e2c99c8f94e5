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

    /// The same pieces as ``split(_:)``, handed to `body` one by one as bytes in place: no
    /// array is built for a contraction with one apostrophe (the usual kind; any other goes
    /// through `split`). A word that stands for its letters without the apostrophe (`o'clock`)
    /// is copied into a temporary buffer on the stack.
    static func forEachPiece(_ word: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void)
    {
        guard let apostrophe = word.firstIndex(of: 0x27) else { return body(word) }
        let base = UnsafeBufferPointer(rebasing: word[..<apostrophe])
        let suffix = UnsafeBufferPointer(rebasing: word[(apostrophe + 1)...])
        if suffix.contains(0x27) {
            for piece in split(Array(word)) { piece.withUnsafeBufferPointer(body) }
            return
        }
        if base.isEmpty { return body(suffix) }
        if suffix.isEmpty { return body(base) }
        if suffix.count == 1 && suffix[0] == 0x74 && base[base.count - 1] == 0x6E {  // n't
            let stem = UnsafeBufferPointer(rebasing: base[..<(base.count - 1)])
            if equals(stem, 0x63, 0x61) {  // ca
                can.withUnsafeBufferPointer(body)
            } else if equals(stem, 0x77, 0x6F) {  // wo
                will.withUnsafeBufferPointer(body)
            } else if stem.count == 3 && stem[0] == 0x73 && stem[1] == 0x68 && stem[2] == 0x61 {  // sha
                shall.withUnsafeBufferPointer(body)
            } else if equals(stem, 0x61, 0x69) {  // ai
                isWord.withUnsafeBufferPointer(body)
            } else if stem.isEmpty {
                not.withUnsafeBufferPointer(body)
            } else {
                body(stem)
            }
            return not.withUnsafeBufferPointer(body)
        }
        let second: [UInt8]?
        if suffix.count == 1 {
            switch suffix[0] {
            case 0x6D: second = am  // m
            case 0x64: second = would  // d
            case 0x73: second = isWord  // s
            default: second = nil
            }
        } else if equals(suffix, 0x76, 0x65) {  // ve
            second = have
        } else if equals(suffix, 0x6C, 0x6C) {  // ll
            second = will
        } else if equals(suffix, 0x72, 0x65) {  // re
            second = are
        } else {
            second = nil
        }
        if let second {
            body(base)
            return second.withUnsafeBufferPointer(body)
        }
        // The base and the suffix joined (the apostrophe dropped).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: base.count + suffix.count) { joined in
            _ = joined.initialize(fromContentsOf: base)
            _ = UnsafeMutableBufferPointer(rebasing: joined[base.count...]).initialize(fromContentsOf: suffix)
            body(UnsafeBufferPointer(joined))
        }
    }

    @inline(__always)
    private static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ first: UInt8, _ second: UInt8) -> Bool {
        bytes.count == 2 && bytes[0] == first && bytes[1] == second
    }
}
