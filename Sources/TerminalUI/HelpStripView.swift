/// Draws the crisis strip (``HelpStrip``) in its reserved rows at the bottom.
public struct HelpStripView {
    public var strip: HelpStrip

    public init(strip: HelpStrip) {
        self.strip = strip
    }

    public func render(in rect: Rect, into grid: inout CellGrid) {
        guard !rect.isEmpty else { return }
        let style = CellStyle(.help, bold: true, reverse: true)
        grid.fill(
            Rect(row: rect.row, col: rect.col, rows: rect.rows, cols: max(0, rect.cols - 1)), style: style)
        for (offset, line) in strip.lines(forCols: rect.cols).prefix(rect.rows).enumerated() {
            grid.put(
                line, row: rect.row + offset, col: rect.col, maxColumns: max(0, rect.cols - 1), style: style)
        }
    }
}
