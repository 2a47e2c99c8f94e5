import Foundation

/// The conversations a `waymark replay` file holds.
struct ReplayInput {
    /// One conversation: its id and the person's turns, in order.
    struct Conversation {
        var id: String
        var turns: [String]
    }

    /// Parse plain lines (each line its own conversation, id = line number) or JSON lines
    /// (`{"id", "turns": [{"text"}]}` or `{"id", "text"}`). Bad lines become failures with a
    /// reason; the rest still run.
    static func parse(_ data: Data, jsonl: Bool) -> [Result<Conversation, ReplayInputError>] {
        var results: [Result<Conversation, ReplayInputError>] = []
        var lineNumber = 0
        for rawLine in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            var bytes = Data(rawLine)
            if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
            guard let line = String(data: bytes, encoding: .utf8) else {
                results.append(.failure(ReplayInputError(line: lineNumber, reason: "not valid UTF-8")))
                continue
            }
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            if !jsonl {
                results.append(.success(Conversation(id: String(lineNumber), turns: [line])))
                continue
            }
            results.append(parseJSONLine(bytes, lineNumber: lineNumber))
        }
        return results
    }

    private static func parseJSONLine(_ bytes: Data, lineNumber: Int) -> Result<
        Conversation, ReplayInputError
    > {
        guard let object = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any] else {
            return .failure(ReplayInputError(line: lineNumber, reason: "not a JSON object"))
        }
        let id = (object["id"] as? String) ?? (object["id"] as? Int).map(String.init) ?? String(lineNumber)
        if let turns = object["turns"] as? [[String: Any]] {
            let texts = turns.compactMap { $0["text"] as? String }
            guard texts.count == turns.count, !texts.isEmpty else {
                return .failure(
                    ReplayInputError(line: lineNumber, reason: "every turn needs a \"text\" string"))
            }
            return .success(Conversation(id: id, turns: texts))
        }
        if let text = object["text"] as? String {
            return .success(Conversation(id: id, turns: [text]))
        }
        return .failure(ReplayInputError(line: lineNumber, reason: "needs \"turns\" or \"text\""))
    }
}

/// A line of a replay file that could not be used.
struct ReplayInputError: Error, CustomStringConvertible {
    var line: Int
    var reason: String
    var description: String { "line \(line): \(reason)" }
}
