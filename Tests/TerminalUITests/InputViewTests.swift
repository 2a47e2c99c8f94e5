import Testing

@testable import TerminalUI

@Suite struct InputViewTests {
    init() { _ = utf8Locale }

    @Test func wrapsByDisplayWidthAndTracksTheCursor() {
        var editor = LineEditor(text: "abc 中文 def")
        editor.moveLeft()
        let (lines, cursorLine, cursorCol) = InputView.visualLines(of: editor, width: 6)
        #expect(lines == ["abc 中", "文 def"])
        #expect(cursorLine == 1)
        #expect(cursorCol == 5)
    }

    @Test func multiLineMessageShowsThePromptOnTheFirstLineAndTheCursorAfterTheText() {
        var grid = CellGrid(rows: 2, cols: 20)
        InputView(editor: LineEditor(text: "one\ntwo 😀")).render(in: grid.bounds, into: &grid)
        #expect(grid.lines == ["› one", "  two 😀"])
        #expect(grid.cursor == CellGrid.Position(row: 1, col: 8))
    }

    @Test func longMessageScrollsToKeepTheCursorVisible() {
        var grid = CellGrid(rows: 1, cols: 10)
        InputView(editor: LineEditor(text: "line1\nline2\nline3")).render(in: grid.bounds, into: &grid)
        #expect(grid.lines == ["↑ line3"])
        #expect(grid.cursor == CellGrid.Position(row: 0, col: 7))
    }

    @Test func emptyEditorShowsTheHint() {
        var grid = CellGrid(rows: 1, cols: 40)
        InputView(editor: LineEditor()).render(in: grid.bounds, into: &grid)
        #expect(grid.lines == ["› Type a message · Enter sends · Alt-E…"])
    }

    @Test func tabsAreShownAsSpaces() {
        let (lines, _, _) = InputView.visualLines(of: LineEditor(text: "a\tb"), width: 10)
        #expect(lines == ["a b"])
    }
}
