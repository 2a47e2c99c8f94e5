/// Where each region of the chat screen goes for a given size.
///
/// Top to bottom: title bar (dropped on small screens), transcript (panels and the intro
/// cover it), status line, input box, and the help strip, which is always last and never
/// covered.
public struct ScreenLayout: Sendable, Equatable {
    public var title: Rect
    public var transcript: Rect
    public var status: Rect
    public var input: Rect
    public var helpStrip: Rect
    /// The area panels and the intro may cover.
    public var overlay: Rect

    public init(state: AppState) {
        let cols = max(0, state.cols)
        let rows = max(0, state.rows)
        let helpRows = min(rows, state.helpStrip.rows(forCols: cols))
        var remaining = rows - helpRows
        helpStrip = Rect(row: rows - helpRows, col: 0, rows: helpRows, cols: cols)

        let inputWidth = InputView.textWidth(cols: cols)
        let wanted = InputView.visualLines(of: state.editor, width: inputWidth).lines.count
        let maxInput = rows <= 12 ? 2 : max(1, min(6, rows / 4))
        let inputRows = min(max(0, remaining), max(1, min(wanted, maxInput)))
        remaining -= inputRows
        input = Rect(row: helpStrip.row - inputRows, col: 0, rows: inputRows, cols: cols)

        let statusRows = remaining >= 3 ? 1 : 0
        remaining -= statusRows
        status = Rect(row: input.row - statusRows, col: 0, rows: statusRows, cols: cols)

        let titleRows = rows > 12 && remaining >= 6 ? 1 : 0
        remaining -= titleRows
        title = Rect(row: 0, col: 0, rows: titleRows, cols: cols)
        transcript = Rect(row: titleRows, col: 0, rows: max(0, remaining), cols: cols)
        overlay = transcript
    }

    /// Lines moved by PgUp/PgDn.
    public var pageSize: Int { max(1, transcript.rows - 2) }
}
