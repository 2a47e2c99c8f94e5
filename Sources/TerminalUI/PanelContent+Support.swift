import ChatCore
import Foundation

// MARK: - Safety plan, breathing and history panels

extension PanelContent {
    /// The plan read-only: each section's title and entries (empty sections say so).
    public static func safetyPlan(_ plan: SafetyPlan, guide: SafetyPlanGuide) -> [StyledText] {
        var result: [StyledText] = []
        for section in SafetyPlanSection.allCases {
            if !result.isEmpty { result.append(.blank) }
            result.append(StyledText(guide.section(section).title, CellStyle(.title, bold: true)))
            let entries = plan[section]
            if entries.isEmpty {
                result.append(
                    StyledText("  " + guide.emptySection, CellStyle(.dim, dim: true), hangingIndent: 2))
            }
            for entry in entries { result.append(StyledText("  • " + entry, hangingIndent: 4)) }
        }
        return result
    }

    /// The editor's paragraphs and the index of the paragraph holding the selection.
    public static func planEditor(_ editor: PlanEditor) -> (paragraphs: [StyledText], selected: Int) {
        var result: [StyledText] = []
        var selected = 0
        let chosen = CellStyle(.selection, bold: true, reverse: true)
        for (index, section) in editor.sections.enumerated() {
            if !result.isEmpty { result.append(.blank) }
            let words = editor.guide.section(section)
            let isSection = index == editor.sectionIndex
            if isSection && editor.entryIndex == nil { selected = result.count }
            result.append(
                StyledText(
                    "\(index + 1). \(words.title)",
                    isSection && editor.entryIndex == nil && !editor.isTyping
                        ? chosen : CellStyle(.title, bold: true)
                ))
            if isSection {
                result.append(StyledText("   " + words.prompt, CellStyle(.dim), hangingIndent: 3))
            }
            let entries = editor.plan[section]
            for (entryIndex, entry) in entries.enumerated() {
                let isChosen = isSection && editor.entryIndex == entryIndex
                if isChosen { selected = result.count }
                if isChosen, editor.mode == .editing(entryIndex) {
                    result.append(
                        StyledText(
                            "   ✎ " + editor.field.text, CellStyle(.user, bold: true), hangingIndent: 5))
                } else {
                    result.append(
                        StyledText(
                            "   • " + entry, isChosen && !editor.isTyping ? chosen : .normal, hangingIndent: 5
                        ))
                }
            }
            if isSection && editor.mode == .adding {
                selected = result.count
                result.append(
                    StyledText("   + " + editor.field.text, CellStyle(.user, bold: true), hangingIndent: 5))
            } else if isSection && entries.isEmpty && !words.examples.isEmpty {
                let example = editor.guide.forExample.replacingOccurrences(
                    of: "{examples}", with: words.examples.prefix(2).joined(separator: "; "))
                result.append(StyledText("   " + example, CellStyle(.dim, dim: true), hangingIndent: 3))
            }
            if isSection && section == .professionals && !editor.suggestions.isEmpty {
                result.append(
                    StyledText(
                        "   Services you could add (press the number):", CellStyle(.dim), hangingIndent: 3))
                for (number, suggestion) in editor.suggestions.enumerated() {
                    let added = entries.contains(suggestion)
                    result.append(
                        StyledText(
                            "   [\(number + 1)] " + suggestion + (added ? " ✓" : ""),
                            CellStyle(.help, dim: added), hangingIndent: 7))
                }
            }
        }
        return (result, selected)
    }

    /// The breathing panel: the pattern, the words for now, and (unless reduced motion) a
    /// shape that grows as the lungs fill. `height` is the rows available for the shape.
    public static func breathing(_ state: BreathingState, reducedMotion: Bool, width: Int, height: Int)
        -> [StyledText]
    {
        let frame = state.frame
        let pattern = state.exercise.pattern
        var result: [StyledText] = [
            StyledText(pattern.name, CellStyle(.title, bold: true)),
            StyledText(pattern.summary, CellStyle(.dim)),
            .blank,
        ]
        if reducedMotion {
            result.append(StyledText(frame.reducedMotionText, CellStyle(bold: true)))
            result.append(.blank)
            result.append(StyledText("Breath \(frame.cycle) of \(frame.cycles)", CellStyle(.dim)))
            return result
        }
        result.append(StyledText(center(frame.text, width: width), CellStyle(.assistant, bold: true)))
        result.append(.blank)
        let maxSide = max(1, min(height - 6, width / 2 - 1, 7))
        let side = Int((frame.fill * Double(maxSide)).rounded())
        for row in 0..<maxSide {
            let filled = row >= maxSide - side
            let offset = maxSide - side
            let rowInShape = row - offset
            let fromMiddle = abs(Double(rowInShape) - Double(side - 1) / 2)
            let cells =
                filled ? max(2, Int(Double(side * 4) * (1 - fromMiddle / Double(max(side, 1)) * 0.5))) : 0
            result.append(
                StyledText(center(String(repeating: "█", count: cells), width: width), CellStyle(.help)))
        }
        result.append(.blank)
        let barWidth = max(4, min(width - 12, 40))
        let done = Int(frame.overallProgress * Double(barWidth))
        result.append(
            StyledText(
                center(
                    String(repeating: "━", count: done) + String(repeating: "─", count: barWidth - done)
                        + "  \(frame.cycle)/\(frame.cycles)", width: width), CellStyle(.dim)))
        return result
    }

    /// The history panel's lines.
    public static func history(_ lines: [String]) -> [StyledText] {
        lines.map { line in
            line.hasPrefix("## ")
                ? StyledText(String(line.dropFirst(3)), CellStyle(.title, bold: true))
                : StyledText(line, hangingIndent: 2)
        }
    }

    private static func center(_ text: String, width: Int) -> String {
        let pad = max(0, (width - DisplayWidth.of(text)) / 2)
        return String(repeating: " ", count: pad) + text
    }
}
