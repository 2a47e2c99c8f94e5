/// Cuts the folded byte buffer into raw words and records the boundaries between them.
///
/// Word bytes are letters (ASCII or any non-ASCII byte), digits, leet symbols (`$ @ ! |`)
/// inside a word, apostrophes, `&` and censoring stars (`sui*cide`) between letters. Everything else separates words;
/// `. ! ? ;` and new lines end a sentence, `, : ( ) " /` and a spaced dash end a clause.
struct WordScanner {
    let units: [UInt8]
    private var position = 0
    private var doubleQuoted = false
    private var singleQuoted = false
    private var pendingBreak: UInt8 = 0

    init(units: [UInt8]) {
        self.units = units
    }

    @inline(__always)
    static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || byte >= 0x80
    }

    @inline(__always)
    private func unit(at index: Int) -> UInt8 { index < units.count ? units[index] : 0x20 }

    /// The next raw word, or `nil` at the end.
    mutating func next() -> RawWord? {
        while position < units.count {
            let byte = units[position]
            if Self.isLetterOrDigit(byte) || startsLeetWord(at: position) {
                let start = position
                position += 1
                while position < units.count {
                    let current = units[position]
                    if Self.isLetterOrDigit(current) {
                        position += 1
                    } else if current == 0x24 || current == 0x40 || current == 0x21 || current == 0x7C {
                        guard Self.isLetterOrDigit(unit(at: position + 1)) else { break }
                        position += 1
                    } else if current == 0x27 || current == 0x26 || current == 0x2A {
                        guard Self.isLetterOrDigit(unit(at: position + 1)) else { break }
                        position += 1
                    } else {
                        break
                    }
                }
                let word = RawWord(
                    start: Int32(start), end: Int32(position), breakBefore: pendingBreak,
                    quoted: doubleQuoted || singleQuoted)
                pendingBreak = 0
                return word
            }
            separator(byte)
            position += 1
        }
        return nil
    }

    private func startsLeetWord(at index: Int) -> Bool {
        let byte = units[index]
        guard byte == 0x24 || byte == 0x40 else { return false }
        let next = self.unit(at: index + 1)
        return (next >= 97 && next <= 122) || next >= 0x80
    }

    private mutating func separator(_ byte: UInt8) {
        var strength: UInt8 = 0
        switch byte {
        case 0x2E, 0x21, 0x3F, 0x3B, 0x0A, 0x0D:
            strength = 2
        case 0x2C, 0x3A, 0x28, 0x29, 0x2F, 0x5B, 0x5D, 0x7B, 0x7D:
            strength = 1
        case 0x22:
            strength = 1
            doubleQuoted.toggle()
        case 0x27:
            let before = position > 0 ? units[position - 1] : 0x20
            let after = self.unit(at: position + 1)
            if !Self.isLetterOrDigit(before) && Self.isLetterOrDigit(after) {
                singleQuoted = true
                strength = 1
            } else if Self.isLetterOrDigit(before) && !Self.isLetterOrDigit(after) {
                if singleQuoted { strength = 1 }
                singleQuoted = false
            }
        case 0x2D:
            let before = position > 0 ? units[position - 1] : 0x20
            let after = self.unit(at: position + 1)
            if before == 0x20 && after == 0x20 { strength = 1 }
        default:
            strength = 0
        }
        if strength > pendingBreak { pendingBreak = strength }
    }
}
