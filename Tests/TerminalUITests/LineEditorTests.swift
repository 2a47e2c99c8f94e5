import Testing

@testable import TerminalUI

@Suite struct LineEditorTests {
    init() { _ = utf8Locale }

    @Test func backspaceRemovesAWholeGraphemeCluster() {
        var editor = LineEditor()
        editor.insert("e")
        editor.insert(Character("\u{301}"))  // combining mark arrives on its own
        editor.insert("👍")
        editor.insert(Character("\u{1F3FD}"))
        #expect(editor.text == "e\u{301}👍🏽")
        editor.backspace()
        #expect(editor.text == "e\u{301}")
        editor.backspace()
        #expect(editor.text.isEmpty)
    }

    @Test func wordMovementAndKills() {
        var editor = LineEditor(text: "one two three")
        editor.moveWordLeft()
        #expect(editor.afterCursor == "three")
        editor.moveWordLeft()
        editor.killToLineEnd()
        #expect(editor.text == "one ")
        editor.insert("four five")
        editor.killWordBackward()
        #expect(editor.text == "one four ")
        editor.killToLineStart()
        #expect(editor.text.isEmpty)
        editor.yank()
        #expect(editor.text == "one four ")
    }

    @Test func homeEndWorkOnTheCurrentLine() {
        var editor = LineEditor(text: "first\nsecond")
        editor.moveToLineStart()
        #expect(editor.beforeCursor == "first\n")
        editor.moveToLineEnd()
        #expect(editor.afterCursor.isEmpty)
        let result42 = editor.moveUp()
        #expect(result42)
        #expect(editor.beforeCursor == "first")
        let result45 = editor.moveUp()
        #expect(!result45)
        let result47 = editor.moveDown()
        #expect(result47)
    }

    @Test func historyBrowsesSentMessagesAndRestoresTheDraft() {
        var editor = LineEditor()
        editor.insert("first")
        _ = editor.commit()
        editor.insert("second")
        _ = editor.commit()
        editor.insert("draft")
        let result58 = editor.historyPrevious()
        #expect(result58)
        #expect(editor.text == "second")
        let result61 = editor.historyPrevious()
        #expect(result61)
        #expect(editor.text == "first")
        let result64 = editor.historyPrevious()
        #expect(!result64)
        let result66 = editor.historyNext()
        #expect(result66)
        let result68 = editor.historyNext()
        #expect(result68)
        #expect(editor.text == "draft")
    }
}
