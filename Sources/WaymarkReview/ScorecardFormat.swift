/// The report formats `waymark eval` can write.
public enum ScorecardFormat: String, Sendable, CaseIterable {
    /// For the terminal; triggering lines are `name: value` exactly like `score.py`.
    case text
    /// For sharing in issues and documents.
    case markdown
    /// A self-contained page (inline CSS and SVG, no scripts, no network).
    case html
}
