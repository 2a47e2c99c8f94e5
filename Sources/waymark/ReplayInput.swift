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
            if let result = parse(line: Data(rawLine), number: lineNumber, jsonl: jsonl) {
                results.append(result)
            }
        }
        return results
    }

    /// One line (without its `\n`): a conversation, a failure with a reason, or `nil` for a
    /// blank line.
    static func parse(line rawLine: Data, number lineNumber: Int, jsonl: Bool) -> Result<
        Conversation, ReplayInputError
    >? {
        var bytes = rawLine
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        guard let line = String(data: bytes, encoding: .utf8) else {
            return .failure(ReplayInputError(line: lineNumber, reason: "not valid UTF-8"))
        }
        if line.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
        if !jsonl {
            return .success(Conversation(id: String(lineNumber), turns: [line]))
        }
        return parseJSONLine(bytes, lineNumber: lineNumber)
    }

    /// The longest turn replayed, in characters (Unicode scalars): the work per message stays
    /// bounded whatever the file holds.
    static let maxTurnScalars = 16_000

    /// `text` cut to ``maxTurnScalars``, and whether it was cut.
    static func bounded(_ text: String) -> (text: String, wasCut: Bool) {
        let scalars = text.unicodeScalars
        guard
            let end = scalars.index(
                scalars.startIndex, offsetBy: maxTurnScalars, limitedBy: scalars.endIndex),
            end < scalars.endIndex
        else { return (text, false) }
        return (String(String.UnicodeScalarView(scalars[..<end])), true)
    }

    private static func parseJSONLine(_ bytes: Data, lineNumber: Int) -> Result<
        Conversation, ReplayInputError
    > {
        guard !JSONDepth.isTooDeep(bytes),
            let object = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any]
        else {
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
