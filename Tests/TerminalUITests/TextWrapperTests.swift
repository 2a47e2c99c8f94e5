import Testing

@testable import TerminalUI

@Suite struct TextWrapperTests {
    init() { _ = utf8Locale }

    @Test func wrapsAtSpacesByColumns() {
        #expect(
            TextWrapper.wrap("the quick brown fox jumps", width: 10) == ["the quick", "brown fox", "jumps"])
    }

    @Test func wideCharactersCountTwoColumns() {
        #expect(TextWrapper.wrap("😀😀😀 ok", width: 6) == ["😀😀😀", "ok"])
        #expect(TextWrapper.wrap("中文字符测试", width: 5) == ["中文", "字符", "测试"])
    }

    @Test func closingPunctuationStaysWithTheIdeographBefore() {
        #expect(TextWrapper.wrap("中文字。好", width: 6) == ["中文", "字。好"])
    }

    @Test func overlongWordIsHardBroken() {
        #expect(TextWrapper.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    }

    @Test func newlinesBreakAndEmptyLinesStay() {
        #expect(TextWrapper.wrap("one\n\ntwo", width: 10) == ["one", "", "two"])
    }

    @Test func combiningMarksStayWithTheirLetter() {
        let lines = TextWrapper.wrap("cafe\u{301} cafe\u{301}", width: 4)
        #expect(lines == ["cafe\u{301}", "cafe\u{301}"])
    }
}
