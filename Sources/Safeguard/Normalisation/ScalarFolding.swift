import Foundation

/// Folds one Unicode scalar to the byte alphabet the tokeniser reads: lower-case ASCII letters
/// and digits, ASCII punctuation (separators), or UTF-8 bytes of letters with no ASCII form.
///
/// Covers compatibility forms (fullwidth, mathematical, circled, ligatures), diacritics,
/// Cyrillic and Greek look-alikes, invisible characters and typographic punctuation.
enum ScalarFolding {
    /// Folded bytes for a non-ASCII scalar.
    static func fold(_ value: UInt32) -> [UInt8] {
        if value < 0x3000, Int(value) < lowTable.count { return lowTable[Int(value)] }
        return compute(value)
    }

    /// Scalars below U+3000 are folded once and kept.
    private static let lowTable: [[UInt8]] = (0..<0x3000).map { compute(UInt32($0)) }

    /// Cyrillic and Greek letters that look like Latin ones.
    static let homoglyphs: [UInt32: UInt8] = {
        var map: [UInt32: UInt8] = [:]
        let pairs: [(String, Character)] = [
            ("аАɑα", "a"), ("вВβ", "b"), ("сСϲ", "c"), ("ԁ", "d"), ("еЕєεЄ", "e"), ("ɡ", "g"),
            ("һнНΗ", "h"), ("іІιΙїΐ", "i"), ("јЈ", "j"), ("кКκΚ", "k"), ("ӏ", "l"), ("мМΜ", "m"),
            ("ηΝп", "n"), ("оОοΟσ", "o"), ("рРρΡ", "p"), ("ԛ", "q"), ("гя", "r"), ("ѕЅ", "s"),
            ("тТτΤ", "t"), ("υμ", "u"), ("νѵ", "v"), ("ѡωш", "w"), ("хХχΧ", "x"), ("уУγҮΥ", "y"),
            ("Ζ", "z"),
        ]
        for (sources, target) in pairs {
            for scalar in sources.unicodeScalars {
                map[scalar.value] = target.asciiValue ?? 0x20
            }
        }
        return map
    }()

    private static func compute(_ value: UInt32) -> [UInt8] {
        guard value >= 0x80, let scalar = Unicode.Scalar(value) else {
            if value < 0x80 { return [UInt8(value)] }
            return [0x20]
        }
        switch value {
        case 0x00AD, 0x034F, 0x200B...0x200D, 0x2060...0x2064, 0xFEFF, 0xFE00...0xFE0F,
            0x1F3FB...0x1F3FF, 0xE0000...0xE007F, 0x20E3, 0x0300...0x036F:
            return []
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x02BC, 0x2032, 0x00B4, 0x02B9, 0xFF07:
            return [0x27]
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB, 0x2033, 0x275D, 0x275E, 0xFF02:
            return [0x22]
        case 0x2010...0x2015, 0x2212, 0x2E3A, 0x2E3B:
            return [0x2D]
        case 0x2026, 0x3002:
            return [0x2E]
        case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000, 0x1680:
            return [0x20]
        case 0x2028, 0x2029, 0x0085:
            return [0x0A]
        case 0x0142, 0x0141: return [0x6C]  // ł
        case 0x00F8, 0x00D8: return [0x6F]  // ø
        case 0x00DF, 0x1E9E: return [0x73, 0x73]  // ß
        case 0x00E6, 0x00C6: return [0x61, 0x65]  // æ
        case 0x0153, 0x0152: return [0x6F, 0x65]  // œ
        case 0x0111, 0x0110, 0x00F0, 0x00D0: return [0x64]  // đ ð
        case 0x0131: return [0x69]  // dotless i
        case 0x00FE, 0x00DE: return [0x74, 0x68]  // þ
        default: break
        }
        if let ascii = homoglyphs[value] { return [ascii] }
        if (0xFF01...0xFF5E).contains(value) {
            return foldASCII(UInt8(value - 0xFEE0))
        }
        let properties = scalar.properties
        if properties.generalCategory == .nonspacingMark || properties.generalCategory == .enclosingMark {
            return []
        }
        let decomposed = String(Character(scalar)).decomposedStringWithCompatibilityMapping
        var out: [UInt8] = []
        var changed = false
        for part in decomposed.unicodeScalars {
            if part.value < 0x80 {
                out.append(contentsOf: foldASCII(UInt8(part.value)))
                changed = true
            } else if let ascii = homoglyphs[part.value] {
                out.append(ascii)
                changed = true
            } else if part.properties.generalCategory == .nonspacingMark {
                continue
            } else if part.properties.isAlphabetic {
                for lower in part.properties.lowercaseMapping.unicodeScalars {
                    out.append(contentsOf: Array(String(lower).utf8))
                }
                changed = true
            } else if part.properties.numericType != nil, let digit = part.properties.numericValue,
                digit >= 0, digit < 10, digit == digit.rounded()
            {
                out.append(UInt8(48 + Int(digit)))
                changed = true
            }
        }
        if changed { return out }
        return [0x20]
    }

    /// Lower-cases an ASCII byte.
    @inline(__always)
    static func foldASCII(_ byte: UInt8) -> [UInt8] {
        if byte >= 65 && byte <= 90 { return [byte + 32] }
        return [byte]
    }
}
