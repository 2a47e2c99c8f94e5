/// The input box: the message being typed, hard-wrapped by display width, with the cursor.
public struct InputView {
    public var editor: LineEditor
    /// Show the placeholder hint when empty.
    public var showsHint: Bool

    public init(editor: LineEditor, showsHint: Bool = true) {
        self.editor = editor
        self.showsHint = showsHint
    }

    /// Columns of text per line for a screen width: "› " prefix and the last column kept free
    /// for the cursor (curses cannot write the bottom-right cell).
    public static func textWidth(cols: Int) -> Int { max(1, cols - 3) }

    /// The editor's text as visual lines, and where the cursor is among them.
    public static func visualLines(of editor: LineEditor, width: Int) -> (
        lines: [String], cursorLine: Int, cursorCol: Int
    ) {
        let width = max(1, width)
        var lines: [String] = [""]
        var column = 0
        var cursorLine = 0
        var cursorCol = 0
        var cursorPlaced = false
        func place() {
            cursorLine = lines.count - 1
            cursorCol = column
            cursorPlaced = true
        }
        func consume(_ text: String) {
            for character in text {
                if character == "\n" {
                    lines.append("")
                    column = 0
                    continue
                }
                let drawn = character == "\t" ? " " : DisplayWidth.sanitize(character)
                let w = DisplayWidth.of(drawn)
                if column + w > width && column > 0 {
                    lines.append("")
                    column = 0
                }
                lines[lines.count - 1].append(drawn)
                column += w
            }
        }
        consume(editor.beforeCursor)
        place()
        if cursorCol >= width {  // cursor after a full line: show it at the next line's start
            cursorLine += 1
            cursorCol = 0
            if editor.afterCursor.isEmpty || editor.afterCursor.first == "\n" {
                lines.insert("", at: cursorLine)
            }
        }
        _ = cursorPlaced
        consume(editor.afterCursor)
        return (lines, cursorLine, cursorCol)
    }

    /// Draw into `rect` and place the grid's cursor.
    public func render(in rect: Rect, into grid: inout CellGrid) {
        guard !rect.isEmpty else { return }
        let width = InputView.textWidth(cols: rect.cols)
        let prompt = CellStyle(.user, bold: true)
        if editor.isEmpty {
            grid.put("›", row: rect.row, col: rect.col, style: prompt)
            if showsHint {
                let hint = "Type a message · Enter sends · Alt-Enter new line · F1 help"
                grid.put(
                    DisplayWidth.truncate(hint, columns: width), row: rect.row, col: rect.col + 2,
                    maxColumns: width,
                    style: CellStyle(.dim, dim: true))
            }
            grid.cursor = .init(row: rect.row, col: rect.col + 2)
            return
        }
        let (lines, cursorLine, cursorCol) = InputView.visualLines(of: editor, width: width)
        // Show the window of lines that contains the cursor, preferring the end.
        let first = max(0, min(cursorLine - rect.rows + 1, lines.count - rect.rows))
        let start = min(first, cursorLine)
        for offset in 0..<rect.rows {
            let lineIndex = start + offset
            guard lineIndex < lines.count else { break }
            let row = rect.row + offset
            if lineIndex == 0 {
                grid.put("›", row: row, col: rect.col, style: prompt)
            } else if offset == 0 {
                grid.put("↑", row: row, col: rect.col, style: CellStyle(.dim, dim: true))
            }
            grid.put(
                lines[lineIndex], row: row, col: rect.col + 2, maxColumns: width, style: CellStyle(.user))
        }
        grid.cursor = .init(row: rect.row + (cursorLine - start), col: rect.col + 2 + min(cursorCol, width))
    }
}
