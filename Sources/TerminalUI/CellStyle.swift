/// How a cell looks: a semantic role (mapped to colours by the terminal) plus attributes.
public struct CellStyle: Sendable, Hashable {
    /// What the text is, so the terminal can pick a colour (or none, under `NO_COLOR`).
    public enum Role: Int, Sendable, Hashable, CaseIterable {
        case normal = 0
        case title
        case user
        case assistant
        case safeguard
        case notice
        case help
        case highlight
        case dim
        case border
        case warning
        case selection
    }

    public var role: Role
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    public init(
        _ role: Role = .normal, bold: Bool = false, reverse: Bool = false, underline: Bool = false,
        dim: Bool = false
    ) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    public static let normal = CellStyle()
}
