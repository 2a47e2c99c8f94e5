import Testing

@testable import TerminalUI

@Suite struct DisplayWidthTests {
    init() { _ = utf8Locale }

    @Test(arguments: [
        ("hello", 5), ("héllo", 5), ("e\u{301}", 1), ("中文", 4), ("ｶﾅ", 2), ("😀", 2), ("한국어", 6), ("", 0),
    ])
    func widthIsTheWcwidthSum(text: String, expected: Int) {
        #expect(DisplayWidth.of(text) == expected)
    }

    @Test func sanitizeReducesAmbiguousEmojiClustersToTheirFirstScalar() {
        #expect(DisplayWidth.sanitize("👨‍👩‍👧") == "👨")
        #expect(DisplayWidth.sanitize("👍🏽") == "👍")
        #expect(DisplayWidth.sanitize("❤️") == "❤")
        #expect(DisplayWidth.sanitize("🇫🇷") == "🇫")
        #expect(DisplayWidth.of(DisplayWidth.sanitize("👨‍👩‍👧 ok")) == 5)
    }

    @Test func sanitizeRemovesControlsAndExpandsTabs() {
        #expect(DisplayWidth.sanitize("a\tb") == "a   b")
        #expect(DisplayWidth.sanitize("x\u{1B}[2Jy") == "x\u{FFFD}[2Jy")
        #expect(DisplayWidth.sanitize("bell\u{7}") == "bell\u{FFFD}")
        #expect(DisplayWidth.sanitize("keep\nlines") == "keep\nlines")
        #expect(DisplayWidth.sanitize("cafe\u{301}") == "cafe\u{301}")
    }

    @Test func prefixAndTruncateNeverSplitWideCharacters() {
        #expect(DisplayWidth.prefix("ab中文", columns: 3) == "ab")
        #expect(DisplayWidth.prefix("ab中文", columns: 4) == "ab中")
        #expect(DisplayWidth.suffix("中文ab", columns: 3) == "ab")
        #expect(DisplayWidth.truncate("hello world", columns: 6) == "hello…")
        #expect(DisplayWidth.truncate("short", columns: 6) == "short")
    }
}
