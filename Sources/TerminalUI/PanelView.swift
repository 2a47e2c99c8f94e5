/// A framed, scrollable panel covering the transcript (intro, help, services, inspector).
public struct PanelView {
    public var title: String
    public var paragraphs: [StyledText]
    public var footer: String
    public var scroll: Int

    public init(title: String, paragraphs: [StyledText], footer: String, scroll: Int = 0) {
        self.title = title
        self.paragraphs = paragraphs
        self.footer = footer
        self.scroll = scroll
    }

    /// Draw into `rect`; returns the scroll actually used (clamped to the content).
    @discardableResult
    public func render(in rect: Rect, into grid: inout CellGrid) -> Int {
        guard !rect.isEmpty else { return 0 }
        grid.fill(rect)
        let framed = rect.rows >= 5 && rect.cols >= 20
        let border = CellStyle(.border)
        let inner =
            framed
            ? Rect(row: rect.row + 1, col: rect.col + 2, rows: rect.rows - 2, cols: rect.cols - 4) : rect
        var lines: [[StyledText.Run]] = []
        if !framed {
            lines.append([StyledText.Run(title, CellStyle(.title, bold: true))])
        }
        for paragraph in paragraphs { lines += paragraph.wrapped(width: inner.cols) }
        let maxScroll = max(0, lines.count - inner.rows)
        let used = min(scroll, maxScroll)
        var marker = ""
        if maxScroll > 0 {
            marker =
                " " + (used < maxScroll ? "↓ " : "")
                + (used >= maxScroll ? "end" : "\(inner.rows + used)/\(lines.count)") + " "
        }
        if framed {
            let titleText = DisplayWidth.truncate(" " + title + " ", columns: rect.cols - 4)
            let top =
                "┌─" + titleText
                + String(repeating: "─", count: max(0, rect.cols - 3 - DisplayWidth.of(titleText))) + "┐"
            grid.put(top, row: rect.row, col: rect.col, maxColumns: rect.cols, style: border)
            grid.put(
                titleText, row: rect.row, col: rect.col + 2, maxColumns: rect.cols - 4,
                style: CellStyle(.title, bold: true))
            for row in (rect.row + 1)..<(rect.row + rect.rows - 1) {
                grid.put("│", row: row, col: rect.col, style: border)
                grid.put("│", row: row, col: rect.col + rect.cols - 1, style: border)
            }
            let footerText = DisplayWidth.truncate(
                " " + footer + " ", columns: rect.cols - 5 - DisplayWidth.of(marker))
            let bottom =
                "└─" + footerText
                + String(repeating: "─", count: max(0, rect.cols - 3 - DisplayWidth.of(footerText))) + "┘"
            grid.put(
                bottom, row: rect.row + rect.rows - 1, col: rect.col, maxColumns: rect.cols, style: border)
        }
        for offset in 0..<inner.rows {
            let index = used + offset
            guard index < lines.count else { break }
            grid.put(runs: lines[index], row: inner.row + offset, col: inner.col, maxColumns: inner.cols)
        }
        if framed && maxScroll > 0 {
            let col = rect.col + rect.cols - 2 - DisplayWidth.of(marker)
            grid.put(marker, row: rect.row + rect.rows - 1, col: col, style: CellStyle(.border, bold: true))
        }
        return used
    }
}
