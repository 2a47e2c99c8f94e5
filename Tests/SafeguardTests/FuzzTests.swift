import Foundation
import Testing
import WaymarkTesting

@testable import Safeguard

@Suite struct FuzzTests {
    private func check(_ text: String, engine: SafeguardEngine) {
        let assessment = engine.assess(text)
        let count = text.unicodeScalars.count
        for signal in assessment.signals {
            #expect(signal.start >= 0 && signal.start <= signal.end && signal.end <= count)
        }
        if assessment.level == .none {
            #expect(assessment.categories.isEmpty && assessment.subject == .nobody)
        }
    }

    @Test func arbitraryUnicodeScalarsNeverCrash() throws {
        let engine = try #require(TestEngine.engine)
        var random = SeededGenerator(seed: 42)
        let pools: [ClosedRange<UInt32>] = [
            0x00...0x7F, 0x80...0x2FF, 0x300...0x36F, 0x400...0x4FF, 0x2000...0x206F, 0xD7FF...0xD7FF,
            0xE000...0xFFFF, 0x1F300...0x1FAFF, 0x10000...0x10FFFF,
        ]
        for _ in 0..<2000 {
            var view = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0..<60, using: &random) {
                let pool = pools[Int.random(in: 0..<pools.count, using: &random)]
                if let scalar = Unicode.Scalar(UInt32.random(in: pool, using: &random)) {
                    view.append(scalar)
                }
            }
            check(String(view), engine: engine)
        }
    }

    @Test func arbitraryBytesNeverCrash() throws {
        let engine = try #require(TestEngine.engine)
        var random = SeededGenerator(seed: 7)
        let alphabet = Array("kill myself i want to die not never used to ' . - k.i.l.l 😭💊 ѕ".utf8)
        for _ in 0..<2000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0..<80, using: &random) {
                bytes.append(
                    Bool.random(using: &random)
                        ? UInt8.random(in: 0...255, using: &random)
                        : alphabet[Int.random(in: 0..<alphabet.count, using: &random)])
            }
            check(String(decoding: bytes, as: UTF8.self), engine: engine)
        }
    }

    @Test func conversationsOfRandomTurnsNeverCrash() throws {
        let engine = try #require(TestEngine.engine)
        var random = SeededGenerator(seed: 99)
        let turns = [
            "yeah", "tonight", "i want to die", "got them here", "feel better", "in a&e", "", "💊💊",
            "not not not",
        ]
        var state = ConversationState()
        for index in 0..<500 {
            if index % 7 == 0 { state.recordSafeguardAskedSafetyQuestion() }
            state = engine.assess(turns[Int.random(in: 0..<turns.count, using: &random)], state: state).state
        }
        #expect(state.turns == 500)
    }

    @Test func adversarialInputsFinish() throws {
        let engine = try #require(TestEngine.engine)
        _ = engine.assess(String(repeating: "not ", count: 20_000))
        _ = engine.assess(String(repeating: "😭", count: 20_000))
        _ = engine.assess(String(repeating: "a", count: 20_000))
        _ = engine.assess(String(repeating: "k i l l ", count: 5_000))
        _ = engine.assess(String(repeating: "'", count: 5_000) + String(repeating: "-", count: 5_000))
    }
}
