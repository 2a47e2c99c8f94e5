import Foundation
import Safeguard

/// The JSON shapes of `waymark assess` (CONTRACTS.md), written with a stable key order.
enum AssessmentJSON {
    /// `{"id": …, "level": …, "categories": […], "subject": …, "signals": […]}`.
    /// A non-empty `note` (what was cut, or how a long message was read) is added as `"note"`.
    static func object(_ assessment: Assessment, id: Any?, note: String = "") -> String {
        var out = "{"
        if let id { out += "\"id\": \(value(id)), " }
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

    /// A JSON string literal.
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028
                    || scalar.value == 0x2029
                {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
