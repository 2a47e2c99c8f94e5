import Foundation
import Safeguard

/// Renders a ``Scorecard`` as terminal text, Markdown or a self-contained HTML page.
public struct ScorecardRenderer: Sendable {
    /// The report's title.
    public var title: String
    /// Where the labels came from (a file name), shown under the title.
    public var source: String?
    /// Whether to list every miss with the safeguard's explanation.
    public var includeMisses: Bool
    /// Failing items listed per check (the rest are counted).
    public var failuresPerCheck: Int

    public init(
        title: String = "Waymark safeguard scorecard", source: String? = nil, includeMisses: Bool = false,
        failuresPerCheck: Int = 5
    ) {
        self.title = title
        self.source = source
        self.includeMisses = includeMisses
        self.failuresPerCheck = failuresPerCheck
    }

    /// Render in `format`.
    public func render(_ card: Scorecard, format: ScorecardFormat) -> String {
        switch format {
        case .text: text(card)
        case .markdown: markdown(card)
        case .html: html(card)
        }
    }

    // MARK: - Text

    /// Terminal text. The triggering block's lines are `score.py`'s (`name: value`, unindented;
    /// an empty figure says what the set lacks where `score.py` prints `None`); every other line
    /// is indented or starts with `#`, so `grep -E '^[a-z0-9_]+: '` extracts that block.
    public func text(_ card: Scorecard) -> String {
        var lines: [String] = ["# \(title)"]
        lines.append("# \(subtitle(card))")
        lines.append("")
        lines.append("# triggering (same figures as score.py)")
        lines += card.triggering.reportLines
        lines.append("")
        lines.append("  per level        gold  pred exact under  over  recall  precision")
        for row in card.breakdown.levels {
            lines.append(
                "  "
                    + [
                        pad(row.level.rawValue, 15), lpad(row.gold, 5), lpad(row.predicted, 5),
                        lpad(row.exact, 5),
                        lpad(row.under, 5), lpad(row.over, 5), lpad(ratioText(row.recall), 7),
                        lpad(ratioText(row.precision), 10),
                    ].joined(separator: " "))
        }
        lines.append("")
        lines += groupTextRows("per category", card.breakdown.categories, categories: true)
        lines.append("")
        lines += groupTextRows("per tag", card.breakdown.tags, categories: false)
        lines.append("")
        lines.append("  confusion (rows: label, columns: safeguard)")
        lines.append("  " + pad("", 10) + RiskLevel.allCases.map { lpad($0.rawValue, 10) }.joined())
        for level in RiskLevel.allCases {
            lines.append(
                "  " + pad(level.rawValue, 10)
                    + card.breakdown.confusion[level.rank].map { lpad($0, 10) }.joined())
        }
        for phase in card.checkPhases where !phase.checks.isEmpty {
            lines.append("")
            lines.append("# \(phase.name.lowercased())")
            for check in phase.checks {
                lines.append(
                    "  [\(lpad("\(check.passed)/\(check.checked)", 9)) \(percent(check.passRate))] \(check.title)"
                )
                for failure in check.failures.prefix(failuresPerCheck) {
                    lines.append("      - \(failure.itemID) turn \(failure.turn): \(failure.detail)")
                }
                if check.failures.count > failuresPerCheck {
                    lines.append("      … and \(check.failures.count - failuresPerCheck) more")
                }
            }
        }
        if includeMisses {
            lines.append("")
            lines.append("# misses (\(missSummary(card.misses)))")
            lines += missLines(card.misses)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The `--misses` listing on its own: each miss with gold vs predicted and the safeguard's
    /// explanation (signals with rule, text and modifiers; reasons).
    public func missLines(_ misses: [ScorecardMiss]) -> [String] {
        var lines: [String] = []
        for miss in misses {
            lines.append(
                "MISS \(miss.itemID) turn \(miss.turn) gold=\(miss.gold.level) pred=\(miss.assessment.level) (\(miss.kind))"
            )
            lines.append("  text: \(oneLine(miss.text, limit: 200))")
            lines.append(
                "  gold: \(miss.gold.level); categories \(list(miss.gold.categories.map(\.rawValue))); subject \(miss.gold.subject.rawValue); tags \(list(miss.gold.tags))"
            )
            lines.append(
                "  safeguard: \(miss.assessment.level); categories \(list(miss.assessment.categories.map(\.rawValue))); subject \(miss.assessment.subject.rawValue)"
            )
            if miss.assessment.signals.isEmpty {
                lines.append("  signals: none")
            }
            for signal in miss.assessment.signals {
                lines.append("  signal: \(signalText(signal))")
            }
            for reason in miss.assessment.reasons {
                lines.append("  reason: \(reason)")
            }
        }
        return lines
    }

    // MARK: - Markdown

    /// Markdown for sharing.
    public func markdown(_ card: Scorecard) -> String {
        var out: [String] = ["# \(title)", "", subtitle(card), ""]
        out.append("## Triggering")
        out.append("")
        out.append("Same figures as `score.py`:")
        out.append("")
        out.append("| figure | value |")
        out.append("|---|---|")
        for figure in card.triggering.figures {
            out.append("| `\(figure.name)` | \(figure.reportText) |")
        }
        out.append("")
        out.append("### Per level")
        out.append("")
        out.append(
            "| level | labelled | predicted | exact | under-called | over-called | recall | precision |")
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|")
        for row in card.breakdown.levels {
            out.append(
                "| \(row.level) | \(row.gold) | \(row.predicted) | \(row.exact) | \(row.under) | \(row.over) | \(ratioText(row.recall)) | \(ratioText(row.precision)) |"
            )
        }
        for (name, rows, isCategory) in [
            ("Per category", card.breakdown.categories, true), ("Per tag", card.breakdown.tags, false),
        ] where !rows.isEmpty {
            out.append("")
            out.append("### \(name)")
            out.append("")
            out.append(
                "| \(isCategory ? "category" : "tag") | items | exact | crisis recall | false alarms |"
                    + (isCategory ? " named | named wrongly |" : ""))
            out.append("|---|---:|---:|---:|---:|" + (isCategory ? "---:|---:|" : ""))
            for row in rows {
                var line =
                    "| \(row.name) | \(row.items) | \(row.exact) | \(fraction(row.riskyCaught, row.risky)) | \(fraction(row.safeFlagged, row.safe)) |"
                if isCategory {
                    line += " \(fraction(row.categoryNamed, row.items)) | \(row.categoryFalseAlarms) |"
                }
                out.append(line)
            }
        }
        out.append("")
        out.append("### Confusion matrix (rows: label, columns: safeguard)")
        out.append("")
        out.append(
            "| label \\ safeguard | " + RiskLevel.allCases.map(\.rawValue).joined(separator: " | ") + " |")
        out.append("|---|" + String(repeating: "---:|", count: 5))
        for level in RiskLevel.allCases {
            let cells = card.breakdown.confusion[level.rank].enumerated().map { index, count in
                index == level.rank ? "**\(count)**" : "\(count)"
            }
            out.append("| \(level) | " + cells.joined(separator: " | ") + " |")
        }
        for phase in card.checkPhases where !phase.checks.isEmpty {
            out.append("")
            out.append("## \(phase.name)")
            out.append("")
            out.append("| check | passed | rate |")
            out.append("|---|---:|---:|")
            for check in phase.checks {
                out.append(
                    "| \(check.title) | \(check.passed)/\(check.checked) | \(percent(check.passRate)) |")
            }
            let failing = phase.checks.filter { !$0.failures.isEmpty }
            if !failing.isEmpty {
                out.append("")
                for check in failing {
                    out.append("- **\(check.title)**")
                    for failure in check.failures.prefix(failuresPerCheck) {
                        out.append(
                            "  - `\(failure.itemID)` turn \(failure.turn): \(markdownEscaped(failure.detail))"
                        )
                    }
                    if check.failures.count > failuresPerCheck {
                        out.append("  - … and \(check.failures.count - failuresPerCheck) more")
                    }
                }
            }
        }
        if includeMisses {
            out.append("")
            out.append("## Misses (\(missSummary(card.misses)))")
            for miss in card.misses {
                out.append("")
                out.append(
                    "### `\(miss.itemID)` turn \(miss.turn): \(miss.kind) — label \(miss.gold.level), safeguard \(miss.assessment.level)"
                )
                out.append("")
                out.append("> \(markdownEscaped(oneLine(miss.text, limit: 300)))")
                out.append("")
                out.append(
                    "- label: \(miss.gold.level), categories \(list(miss.gold.categories.map(\.rawValue))), subject \(miss.gold.subject.rawValue), tags \(list(miss.gold.tags))"
                )
                out.append(
                    "- safeguard: \(miss.assessment.level), categories \(list(miss.assessment.categories.map(\.rawValue))), subject \(miss.assessment.subject.rawValue)"
                )
                for signal in miss.assessment.signals {
                    out.append("- signal: \(markdownEscaped(signalText(signal)))")
                }
                for reason in miss.assessment.reasons {
                    out.append("- reason: \(markdownEscaped(reason))")
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: - Shared pieces

    func subtitle(_ card: Scorecard) -> String {
        let figures = card.triggering
        var parts: [String] = []
        if let source { parts.append("labels: \(source)") }
        if card.conversations, case .count(let count)? = figures["conversations"] {
            parts.append("\(count) conversations")
        }
        if case .count(let items)? = figures["items"] { parts.append("\(items) labelled turns") }
        if card.unlabelledTurns > 0 { parts.append("\(card.unlabelledTurns) unlabelled turns") }
        return parts.joined(separator: " · ")
    }

    func signalText(_ signal: Signal) -> String {
        var text =
            "\(signal.rule) \"\(oneLine(signal.text, limit: 80))\" [\(signal.start)–\(signal.end)] \(signal.baseLevel)"
        if signal.level != signal.baseLevel { text += "→\(signal.level)" }
        if !signal.modifiers.isEmpty {
            text += " modifiers: " + signal.modifiers.map(\.rawValue).joined(separator: ", ")
        }
        if signal.subject != .speaker { text += " subject: \(signal.subject.rawValue)" }
        return text
    }

    private func groupTextRows(
        _ heading: String, _ rows: [TriggeringBreakdown.GroupRow], categories: Bool
    ) -> [String] {
        var lines = [
            "  " + pad(heading, 22) + " items exact  crisis-recall  false-alarms"
                + (categories ? "  named  wrong" : "")
        ]
        for row in rows {
            var line =
                "  " + pad(row.name, 22) + lpad(row.items, 6) + lpad(row.exact, 6)
                + lpad(fraction(row.riskyCaught, row.risky), 15)
                + lpad(fraction(row.safeFlagged, row.safe), 14)
            if categories {
                line += lpad(fraction(row.categoryNamed, row.items), 7) + lpad(row.categoryFalseAlarms, 7)
            }
            lines.append(line)
        }
        return lines
    }

    func ratioText(_ value: Double?) -> String { value.map { $0.description } ?? "–" }

    /// "5: 3 missed, 2 over-called; 1 crosses the crisis or emergency line (score.py --misses)".
    func missSummary(_ misses: [ScorecardMiss]) -> String {
        let missed = misses.filter { $0.kind == "missed" }.count
        let crossing = misses.filter(\.crossesLine).count
        return "\(misses.count): \(missed) missed, \(misses.count - missed) over-called; "
            + "\(crossing) \(crossing == 1 ? "crosses" : "cross") the crisis or emergency line (score.py --misses)"
    }

    func percent(_ value: Double?) -> String {
        guard let value else { return "  n/a" }
        let text = String(format: "%.0f%%", value * 100)
        return String(repeating: " ", count: max(0, 4 - text.count)) + text
    }

    func fraction(_ hits: Int, _ total: Int) -> String { total == 0 ? "–" : "\(hits)/\(total)" }

    func list(_ values: [String]) -> String { values.isEmpty ? "—" : values.joined(separator: ", ") }

    func oneLine(_ text: String, limit: Int) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        let safe = String(
            flat.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
        return safe.count > limit ? String(safe.prefix(limit)) + "…" : safe
    }

    private func markdownEscaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<>|#".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    private func lpad(_ value: some CustomStringConvertible, _ width: Int) -> String {
        let text = value.description
        return text.count >= width ? " " + text : String(repeating: " ", count: width - text.count) + text
    }
}
