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
        var moved = editor.moveUp()
        #expect(moved)
        #expect(editor.beforeCursor == "first")
        moved = editor.moveUp()
        #expect(!moved)
        moved = editor.moveDown()
        #expect(moved)
    }

    @Test func historyBrowsesSentMessagesAndRestoresTheDraft() {
        var editor = LineEditor()
        editor.insert("first")
        _ = editor.commit()
        editor.insert("second")
        _ = editor.commit()
        editor.insert("draft")
        var recalled = editor.historyPrevious()
        #expect(recalled)
        #expect(editor.text == "second")
        recalled = editor.historyPrevious()
        #expect(recalled)
        #expect(editor.text == "first")
        recalled = editor.historyPrevious()
        #expect(!recalled)
        recalled = editor.historyNext()
        #expect(recalled)
        recalled = editor.historyNext()
        #expect(recalled)
        #expect(editor.text == "draft")
    }
}
