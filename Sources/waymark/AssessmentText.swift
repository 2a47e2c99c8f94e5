import Safeguard

/// A human-readable account of one assessment, for `waymark assess "some text"`.
enum AssessmentText {
    static func describe(_ assessment: Assessment, note: String = "") -> String {
        var lines: [String] = []
        lines.append("level:      \(assessment.level)")
        let categories = assessment.categories.map(\.rawValue).joined(separator: ", ")
        lines.append("categories: \(categories.isEmpty ? "–" : categories)")
        lines.append("subject:    \(assessment.subject.rawValue)")
        if assessment.signals.isEmpty {
            lines.append("signals:    none")
        } else {
            lines.append("signals:")
            for signal in assessment.signals {
                let modifiers = signal.modifiers.map(\.rawValue).joined(separator: ", ")
                lines.append(
                    "  \(signal.rule) \"\(signal.text.filter { $0 != "\n" })\" [\(signal.start)–\(signal.end)] "
                        + "\(signal.baseLevel)→\(signal.level)\(modifiers.isEmpty ? "" : " (\(modifiers))")")
            }
        }
        lines.append("why:")
        for reason in assessment.reasons { lines.append("  - \(reason)") }
        if !note.isEmpty { lines.append("note:       \(note)") }
        // Spans quote the person's text: shown free of control sequences.
        return ExternalText.shown(lines.joined(separator: "\n"))
    }
}
