import Foundation
import Testing

@testable import Safeguard

/// One scratch reused for many messages gives each message the assessment fresh arrays give:
/// the arrays are emptied before they are filled, whatever the message before left in them
/// (longer, shorter, non-ASCII, spelled out, windows of a long message).
@Suite struct AssessScratchTests {
    /// Every probe set's messages, each also mutated (capitals, leet, spaced letters, typographic
    /// apostrophes, emoji, fullwidth letters) and a few long ones, in an order that mixes lengths.
    static func messages() throws -> [String] {
        let folder = TestEngine.repositoryRoot.appendingPathComponent("resources/safeguard/probes")
        var texts: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        where name.hasSuffix("-messages.jsonl") {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                    let text = object["text"] as? String
                else { continue }
                texts.append(text)
            }
        }
        var random = NGramFastPathTests.SeededGenerator(state: 23)
        var mutated: [String] = []
        for (index, text) in texts.enumerated() {
            switch index % 6 {
            case 0: mutated.append(text.uppercased())
            case 1:
                mutated.append(
                    String(text.map { $0 == "i" ? "1" : $0 == "e" ? "3" : $0 == "s" ? "$" : $0 }))
            case 2:
                mutated.append(
                    text.split(separator: " ").map { $0.map(String.init).joined(separator: " ") }.joined(
                        separator: "  "))
            case 3: mutated.append(text.replacingOccurrences(of: "'", with: "\u{2019}") + " 😭💊")
            case 4:
                mutated.append(
                    String(
                        String.UnicodeScalarView(
                            text.unicodeScalars.map {
                                $0.value >= 0x61 && $0.value <= 0x7A
                                    ? Unicode.Scalar($0.value + 0xFEE0) ?? $0 : $0
                            })))
            default:
                let other = texts[Int.random(in: 0..<texts.count, using: &random)]
                mutated.append(String(repeating: text + " ", count: 40) + other)
            }
        }
        var all = texts + mutated
        all.shuffle(using: &random)
        return all
    }

    @Test func oneScratchForManyMessagesAssessesAsFreshArraysDo() throws {
        let engine = try #require(TestEngine.engineWithModel)
        var scratch = AssessScratch()
        var state = ConversationState()
        var fresh = ConversationState()
        var compared = 0
        for (index, text) in try Self.messages().enumerated() {
            // Alone, and as a turn of a conversation (every tenth starts a new one).
            let alone = engine.assess(text, state: ConversationState(), scratch: &scratch)
            #expect(alone.assessment == engine.assess(text), "\(text)")
            if index % 10 == 0 {
                state = ConversationState()
                fresh = ConversationState()
            }
            let reused = engine.assess(text, state: state, scratch: &scratch)
            let plain = engine.assess(text, state: fresh)
            #expect(reused.assessment == plain.assessment, "\(text)")
            state = reused.state
            fresh = plain.state
            compared += 1
        }
        #expect(compared > 1_000)
    }

    @Test func aBucketSetEmptiedAnswersAsANewSetDoes() {
        var random = NGramFastPathTests.SeededGenerator(state: 5)
        var reused = BucketSet()
        for size in [300, 0, 1, 5_000, 100, 129, 2_000, 7] {
            reused.removeAll()
            var plain = Set<UInt32>()
            for _ in 0..<size {
                let bucket =
                    UInt32.random(in: 0..<UInt32(max(1, size / 2)), using: &random) * 4_099 % (1 << 24)
                #expect(reused.insert(bucket) == plain.insert(bucket).inserted)
            }
        }
    }
}
