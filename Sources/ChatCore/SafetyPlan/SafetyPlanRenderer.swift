/// Turns a safety plan into Markdown or plain printable text. Pure: no I/O, width as a parameter.
public struct SafetyPlanRenderer: Sendable {
    /// The reviewed titles and empty-section text.
    public var guide: SafetyPlanGuide

    public init(guide: SafetyPlanGuide) {
        self.guide = guide
    }

    /// The plan as Markdown: a heading, then one numbered section each with a bullet list.
    /// - Parameters:
    ///   - updatedText: e.g. "Last updated 22 November 2026" (the caller formats the date).
    ///   - footer: extra paragraphs at the end (for example, where urgent help is).
    public func markdown(_ plan: SafetyPlan, updatedText: String? = nil, footer: [String] = []) -> String {
        var out = ["# \(Self.escapeMarkdown(guide.title))", ""]
        if let updatedText { out += ["_\(Self.escapeMarkdown(updatedText))_", ""] }
        for (offset, section) in SafetyPlanSection.allCases.enumerated() {
            out += ["## \(offset + 1). \(Self.escapeMarkdown(guide.section(section).title))", ""]
            let entries = plan[section]
            if entries.isEmpty {
                out.append("_\(Self.escapeMarkdown(guide.emptySection))_")
            } else {
                out += entries.map { "- \(Self.escapeMarkdown($0))" }
            }
            out.append("")
        }
        for paragraph in footer { out += [Self.escapeMarkdown(paragraph), ""] }
        return out.joined(separator: "\n")
    }

    /// The plan as plain text wrapped to `width` columns, for a terminal or to print.
    public func text(
        _ plan: SafetyPlan, width: Int = 72, updatedText: String? = nil, footer: [String] = []
    ) -> String {
        let width = max(width, 24)
        let title = guide.title.uppercased()
        var out = [title, String(repeating: "=", count: title.count)]
        if let updatedText { out.append(updatedText) }
        out.append("")
        for (offset, section) in SafetyPlanSection.allCases.enumerated() {
            out += Self.wrap("\(offset + 1). \(guide.section(section).title)", width: width, indent: "   ")
            let entries = plan[section]
            if entries.isEmpty {
                out += Self.wrap("   (\(guide.emptySection))", width: width, indent: "    ")
            } else {
                for entry in entries {
                    out += Self.wrap("   - \(entry)", width: width, indent: "     ")
                }
            }
            out.append("")
        }
        for paragraph in footer { out += Self.wrap(paragraph, width: width, indent: "") + [""] }
        return out.joined(separator: "\n")
    }

    // MARK: - Helpers

    /// Wrap at spaces so no line is longer than `width` characters (a longer word stands alone).
    static func wrap(_ text: String, width: Int, indent: String) -> [String] {
        let leading = String(text.prefix(while: { $0 == " " }))
        var lines: [String] = []
        var current = leading
        var currentHasWord = false
        for word in text.split(separator: " ") {
            let candidate = currentHasWord ? current + " " + word : current + word
            if currentHasWord, candidate.count > width {
                lines.append(current)
                current = indent + word
            } else {
                current = candidate
            }
            currentHasWord = true
        }
        lines.append(current)
        return lines
    }

    /// Escape the characters Markdown would treat as formatting, so entries show as typed.
    static func escapeMarkdown(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<>#|".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
