import Foundation
import Safeguard

/// A decoded evaluation file in the shared JSONL formats, with the lines that could not be read.
///
/// Messages: one `{"id", "text", "level", "categories", "subject", "tags"}` object per line.
/// Conversations: one `{"id", "turns": [{"text", "level", "categories", "subject"}, …]}` per line.
/// Optional `"nation"` and `"age_band"` on a line set the person's settings for that item.
public struct EvalFile: Sendable, Equatable {
    /// A line that was skipped, and why (1-based line number).
    public struct InvalidLine: Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var reason: String

        public init(line: Int, reason: String) {
            self.line = line
            self.reason = reason
        }

        public var description: String { "line \(line): \(reason)" }
    }

    /// The items, in file order.
    public var items: [EvalItem]
    /// Lines that were not valid UTF-8, not valid JSON, or not a valid item.
    public var invalidLines: [InvalidLine]
    /// Whether the file holds conversations (given, or detected from the first valid line).
    public var isConversations: Bool

    public init(items: [EvalItem], invalidLines: [InvalidLine], isConversations: Bool) {
        self.items = items
        self.invalidLines = invalidLines
        self.isConversations = isConversations
    }

    /// Decode JSONL bytes. `conversations: nil` detects the format from the first valid line
    /// (a `"turns"` array means conversations). Never throws: bad lines are reported.
    public static func decode(_ data: Data, conversations: Bool? = nil) -> EvalFile {
        var objects: [(line: Int, object: [String: Any])] = []
        var invalid: [InvalidLine] = []
        var lineNumber = 0
        for rawLine in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            guard let text = String(bytes: rawLine, encoding: .utf8) else {
                invalid.append(InvalidLine(line: lineNumber, reason: "not valid UTF-8"))
                continue
            }
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { continue }
            guard let parsed = try? JSONSerialization.jsonObject(with: Data(text.utf8)),
                let object = parsed as? [String: Any]
            else {
                invalid.append(InvalidLine(line: lineNumber, reason: "not a JSON object"))
                continue
            }
            objects.append((lineNumber, object))
        }
        let isConversations = conversations ?? (objects.first.map { $0.object["turns"] is [Any] } ?? false)
        var items: [EvalItem] = []
        for (line, object) in objects {
            do {
                items.append(try item(from: object, line: line, conversation: isConversations))
            } catch let failure as ItemFailure {
                invalid.append(InvalidLine(line: line, reason: failure.reason))
            } catch {
                invalid.append(InvalidLine(line: line, reason: "\(error)"))
            }
        }
        invalid.sort { $0.line < $1.line }
        return EvalFile(items: items, invalidLines: invalid, isConversations: isConversations)
    }

    private struct ItemFailure: Error {
        var reason: String
    }

    private static func item(from object: [String: Any], line: Int, conversation: Bool) throws -> EvalItem {
        let id = idString(object["id"]) ?? String(line)
        let nation = object["nation"] as? String
        let ageBand = object["age_band"] as? String
        let script = (object["responder_script"] as? [Any])?.compactMap { $0 as? String }
        if conversation {
            guard let rawTurns = object["turns"] as? [Any] else {
                throw ItemFailure(reason: "conversation without a \"turns\" array")
            }
            var turns: [EvalItem.Turn] = []
            for (index, rawTurn) in rawTurns.enumerated() {
                guard let turnObject = rawTurn as? [String: Any] else {
                    throw ItemFailure(reason: "turn \(index + 1) is not an object")
                }
                turns.append(try turn(from: turnObject, where: "turn \(index + 1)"))
            }
            return EvalItem(
                id: id, turns: turns, isConversation: true, nation: nation, ageBand: ageBand,
                responderScript: script)
        }
        return EvalItem(
            id: id, turns: [try turn(from: object, where: "message")], isConversation: false, nation: nation,
            ageBand: ageBand)
    }

    private static func turn(from object: [String: Any], where place: String) throws -> EvalItem.Turn {
        guard let text = object["text"] as? String else {
            throw ItemFailure(reason: "\(place) has no \"text\" string")
        }
        guard let levelValue = object["level"] else { return EvalItem.Turn(text: text) }
        guard let levelName = levelValue as? String, let level = RiskLevel(rawValue: levelName) else {
            throw ItemFailure(reason: "\(place) has an unknown level \(levelValue)")
        }
        var categories: [RiskCategory] = []
        for name in object["categories"] as? [Any] ?? [] {
            guard let name = name as? String, let category = RiskCategory(rawValue: name) else {
                throw ItemFailure(reason: "\(place) has an unknown category \(name)")
            }
            categories.append(category)
        }
        var subject = Subject.nobody
        if let subjectValue = object["subject"] {
            guard let name = subjectValue as? String, let parsed = Subject(rawValue: name) else {
                throw ItemFailure(reason: "\(place) has an unknown subject \(subjectValue)")
            }
            subject = parsed
        }
        let tags = (object["tags"] as? [Any] ?? []).compactMap { $0 as? String }
        return EvalItem.Turn(
            text: text, gold: GoldLabel(level: level, categories: categories, subject: subject, tags: tags))
    }

    private static func idString(_ value: Any?) -> String? {
        switch value {
        case let string as String: string
        case let number as NSNumber: number.stringValue
        default: nil
        }
    }
}
