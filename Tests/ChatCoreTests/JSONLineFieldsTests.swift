import ChatCore
import Foundation
import Testing

/// The one-pass reader of `assess --jsonl` lines against Foundation, the reader it stands in for:
/// whatever it accepts must read exactly as `JSONSerialization` reads it, and the literal writer
/// must write exactly what the previous `String(format:)` writer wrote.
struct JSONLineFieldsTests {
    /// `AssessmentJSON.string` as it was before issue 14 (the reference).
    static func referenceString(_ text: String) -> String {
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

    /// `AssessmentJSON.value` as it was before issue 14.
    static func referenceValue(_ value: Any) -> String {
        if let text = value as? String { return referenceString(text) }
        if JSONSerialization.isValidJSONObject([value]),
            let data = try? JSONSerialization.data(withJSONObject: [value], options: [.fragmentsAllowed]),
            let text = String(data: data, encoding: .utf8)
        {
            return String(text.dropFirst().dropLast())
        }
        return "null"
    }

    /// What the previous code read from a line: `nil` when it reported an error.
    static func reference(_ line: String) -> JSONLineFields? {
        guard
            let object = try? JSONSerialization.jsonObject(
                with: Data(line.utf8), options: [.fragmentsAllowed]),
            let dictionary = object as? [String: Any], let text = dictionary["text"] as? String
        else { return nil }
        return JSONLineFields(text: text, id: dictionary["id"].map(referenceValue))
    }

    static let pieces: [String] = [
        "a", "é", "😭", "💊", "\u{2028}", "\u{85}", "\u{7F}", " ", "\\\"", "\\\\", "\\/", "\\n", "\\t", "\\r",
        "\\b", "\\f", "\\u0041", "\\u00e9", "\\u0000", "\\u001f", "\\ud83d\\ude2d", "\\ud83d", "\\ude2d",
        "\\uD83D\\uDE2D", "\\u2028", "\\x", "\u{1}", "\t", "\"", "\\", "k1ll", "not", "\\u12", "é",
    ]

    static func randomString(_ generator: inout some RandomNumberGenerator) -> String {
        var out = "\""
        for _ in 0..<Int.random(in: 0...8, using: &generator) {
            out += pieces.randomElement(using: &generator)!
        }
        return out + "\""
    }

    static func randomValue(_ generator: inout some RandomNumberGenerator) -> String {
        let values = [
            "0", "7", "-5", "-0", "007", "1.5", "1e3", "123456789012345", "1234567890123456", "-", "true",
            "false", "null", "tru", "[1, 2]", "{\"a\": 1}", "[]", "{}", "\"\"", "nul", "+1", ".5",
        ]
        return Int.random(in: 0..<3, using: &generator) == 0
            ? values.randomElement(using: &generator)! : randomString(&generator)
    }

    static func randomLine(_ generator: inout some RandomNumberGenerator) -> String {
        let keys = ["\"text\"", "\"id\"", "\"x\"", "\"te\\u0078t\"", "\"Text\"", "\"i\\u0064\"", "\"level\""]
        var members: [String] = []
        if Bool.random(using: &generator) { members.append("\"text\": " + randomString(&generator)) }
        for _ in 0..<Int.random(in: 0...3, using: &generator) {
            let space = [" ", "", "  ", "\t"].randomElement(using: &generator)!
            members.append(keys.randomElement(using: &generator)! + ":" + space + randomValue(&generator))
        }
        members.shuffle(using: &generator)
        var line =
            "{" + members.joined(separator: [", ", ",", " , "].randomElement(using: &generator)!) + "}"
        switch Int.random(in: 0..<10, using: &generator) {
        case 0: line = " " + line + " "
        case 1: line.removeLast()
        case 2: line += "x"
        case 3 where !line.isEmpty:
            line.remove(
                at: line.index(line.startIndex, offsetBy: Int.random(in: 0..<line.count, using: &generator)))
        case 4: line = "[" + line + "]"
        default: break
        }
        return line
    }

    @Test func whatTheFastReaderAcceptsFoundationReadsTheSameWay() throws {
        var generator = SystemRandomNumberGenerator()
        var accepted = 0
        let fixed = [
            #"{"id": "a1", "text": "how many paracetamol would it take"}"#,
            #"{"id": 7, "text": "my nan passed"}"#, #"{"text": "x", "text": "y"}"#, #"{"text": 5}"#,
            #"{"id": null, "text": "a"}"#, #"{"id": 1.0, "text": "a"}"#,
            #"{"id": 12345678901234567890, "text": "a"}"#,
            #"{"text": "\ud800"}"#, #"{"text": "a"} "#, "{\"text\": \"tab\tinside\"}", #"{}"#, "",
            #"{"text": "a",}"#, #"{"text" "a"}"#, #"{"id": [1], "text": "a"}"#, "\u{FEFF}{\"text\": \"bom\"}",
        ]
        var lines = fixed
        for _ in 0..<20_000 { lines.append(Self.randomLine(&generator)) }
        for line in lines {
            guard let fast = JSONLineFields.read(line) else { continue }
            accepted += 1
            let reference = Self.reference(line)
            #expect(reference == fast, "\(line)")
        }
        #expect(accepted > 500)  // about 6% of the random lines are plain enough
        #expect(
            JSONLineFields.read(fixed[0])
                == JSONLineFields(text: "how many paracetamol would it take", id: "\"a1\""))
        #expect(JSONLineFields.read(fixed[1])?.id == "7")
    }

    @Test func theLiteralWriterWritesWhatTheFormatWriterWrote() {
        var generator = SystemRandomNumberGenerator()
        var samples = [
            "", "plain", "quote \" back \\ nl \n cr \r tab \t", "\u{0}\u{1f}\u{7f}\u{80}\u{9f}\u{a0}",
        ]
        samples.append("\u{2027}\u{2028}\u{2029}\u{202A} é 😭 💊⚰️ \u{10FFFF}")
        // A run copied as bytes ends where a scalar may need escaping: mid-character (a joiner, a
        // combining mark for symbols, a C1 control after a letter) the rest must follow on exactly.
        samples += [
            "family 👨\u{200D}👩\u{200D}👧 here", "e\u{301}\u{2028}x", "plain then \u{85} and \u{9f}",
            "sym \u{2603}\u{20E0} end", "’quoted’ … — \u{200B}", "all plain ascii, nothing to escape",
        ]
        for _ in 0..<3_000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                let ranges: [ClosedRange<UInt32>] = [
                    0...0xFF, 0x2000...0x2100, 0x1F600...0x1F64F, 0...0x10FFFF,
                ]
                let range = ranges.randomElement(using: &generator)!
                if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &generator)) {
                    scalars.append(scalar)
                }
            }
            samples.append(String(scalars))
        }
        for sample in samples {
            #expect(JSONText.string(sample) == Self.referenceString(sample))
        }
    }
}
