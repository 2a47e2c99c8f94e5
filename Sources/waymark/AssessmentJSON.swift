import ChatCore
import Foundation
import Safeguard

/// The JSON shapes of `waymark assess` (CONTRACTS.md), written with a stable key order.
enum AssessmentJSON {
    /// `{"id": …, "level": …, "categories": […], "subject": …, "signals": […]}`.
    /// When the encoder read the message, its two probabilities are added as
    /// `"encoder": {"crisis": …, "emergency": …}` (the cuts are in `thresholds.json`).
    /// A non-empty `note` (what was cut, or how a long message was read) is added as `"note"`.
    static func object(_ assessment: Assessment, id: Any?, note: String = "") -> String {
        object(assessment, idJSON: id.map(value), note: note)
    }

    /// The same, with the id already written as JSON (``JSONLineFields/id``).
    static func object(_ assessment: Assessment, idJSON: String?, note: String = "") -> String {
        var out = "{"
        if let idJSON { out += "\"id\": \(idJSON), " }
        out += "\"level\": \(string(assessment.level.rawValue)), "
        out +=
            "\"categories\": [\(assessment.categories.map { string($0.rawValue) }.joined(separator: ", "))], "
        out += "\"subject\": \(string(assessment.subject.rawValue)), "
        let signals = assessment.signals.map { signal in
            "{\"rule\": \(string(signal.rule)), \"text\": \(string(signal.text)), "
                + "\"start\": \(signal.start), \"end\": \(signal.end), "
                + "\"modifiers\": [\(signal.modifiers.map { string($0.rawValue) }.joined(separator: ", "))]}"
        }
        out += "\"signals\": [\(signals.joined(separator: ", "))]"
        if let reading = assessment.encoder {
            out +=
                ", \"encoder\": {\"crisis\": \(probability(reading.crisis)), "
                + "\"emergency\": \(probability(reading.emergency))}"
        }
        if !note.isEmpty { out += ", \"note\": \(string(note))" }
        return out + "}"
    }

    /// `{"line": N, "error": "…"}` (with the id when one was readable).
    static func error(_ message: String, id: Any? = nil, line: Int? = nil) -> String {
        var out = "{"
        if let line { out += "\"line\": \(line), " }
        if let id { out += "\"id\": \(value(id)), " }
        return out + "\"error\": \(string(message))}"
    }

    /// `{"line": N, "skipped": "blank line"}`: keeps the output one line per input line.
    static func skippedBlank(line: Int) -> String {
        "{\"line\": \(line), \"skipped\": \"blank line\"}"
    }

    /// A JSON value copied from input (an id).
    static func value(_ value: Any) -> String {
        if let text = value as? String { return string(text) }
        if JSONSerialization.isValidJSONObject([value]),
            let data = try? JSONSerialization.data(withJSONObject: [value], options: [.fragmentsAllowed]),
            let text = String(data: data, encoding: .utf8)
        {
            return String(text.dropFirst().dropLast())
        }
        return "null"
    }

    /// A probability with four decimals (finite by construction; 0 if not).
    static func probability(_ value: Double) -> String {
        value.isFinite ? String(format: "%.4f", min(1, max(0, value))) : "0"
    }

    /// A JSON string literal (``JSONText``).
    static func string(_ text: String) -> String { JSONText.string(text) }
}
