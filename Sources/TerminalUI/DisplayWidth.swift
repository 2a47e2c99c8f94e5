import CWidth
import Foundation

/// Display widths as ncurses and the terminal count them, and text made safe to draw.
///
/// A grapheme cluster is measured as `wcwidth(3)` summed over its Unicode scalars (what ncurses
/// advances), except the emoji clusters `wcwidth` cannot measure — ZWJ sequences, skin tones,
/// tag and regional-indicator flags, VS16 — which take what the terminal gives them
/// (``ClusterWidths/current``, measured at start). Clusters are kept whole: a cell holds the
/// whole cluster and the terminal runtime draws it as one.
public enum DisplayWidth {
    /// Columns one scalar takes (`wcwidth`, negatives clamped to 0).
    @inline(__always)
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return 1 }
        return max(0, Int(cwidth_wcwidth(value)))
    }

    /// Columns one grapheme cluster takes.
    @inline(__always)
    public static func of(_ character: Character) -> Int {
        if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F { return 1 }
        if let kind = ClusterWidths.Kind(character) { return ClusterWidths.current[kind] }
        var total = 0
        for scalar in character.unicodeScalars { total += of(scalar) }
        return total
    }

    /// Columns a string takes.
    public static func of(_ text: some StringProtocol) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// Make text safe and unambiguous to draw: tabs become spaces (to the next multiple of
    /// `tabWidth`), other control characters (ESC, CR, BEL, …) become U+FFFD; grapheme clusters
    /// stay whole. Newlines are kept.
    public static func sanitize(_ text: String, tabWidth: Int = 4) -> String {
        // Fast path: printable ASCII and newlines need nothing.
        if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A }) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var column = 0
        for character in text {
            if character == "\n" {
                out.append("\n")
                column = 0
                continue
            }
            if character == "\t" {
                let spaces = tabWidth - (column % tabWidth)
                out.append(String(repeating: " ", count: spaces))
                column += spaces
                continue
            }
            let cleaned = sanitize(character)
            out.append(cleaned)
            column += of(cleaned)
        }
        return out
    }

    /// One cluster made safe to draw (see ``sanitize(_:tabWidth:)``).
    public static func sanitize(_ character: Character) -> Character {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return character }
        if first.value < 0x20 || (first.value >= 0x7F && first.value < 0xA0) || first.value == 0x2028
            || first.value == 0x2029
        {
            return "\u{FFFD}"
        }
        if scalars.count == 1 {
            // A lone zero-width joiner or other invisible scalar is fine; wcwidth -1 is not.
            return cwidth_wcwidth(first.value) < 0 ? "\u{FFFD}" : character
        }
        // Clusters (e + U+0301, 👩‍👩‍👧, 👍🏽, 🇬🇧, ☀️) stay whole; one with a control scalar inside
        // is not drawn.
        if scalars.contains(where: { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) }) {
            return "\u{FFFD}"
        }
        return character
    }

    /// The longest prefix of `text` that fits in `columns`, never splitting a cluster.
    public static func prefix(_ text: some StringProtocol, columns: Int) -> String {
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let width = of(text[index])
            if used + width > columns { break }
            used += width
            end = text.index(after: index)
        }
        return String(text[text.startIndex..<end])
    }

    /// The longest suffix of `text` that fits in `columns`, never splitting a cluster.
    public static func suffix(_ text: some StringProtocol, columns: Int) -> String {
        var used = 0
        var start = text.endIndex
        while start > text.startIndex {
            let before = text.index(before: start)
            let width = of(text[before])
            if used + width > columns { break }
            used += width
            start = before
        }
        return String(text[start..<text.endIndex])
    }

    /// Truncate to `columns`, ending with "…" when something was cut.
    public static func truncate(_ text: String, columns: Int) -> String {
        guard columns > 0 else { return "" }
        if of(text) <= columns { return text }
        return prefix(text, columns: columns - 1) + "…"
    }

    /// Make sure the C library uses a UTF-8 character type (`wcwidth` is -1 for all
    /// non-ASCII in the C locale). Tries the environment's locale, then `C.UTF-8`.
    /// Returns the locale in effect.
    @discardableResult
    public static func ensureUTF8Locale() -> String {
        utf8Locale
    }
}

/// Set once, thread-safely (a global `let` is initialised lazily under a lock).
private let utf8Locale: String = {
    func current() -> String { String(cString: setlocale(LC_CTYPE, nil)) }
    _ = setlocale(LC_ALL, "")
    if isUTF8(current()) { return current() }
    for candidate in ["C.UTF-8", "C.utf8", "en_GB.UTF-8", "en_US.UTF-8"]
    where setlocale(LC_CTYPE, candidate) != nil {
        return current()
    }
    return current()
}()

private func isUTF8(_ name: String) -> Bool {
    let lower = name.lowercased()
    return lower.contains("utf-8") || lower.contains("utf8")
}
