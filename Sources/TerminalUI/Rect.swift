/// A rectangle of cells on the screen, in rows and columns.
public struct Rect: Sendable, Hashable {
    public var row: Int
    public var col: Int
    public var rows: Int
    public var cols: Int

    public init(row: Int, col: Int, rows: Int, cols: Int) {
        self.row = row
        self.col = col
        self.rows = max(0, rows)
        self.cols = max(0, cols)
    }

    /// True when nothing fits inside.
    public var isEmpty: Bool { rows <= 0 || cols <= 0 }
}
