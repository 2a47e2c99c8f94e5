import Testing
import WaymarkTesting

@testable import Safeguard

@Suite("The vocabulary's word table")
struct WordTableTests {
    /// Random words (empty, one byte, shared prefixes, long, non-ASCII bytes) inserted into a table
    /// that grows from a small start: each reads back by id and is found again, through both
    /// lookups, against a dictionary kept beside it; words never inserted are not found.
    @Test func findsEveryWordItHoldsAndNoOther() throws {
        var generator = SeededGenerator(seed: 5)
        var table = WordTable(capacity: 4)
        var known: [[UInt8]: Int32] = [:]
        func randomWord() -> [UInt8] {
            let length = Int.random(in: 0...12, using: &generator)
            let alphabet: [UInt8] = Array("abcde'".utf8) + [0xC3, 0xA9]
            return (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
        }
        for _ in 0..<3000 {
            let word = randomWord()
            let id = table.insert(word)
            if let earlier = known[word] {
                #expect(id == earlier)
            } else {
                #expect(Int(id) == known.count)
                known[word] = id
            }
        }
        #expect(table.count == known.count)
        let words = table.words
        for (word, id) in known {
            #expect(table.lookup(word) == id)
            #expect(word.withUnsafeBufferPointer { table.lookup($0) } == id)
            #expect(words[Int(id)] == word)
            #expect(table.text(id) == String(decoding: word, as: UTF8.self))
        }
        for _ in 0..<3000 {
            let word = randomWord() + Array("zz".utf8)
            #expect(table.lookup(word) == nil)
        }
        #expect(table.text(-1) == "")
        #expect(table.text(Int32(known.count)) == "")
    }
}
