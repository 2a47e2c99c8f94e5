/// An in-memory screen: one cell per column, compared with `==` and read as `lines` in tests.
///
/// A wide character occupies its cell plus a continuation cell whose `text` is `""`, like
/// ncurses and tmux. ``lines`` prints rows the way `tmux capture-pane -p` does (trailing
/// spaces trimmed), so expected strings in tests look like real captures.
public struct CellGrid: Sendable, Equatable {
    /// One screen cell.
    public struct Cell: Sendable, Equatable {
        /// The grapheme cluster drawn here; `""` for the right half of a wide character.
        public var text: String
        public var style: CellStyle

        public init(_ text: String = " ", style: CellStyle = .normal) {
            self.text = text
            self.style = style
        }

        public static let blank = Cell()
    }

    /// A cursor position.
    public struct Position: Sendable, Equatable {
        public var row: Int
        public var col: Int

        public init(row: Int, col: Int) {
            self.row = row
            self.col = col
        }
    }

    public private(set) var rows: Int
    public private(set) var cols: Int
    /// Row-major cells.
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be, or `nil` to hide it.
    public var cursor: Position?

    public init(rows: Int, cols: Int) {
        self.rows = max(0, rows)
        self.cols = max(0, cols)
        self.cells = Array(repeating: .blank, count: self.rows * self.cols)
        self.cursor = nil
    }

    /// The cell at a position (blank outside the grid).
    public subscript(row: Int, col: Int) -> Cell {
        guard row >= 0, row < rows, col >= 0, col < cols else { return .blank }
        return cells[row * cols + col]
    }

    /// The whole grid as a rectangle.
    public var bounds: Rect { Rect(row: 0, col: 0, rows: rows, cols: cols) }

    /// Blank every cell and hide the cursor.
    public mutating func clear() {
        for index in cells.indices { cells[index] = .blank }
        cursor = nil
    }

    /// Fill a rectangle with blanks of a style.
    public mutating func fill(_ rect: Rect, style: CellStyle = .normal) {
        let clipped = clip(rect)
        guard !clipped.isEmpty else { return }
        for row in clipped.row..<(clipped.row + clipped.rows) {
            for col in clipped.col..<(clipped.col + clipped.cols) {
                cells[row * cols + col] = Cell(" ", style: style)
            }
        }
    }

    /// Draw `text` (expected to be sanitized) at a position, clipped to `maxColumns` and the
    /// grid; a wide character that would straddle the edge is not drawn. Returns columns used.
    @discardableResult
    public mutating func put(
        _ text: some StringProtocol, row: Int, col: Int, maxColumns: Int? = nil, style: CellStyle = .normal
    ) -> Int {
        guard row >= 0, row < rows, col < cols else { return 0 }
        let limit = min(cols, col + (maxColumns ?? cols))
        var x = col
        for character in text {
            var drawn = character
            var width = DisplayWidth.of(character)
            if character.unicodeScalars.first.map({ $0.value < 0x20 || $0.value == 0x7F }) ?? false {
                drawn = "\u{FFFD}"
                width = 1
            }
            if width == 0 {
                // A zero-width cluster on its own: merge into the previous cell.
                if x > col, x - 1 >= 0 {
                    var prev = x - 1
                    while prev > col, cells[row * cols + prev].text.isEmpty { prev -= 1 }
                    cells[row * cols + prev].text.append(drawn)
                }
                continue
            }
            if x + width > limit { break }
            if x >= 0 {
                cells[row * cols + x] = Cell(String(drawn), style: style)
                for extra in 1..<max(1, width) where x + extra < cols {
                    cells[row * cols + x + extra] = Cell("", style: style)
                }
            }
            x += width
        }
        return x - col
    }

    /// Draw a row of one repeated character across `count` columns.
    public mutating func repeatCharacter(
        _ character: Character, row: Int, col: Int, count: Int, style: CellStyle
    ) {
        guard count > 0 else { return }
        put(String(repeating: character, count: count), row: row, col: col, maxColumns: count, style: style)
    }

    /// Rows as text, trailing spaces trimmed, like `tmux capture-pane -p`.
    public var lines: [String] {
        (0..<rows).map(line)
    }

    /// One row as text, trailing spaces trimmed.
    public func line(_ row: Int) -> String {
        var text = ""
        for col in 0..<cols { text += cells[row * cols + col].text }
        while text.last == " " { text.removeLast() }
        return text
    }

    /// The style of the first cell of `row` whose text starts `needle`, for tests.
    public func style(of needle: String, inRow row: Int) -> CellStyle? {
        var column = 0
        var text = ""
        var starts: [Int] = []
        for col in 0..<cols {
            starts.append(text.count)
            text += cells[row * cols + col].text
            column += 1
        }
        guard let range = text.range(of: needle) else { return nil }
        let offset = text.distance(from: text.startIndex, to: range.lowerBound)
        guard let col = starts.lastIndex(where: { $0 <= offset }) else { return nil }
        return cells[row * cols + col].style
    }

    private func clip(_ rect: Rect) -> Rect {
        let top = max(0, rect.row)
        let left = max(0, rect.col)
        let bottom = min(rows, rect.row + rect.rows)
        let right = min(cols, rect.col + rect.cols)
        return Rect(row: top, col: left, rows: bottom - top, cols: right - left)
    }
}
