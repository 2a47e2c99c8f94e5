import Foundation
import Safeguard

extension ScorecardRenderer {
    /// A self-contained HTML page: inline CSS and SVG, no scripts, no network. The markup is
    /// XHTML-compatible (it parses as XML), so tests can check it with `XMLParser`.
    public func html(_ card: Scorecard) -> String {
        var body: [String] = []
        body.append(
            "<header><h1>\(escaped(title))</h1><p class=\"sub\">\(escaped(subtitle(card)))</p></header>")
        body.append("<main>")
        body.append(summarySection(card))
        body.append(triggeringSection(card))
        for phase in card.checkPhases where !phase.checks.isEmpty {
            body.append(phaseSection(phase.name, phase.checks))
        }
        if includeMisses { body.append(missesSection(card.misses)) }
        body.append("</main>")
        body.append(
            "<footer><p>Made by <code>waymark eval</code>. Triggering figures are computed exactly as the shared <code>score.py</code> computes them. Framing, referral and after checks read what Waymark showed; see <code>resources/review/</code> for the phrase lists and service table they use.</p></footer>"
        )
        return """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en-GB">
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>\(escaped(title))</title>
            <style>
            \(Self.css)
            </style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }

    static let css = """
        :root { color-scheme: light; }
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
          margin: 0; color: #1a1a1a; background: #ffffff; line-height: 1.45; }
        header { background: #15365c; color: #ffffff; padding: 20px 32px; }
        header h1 { margin: 0; font-size: 1.6rem; }
        header .sub { margin: 4px 0 0; color: #dbe6f3; }
        main { max-width: 1080px; margin: 0 auto; padding: 8px 32px 24px; }
        section { margin: 24px 0 32px; }
        h2 { font-size: 1.3rem; border-bottom: 2px solid #15365c; padding-bottom: 4px; margin-bottom: 12px; }
        h3 { font-size: 1.05rem; margin: 20px 0 8px; }
        table { border-collapse: collapse; margin: 8px 0 16px; font-size: 0.92rem; }
        caption { text-align: left; font-weight: 600; padding: 4px 0; color: #1a1a1a; }
        th, td { border: 1px solid #c8ced6; padding: 4px 10px; text-align: left; vertical-align: top; }
        th { background: #eef2f7; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .grid { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
        .grid > div { flex: 1 1 420px; min-width: 0; }
        .grid table { font-size: 0.86rem; }
        .grid th, .grid td { padding: 3px 8px; }
        .cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 8px 0; }
        .card { border: 1px solid #c8ced6; border-radius: 6px; padding: 10px 14px; min-width: 150px; background: #f8fafc; }
        .card .v { font-size: 1.5rem; font-weight: 700; display: block; }
        .card .k { font-size: 0.85rem; color: #3d4652; }
        .fail { margin: 4px 0 12px 0; padding-left: 20px; font-size: 0.9rem; }
        .fail li { margin: 2px 0; }
        .miss { border-left: 4px solid #b3261e; padding: 6px 12px; margin: 12px 0; background: #fdf4f3; }
        .miss.over { border-left-color: #8a5a00; background: #fbf6ec; }
        .miss blockquote { margin: 6px 0; font-style: italic; }
        .miss ul { margin: 4px 0; padding-left: 20px; font-size: 0.9rem; }
        code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, monospace; font-size: 0.88em; }
        svg text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
        footer { max-width: 1080px; margin: 0 auto; padding: 0 32px 32px; color: #3d4652; font-size: 0.85rem; }
        """

    // MARK: - Sections

    private func summarySection(_ card: Scorecard) -> String {
        let keys = [
            ("crisis_recall", "Crisis recall"), ("emergency_recall", "Emergency recall"),
            ("false_alarm_rate", "False alarms (lower is better)"),
            ("idiom_false_alarm_rate", "Idiom false alarms (lower is better)"),
            ("boundary_recall", "Boundary recall"), ("level_macro_f1", "Level macro F1"),
        ]
        var cards: [String] = []
        for (name, label) in keys {
            guard let value = card.triggering[name] else { continue }
            let shown: String
            switch value {
            case .count(let count): shown = String(count)
            case .ratio(let ratio):
                shown =
                    ratio.map { String(format: "%.1f%%", $0 * 100) }
                    ?? ScoreFigure(name: name, value: value).reportText
            }
            cards.append(
                "<div class=\"card\"><span class=\"v\">\(shown)</span><span class=\"k\">\(label)</span></div>"
            )
        }
        for phase in card.checkPhases where !phase.checks.isEmpty {
            let passed = phase.checks.map(\.passed).reduce(0, +)
            let checked = phase.checks.map(\.checked).reduce(0, +)
            let rate = ScoreFigure.ratio(passed, checked).map { String(format: "%.1f%%", $0 * 100) } ?? "n/a"
            cards.append(
                "<div class=\"card\"><span class=\"v\">\(rate)</span><span class=\"k\">\(phase.name) checks passed (\(passed)/\(checked))</span></div>"
            )
        }
        return "<section aria-labelledby=\"summary\"><h2 id=\"summary\">Summary</h2><div class=\"cards\">"
            + cards.joined() + "</div></section>"
    }

    private func triggeringSection(_ card: Scorecard) -> String {
        var out = "<section aria-labelledby=\"triggering\"><h2 id=\"triggering\">Triggering</h2>"
        out += "<div class=\"grid\"><div>"
        out += "<table><caption>Figures (same as <code>score.py</code>)</caption>"
        out +=
            "<thead><tr><th scope=\"col\">figure</th><th scope=\"col\" class=\"num\">value</th></tr></thead><tbody>"
        for figure in card.triggering.figures {
            out +=
                "<tr><th scope=\"row\"><code>\(figure.name)</code></th><td class=\"num\">\(figure.reportText)</td></tr>"
        }
        out += "</tbody></table></div><div>"
        out += "<h3 id=\"heatmap-title\">Confusion matrix</h3>"
        out += heatMap(card.breakdown.confusion)
        out += confusionTable(card.breakdown.confusion)
        out += "</div></div>"
        out += "<table><caption>Per level</caption><thead><tr><th scope=\"col\">level</th>"
        for heading in [
            "labelled", "predicted", "exact", "under-called", "over-called", "recall", "precision",
        ] {
            out += "<th scope=\"col\" class=\"num\">\(heading)</th>"
        }
        out += "</tr></thead><tbody>"
        for row in card.breakdown.levels {
            out += "<tr><th scope=\"row\">\(row.level)</th>"
            for value in [
                "\(row.gold)", "\(row.predicted)", "\(row.exact)", "\(row.under)", "\(row.over)",
                ratioText(row.recall), ratioText(row.precision),
            ] {
                out += "<td class=\"num\">\(value)</td>"
            }
            out += "</tr>"
        }
        out += "</tbody></table>"
        out += groupTable("Per category", card.breakdown.categories, isCategory: true)
        out += groupTable("Per tag", card.breakdown.tags, isCategory: false)
        return out + "</section>"
    }

    private func groupTable(_ caption: String, _ rows: [TriggeringBreakdown.GroupRow], isCategory: Bool)
        -> String
    {
        guard !rows.isEmpty else { return "" }
        var out =
            "<table><caption>\(caption)</caption><thead><tr><th scope=\"col\">\(isCategory ? "category" : "tag")</th>"
        var headings = ["items", "exact level", "crisis recall", "false alarms"]
        if isCategory { headings += ["category named", "named wrongly"] }
        out += headings.map { "<th scope=\"col\" class=\"num\">\($0)</th>" }.joined() + "</tr></thead><tbody>"
        for row in rows {
            var cells = [
                "\(row.items)", fraction(row.exact, row.items), fraction(row.riskyCaught, row.risky),
                fraction(row.safeFlagged, row.safe),
            ]
            if isCategory { cells += [fraction(row.categoryNamed, row.items), "\(row.categoryFalseAlarms)"] }
            out +=
                "<tr><th scope=\"row\">\(escaped(row.name))</th>"
                + cells.map { "<td class=\"num\">\($0)</td>" }.joined() + "</tr>"
        }
        return out + "</tbody></table>"
    }

    private func confusionTable(_ matrix: [[Int]]) -> String {
        var out = "<table><caption>Confusion matrix as numbers (rows: label, columns: safeguard)</caption>"
        out += "<thead><tr><th scope=\"col\">label \\ safeguard</th>"
        out +=
            RiskLevel.allCases.map { "<th scope=\"col\" class=\"num\">\($0)</th>" }.joined()
            + "</tr></thead><tbody>"
        for level in RiskLevel.allCases {
            out += "<tr><th scope=\"row\">\(level)</th>"
            out += matrix[level.rank].map { "<td class=\"num\">\($0)</td>" }.joined() + "</tr>"
        }
        return out + "</tbody></table>"
    }

    /// A 5×5 heat map; each cell's shade is its share of the row (the labelled level).
    func heatMap(_ matrix: [[Int]]) -> String {
        let cell = 72.0
        let height = 44.0
        let left = 92.0
        let top = 46.0
        let width = left + cell * 5 + 10
        let total = top + height * 5 + 12
        var out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"heatmap\" role=\"img\" aria-labelledby=\"heatmap-svg-title heatmap-svg-desc\" width=\"\(Int(width))\" height=\"\(Int(total))\" viewBox=\"0 0 \(Int(width)) \(Int(total))\">"
        out += "<title id=\"heatmap-svg-title\">Confusion matrix heat map</title>"
        out +=
            "<desc id=\"heatmap-svg-desc\">Rows are the labelled level, columns the safeguard's level; darker cells hold a larger share of the row. The diagonal (outlined in orange) is agreement. The same numbers are in the table below.</desc>"
        out +=
            "<text x=\"\(left + cell * 2.5)\" y=\"14\" text-anchor=\"middle\" font-size=\"12\" fill=\"#3d4652\">safeguard →</text>"
            + "<text x=\"4\" y=\"\(top - 8)\" font-size=\"12\" fill=\"#3d4652\">label ↓</text>"
        for level in RiskLevel.allCases {
            let x = left + cell * Double(level.rank) + cell / 2
            out +=
                "<text x=\"\(x)\" y=\"\(top - 8)\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1a1a1a\">\(level)</text>"
            let y = top + height * Double(level.rank) + height / 2 + 4
            out +=
                "<text x=\"\(left - 8)\" y=\"\(y)\" text-anchor=\"end\" font-size=\"12\" fill=\"#1a1a1a\">\(level)</text>"
        }
        for row in 0..<5 {
            let rowTotal = matrix[row].reduce(0, +)
            for column in 0..<5 {
                let count = matrix[row][column]
                let share = rowTotal == 0 ? 0 : Double(count) / Double(rowTotal)
                let x = left + cell * Double(column)
                let y = top + height * Double(row)
                let colours = shade(share)
                out +=
                    "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cell)\" height=\"\(height)\" fill=\"\(colours.fill)\" stroke=\"#ffffff\" stroke-width=\"1\"><title>label \(RiskLevel.allCases[row]), safeguard \(RiskLevel.allCases[column]): \(count)</title></rect>"
                let ink = colours.ink
                let label = rowTotal == 0 ? "\(count)" : "\(count) (\(Int((share * 100).rounded()))%)"
                out +=
                    "<text x=\"\(x + cell / 2)\" y=\"\(y + height / 2 + 4)\" text-anchor=\"middle\" font-size=\"12\" fill=\"\(ink)\">\(label)</text>"
            }
        }
        // The diagonal (agreement) is outlined last, so no neighbouring cell paints over it.
        for index in 0..<5 {
            let x = left + cell * Double(index) + 1.5
            let y = top + height * Double(index) + 1.5
            out +=
                "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cell - 3)\" height=\"\(height - 3)\" fill=\"none\" stroke=\"#c2410c\" stroke-width=\"3\" />"
        }
        return out + "</svg>"
    }

    /// The fill for a cell holding `share` of its row: light blues below 60 % (dark text),
    /// dark blues from 60 % (white text). No mid-tones, so both inks keep a contrast of at least
    /// 4.5:1 (WCAG AA) against every fill.
    func shade(_ share: Double) -> (fill: String, ink: String) {
        func mix(_ from: (Double, Double, Double), _ to: (Double, Double, Double), _ t: Double) -> String {
            func channel(_ a: Double, _ b: Double) -> Int { Int((a + (b - a) * t).rounded()) }
            return String(
                format: "#%02x%02x%02x", channel(from.0, to.0), channel(from.1, to.1), channel(from.2, to.2))
        }
        if share < 0.6 {
            return (mix((247, 251, 255), (158, 202, 225), share / 0.6), "#1a1a1a")
        }
        return (mix((33, 113, 181), (8, 48, 107), (share - 0.6) / 0.4), "#ffffff")
    }

    private func phaseSection(_ name: String, _ checks: [ReviewCheck]) -> String {
        let anchor = name.lowercased()
        var out = "<section aria-labelledby=\"\(anchor)\"><h2 id=\"\(anchor)\">\(name)</h2>"
        out += phaseBars(name, checks)
        out += "<table><caption>\(name) checks</caption><thead><tr><th scope=\"col\">check</th>"
        out += "<th scope=\"col\" class=\"num\">passed</th><th scope=\"col\" class=\"num\">failed</th>"
        out += "<th scope=\"col\" class=\"num\">rate</th></tr></thead><tbody>"
        for check in checks {
            out += "<tr><th scope=\"row\">\(escaped(check.title))</th><td class=\"num\">\(check.passed)</td>"
            out +=
                "<td class=\"num\">\(check.failed)</td><td class=\"num\">\(percent(check.passRate))</td></tr>"
        }
        out += "</tbody></table>"
        for check in checks where !check.failures.isEmpty {
            out += "<h3>\(escaped(check.title)): failing</h3><ul class=\"fail\">"
            for failure in check.failures.prefix(failuresPerCheck) {
                out +=
                    "<li><code>\(escaped(failure.itemID))</code> turn \(failure.turn): \(escaped(failure.detail))</li>"
            }
            if check.failures.count > failuresPerCheck {
                out += "<li>… and \(check.failures.count - failuresPerCheck) more</li>"
            }
            out += "</ul>"
        }
        return out + "</section>"
    }

    /// One horizontal bar per check: the share of checked turns that passed.
    func phaseBars(_ name: String, _ checks: [ReviewCheck]) -> String {
        let labelWidth = 410.0
        let barWidth = 420.0
        let rowHeight = 30.0
        let width = labelWidth + barWidth + 110
        let height = rowHeight * Double(checks.count) + 10
        let id = "bars-\(name.lowercased())"
        var out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bars\" role=\"img\" aria-labelledby=\"\(id)\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\">"
        out += "<title id=\"\(id)\">\(name) checks: share passed</title>"
        for (index, check) in checks.enumerated() {
            let y = 5 + rowHeight * Double(index)
            let rate = check.passRate
            let colour: String
            switch rate ?? 1 {
            case 0.9...: colour = "#1b6e35"
            case 0.6..<0.9: colour = "#8a5a00"
            default: colour = "#b3261e"
            }
            out +=
                "<text x=\"\(labelWidth - 10)\" y=\"\(y + 18)\" text-anchor=\"end\" font-size=\"13\" fill=\"#1a1a1a\">\(escaped(shortTitle(check.title)))</text>"
            out +=
                "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(barWidth)\" height=\"18\" fill=\"#e6eaef\" />"
            if rate == 0 {
                out +=
                    "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"4\" height=\"18\" fill=\"\(colour)\" />"
            } else if let rate {
                out +=
                    "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(Int((barWidth * rate).rounded()))\" height=\"18\" fill=\"\(colour)\" />"
            }
            let label =
                rate == nil
                ? "not checked"
                : "\(check.passed)/\(check.checked) (\(percent(rate).trimmingCharacters(in: .whitespaces)))"
            out +=
                "<text x=\"\(labelWidth + barWidth + 8)\" y=\"\(y + 18)\" font-size=\"13\" fill=\"#1a1a1a\">\(label)</text>"
        }
        return out + "</svg>"
    }

    private func shortTitle(_ title: String) -> String {
        title.count > 60 ? String(title.prefix(59)) + "…" : title
    }

    private func missesSection(_ misses: [ScorecardMiss]) -> String {
        var out = "<section aria-labelledby=\"misses\"><h2 id=\"misses\">Misses (\(missSummary(misses)))</h2>"
        if misses.isEmpty {
            out += "<p>The safeguard read every labelled turn at its labelled level.</p>"
        }
        for miss in misses {
            out += "<div class=\"miss\(miss.kind == "missed" ? "" : " over")\">"
            out +=
                "<h3><code>\(escaped(miss.itemID))</code> turn \(miss.turn): \(miss.kind): label \(miss.gold.level), safeguard \(miss.assessment.level)</h3>"
            out += "<blockquote>\(escaped(oneLine(miss.text, limit: 400)))</blockquote><ul>"
            out +=
                "<li>label: \(miss.gold.level); categories \(escaped(list(miss.gold.categories.map(\.rawValue)))); subject \(miss.gold.subject.rawValue); tags \(escaped(list(miss.gold.tags)))</li>"
            out +=
                "<li>safeguard: \(miss.assessment.level); categories \(escaped(list(miss.assessment.categories.map(\.rawValue)))); subject \(miss.assessment.subject.rawValue)</li>"
            if miss.assessment.signals.isEmpty { out += "<li>signals: none</li>" }
            for signal in miss.assessment.signals {
                out += "<li>signal: <code>\(escaped(signalText(signal)))</code></li>"
            }
            for reason in miss.assessment.reasons {
                out += "<li>reason: \(escaped(reason))</li>"
            }
            out += "</ul></div>"
        }
        return out + "</section>"
    }

    /// Text escaped for HTML/XML content and attributes; control characters dropped.
    func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" || scalar.value == 0x7F
                    || (0x80...0x9F).contains(scalar.value)
                {
                    continue
                }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
