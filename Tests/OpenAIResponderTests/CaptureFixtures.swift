import Foundation

/// The captured llama-cpp-python streams in `Fixtures/`, and the text they carry.
enum CaptureFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    /// The reply text of a capture, worked out independently of `SSEParser` (split on blank
    /// lines, decode with `JSONSerialization`), as the oracle for the tests.
    static func expectedText(_ name: String) throws -> String {
        let text = String(decoding: try bytes(name), as: UTF8.self)
        var reply = ""
        for line in text.split(separator: "\n") where line.hasPrefix("data: ") {
            let payload = line.dropFirst("data: ".count)
            guard payload != "[DONE]",
                let object = try JSONSerialization.jsonObject(with: Data(payload.utf8)) as? [String: Any],
                let choices = object["choices"] as? [[String: Any]],
                let delta = choices.first?["delta"] as? [String: Any],
                let content = delta["content"] as? String
            else { continue }
            reply += content
        }
        return reply
    }
}
