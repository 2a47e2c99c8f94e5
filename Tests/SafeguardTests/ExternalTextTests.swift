import Testing

@testable import Safeguard

/// Issue 13: the one filter for outside text before it is shown.
struct ExternalTextTests {
    @Test func escapesControlsAndBidiNeverSurvive() {
        let hostile =
            "a\u{1B}]52;c;SGk=\u{07}b\u{1B}[2Jc\u{1B}P1$qm\u{1B}\\d\u{9B}31me\u{202E}f\u{2066}g\u{200F}h\u{200E}i\u{061C}j\u{0}k\u{7F}l"
        #expect(ExternalText.shown(hostile) == "abcdefghijkl")
    }

    @Test func lineAndParagraphSeparatorsBecomeLineBreaksAndOneLineJoinsThem() {
        #expect(ExternalText.shown("one\u{2028}two\u{2029}three") == "one\ntwo\nthree")
        #expect(ExternalText.line("one\u{2028}two\nthree\r\n") == "one two three")
    }

    @Test func quotedIsOneShortLine() {
        let long = String(repeating: "word ", count: 100) + "\u{1B}[2J"
        let quoted = ExternalText.quoted(long)
        #expect(quoted.count <= 160)
        #expect(quoted.hasSuffix("…"))
        #expect(!quoted.contains("\u{1B}"))
    }

    @Test func ordinaryTextIsUnchanged() {
        let text = "Hello — it's “fine”, 😀 مرحبا שלום\nnext line"
        #expect(ExternalText.shown(text) == text)
    }
}
