/// Word wrap by display width.
///
/// Breaks at spaces, between wide (CJK) characters, and hard-breaks words longer than the
/// width. Never splits a grapheme cluster, never lets a wide character straddle the edge, and
/// keeps closing punctuation with the character before it. Newlines always break.
public enum TextWrapper {
    /// Wrap sanitized text into lines of at most `width` columns.
    public static func wrap(_ text: String, width: Int) -> [String] {
        let characters = Array(text)
        let widths = characters.map { DisplayWidth.of($0) }
        return ranges(characters, widths: widths, width: width).map { String(characters[$0]) }
    }

    /// Line ranges (indices into `characters`) for wrapping at `width`; trailing spaces at a
    /// break are dropped, newlines are not part of any range.
    public static func ranges(_ characters: [Character], widths: [Int], width: Int) -> [Range<Int>] {
        let width = max(1, width)
        var result: [Range<Int>] = []
        var paragraphStart = 0
        var index = 0
        while index <= characters.count {
            if index == characters.count || characters[index] == "\n" {
                wrapParagraph(characters, widths, paragraphStart..<index, width, into: &result)
                paragraphStart = index + 1
            }
            index += 1
        }
        return result
    }

    private static func wrapParagraph(
        _ chars: [Character], _ widths: [Int], _ paragraph: Range<Int>, _ width: Int,
        into result: inout [Range<Int>]
    ) {
        if paragraph.isEmpty {
            result.append(paragraph)
            return
        }
        var lineStart = paragraph.lowerBound
        while lineStart < paragraph.upperBound {
            // Measure how far we can go.
            var used = 0
            var end = lineStart
            while end < paragraph.upperBound, used + widths[end] <= width {
                used += widths[end]
                end += 1
            }
            if end >= paragraph.upperBound {
                result.append(lineStart..<trimTrailingSpaces(chars, lineStart, paragraph.upperBound))
                return
            }
            if end == lineStart {
                // A single cluster wider than the line: give it its own line anyway.
                end = lineStart + 1
                result.append(lineStart..<end)
                lineStart = end
                continue
            }
            // Find the best break at or before `end`.
            var breakAt = -1
            var probe = end
            while probe > lineStart {
                if canBreak(chars, widths, before: probe) {
                    breakAt = probe
                    break
                }
                probe -= 1
            }
            if breakAt <= lineStart { breakAt = end }  // no opportunity: hard-break the word
            result.append(lineStart..<trimTrailingSpaces(chars, lineStart, breakAt))
            lineStart = breakAt
            while lineStart < paragraph.upperBound, chars[lineStart] == " " { lineStart += 1 }
        }
    }

    /// Whether a line may end just before `index`.
    private static func canBreak(_ chars: [Character], _ widths: [Int], before index: Int) -> Bool {
        guard index > 0, index < chars.count else { return true }
        let next = chars[index]
        let previous = chars[index - 1]
        if next == " " { return true }
        if previous == " " { return true }
        if closingPunctuation.contains(next) { return false }
        // Between wide characters (ideographs, kana, hangul), or after one.
        if widths[index - 1] >= 2 || widths[index] >= 2 { return true }
        // After a hyphen or slash inside a word ("and/or", "well-being"), but not inside a
        // command or flag: "/history", "/reduced-motion" and "--no-intro" stay whole.
        if previous == "-" || previous == "/" {
            var start = index - 1
            while start > 0, chars[start - 1] != " ", chars[start - 1] != "\n" { start -= 1 }
            return start < index - 1 && chars[start] != "/" && chars[start] != "-"
        }
        return false
    }

    private static func trimTrailingSpaces(_ chars: [Character], _ start: Int, _ end: Int) -> Int {
        var end = end
        while end > start, chars[end - 1] == " " { end -= 1 }
        return end
    }

    private static let closingPunctuation: Set<Character> = [
        ",", ".", "!", "?", ";", ":", ")", "]", "}", "、", "。", "，", "．", "！", "？", "：", "；", "）", "」", "』",
        "…", "’", "”",
    ]
}
