import ChatCore
import Foundation
import Safeguard

/// The JSON shapes of `waymark assess` (CONTRACTS.md), written with a stable key order.
enum AssessmentJSON {
    /// `{"id": …, "level": …, "categories": […], "subject": …, "signals": […]}`.
    /// When the encoder read the message, its probabilities are added as
    /// `"encoder": {"crisis": …, "emergency": …, "boundary": …, "topic": …}` (the cuts are in
    /// `thresholds.json` and `boundary-head.json`; boundary and topic only with a boundary head).
    /// A non-empty `note` (what was cut, or how a long message was read) is added as `"note"`.
    static func object(_ assessment: Assessment, id: Any?, note: String = "") -> String {
        object(assessment, idJSON: id.map(value), note: note)
    }

    /// The same, with the id already written as JSON (``JSONLineFields/id``).
    static func object(_ assessment: Assessment, idJSON: String?, note: String = "") -> String {
        var out: [UInt8] = []
        append(assessment, idJSON: idJSON, note: note, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The same object appended to `out` as UTF-8: the bytes ``object(_:idJSON:note:)`` returns,
    /// written straight into the output buffer (no intermediate strings per field).
    static func append(_ assessment: Assessment, idJSON: String?, note: String = "", to out: inout [UInt8]) {
        func put(_ text: String) { out.append(contentsOf: text.utf8) }
        func literal(_ text: String) { JSONText.append(text, to: &out) }
        func integer(_ value: Int) {
            if value >= 0 && value < 10 {
                out.append(0x30 + UInt8(value))
            } else {
                put(String(value))
            }
        }
        out.append(0x7B)
        if let idJSON {
            put("\"id\": ")
            put(idJSON)
            put(", ")
        }
        put("\"level\": ")
        literal(assessment.level.rawValue)
        put(", \"categories\": [")
        for (index, category) in assessment.categories.enumerated() {
            if index > 0 { put(", ") }
            literal(category.rawValue)
        }
        put("], \"subject\": ")
        literal(assessment.subject.rawValue)
        put(", \"signals\": [")
        for (index, signal) in assessment.signals.enumerated() {
            if index > 0 { put(", ") }
            put("{\"rule\": ")
            literal(signal.rule)
            put(", \"text\": ")
            literal(signal.text)
            put(", \"start\": ")
            integer(signal.start)
            put(", \"end\": ")
            integer(signal.end)
            put(", \"modifiers\": [")
            for (index, modifier) in signal.modifiers.enumerated() {
                if index > 0 { put(", ") }
                literal(modifier.rawValue)
            }
            put("]}")
        }
        out.append(0x5D)
        if let reading = assessment.encoder {
            put(", \"encoder\": {\"crisis\": ")
            put(probability(reading.crisis))
            put(", \"emergency\": ")
            put(probability(reading.emergency))
            if let boundary = reading.boundary {
                put(", \"boundary\": ")
                put(probability(boundary))
            }
            if let topic = reading.topic {
                put(", \"topic\": ")
                literal(topic.rawValue)
            }
            out.append(0x7D)
        }
        if !note.isEmpty {
            put(", \"note\": ")
            literal(note)
        }
        out.append(0x7D)
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
