import Foundation
import Testing

@testable import ChatCore

/// The built-in listener on everyday messages (`resources/listener/everyday/everyday.jsonl`):
/// each message carries what a good reply must say (`must`, e.g. an open question) and must
/// not say (`must_not`: heaviness added to a light message, praise for a plain walk, an argument
/// nobody mentioned). The score is a regression gate: raise `floor` when the listener gets
/// better, never lower it to pass.
@Suite struct EverydayListenerSetTests {
    struct Item: Decodable {
        var id: String
        var kind: String
        var text: String
        var must: [String]
        var mustNot: [String]

        enum CodingKeys: String, CodingKey {
            case id, kind, text, must
            case mustNot = "must_not"
        }
    }

    /// Items passed by the listener when the set was committed (see the set's README).
    static let floor = 158

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("resources")

    static func items() throws -> [Item] {
        let data = try Data(contentsOf: root.appendingPathComponent("listener/everyday/everyday.jsonl"))
        return try String(decoding: data, as: UTF8.self).split(separator: "\n").map {
            try JSONDecoder().decode(Item.self, from: Data($0.utf8))
        }
    }

    /// What is wrong with `reply` for `item` (empty when it passes).
    static func problems(_ reply: String, for item: Item) -> [String] {
        let lower = reply.lowercased()
        var found = item.must.filter { !lower.contains($0.lowercased()) }.map { "lacks \"\($0)\"" }
        found += item.mustNot.filter { lower.contains($0.lowercased()) }.map { "says \"\($0)\"" }
        if reply.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { found.append("no reply") }
        return found
    }

    @Test func theSetIsLargeAndEveryItemSaysWhatItExpects() throws {
        let items = try Self.items()
        #expect(items.count >= 150)
        #expect(Set(items.map(\.id)).count == items.count)
        for item in items { #expect(!item.must.isEmpty || !item.mustNot.isEmpty, "\(item.id)") }
    }

    @Test func theListenerKeepsItsScore() throws {
        let listener = try ListeningResponder.load(from: ResourceLocator(root: Self.root))
        let items = try Self.items()
        var passed = 0
        var report: [String] = []
        for item in items {
            let reply = listener.reply(
                to: ChatRequest(messages: [ChatMessage(role: .user, content: item.text)], guidance: .normal))
            let problems = Self.problems(reply, for: item)
            if problems.isEmpty {
                passed += 1
            } else {
                report.append(
                    "\(item.id) [\(item.kind)] \(item.text) → \(reply) (\(problems.joined(separator: "; ")))")
            }
        }
        #expect(passed >= Self.floor, "\(passed)/\(items.count):\n\(report.joined(separator: "\n"))")
        print("everyday listener set: \(passed)/\(items.count) pass")
    }
}
