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
        var builder = WordTableBuilder(capacity: 4)
        var known: [[UInt8]: Int32] = [:]
        func randomWord() -> [UInt8] {
            let length = Int.random(in: 0...12, using: &generator)
            let alphabet: [UInt8] = Array("abcde'".utf8) + [0xC3, 0xA9]
            return (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
        }
        for _ in 0..<3000 {
            let word = randomWord()
            let id = builder.insert(word)
            if let earlier = known[word] {
                #expect(id == earlier)
            } else {
                #expect(Int(id) == known.count)
                known[word] = id
            }
        }
        #expect(builder.count == known.count)
        let table = builder.finished()
        #expect(table.count == known.count)
        let words = table.words
        for (word, id) in known {
            #expect(table.lookup(word) == id)
            #expect(builder.lookup(word) == id)
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

    /// A table read from a precompiled artefact is checked before use: the same parts give the
    /// same table, and parts that would make a lookup wrong, out of bounds or endless are refused.
    @Test func partsFromAnArtefactAreCheckedBeforeUse() throws {
        var builder = WordTableBuilder(capacity: 4)
        for word in ["want", "to", "die", "tonight", "pills", "", "x"] { _ = builder.insert(word) }
        let table = builder.finished()
        func parts(
            bytes: [UInt8]? = nil, ends: [Int32]? = nil, hashes: [UInt64]? = nil, slots: [Int32]? = nil
        ) -> WordTable? {
            WordTable(
                bytes: ReadOnlyTable(bytes ?? Array(table.bytes)),
                ends: ReadOnlyTable(ends ?? Array(table.ends)),
                hashes: ReadOnlyTable(hashes ?? Array(table.hashes)),
                slots: ReadOnlyTable(slots ?? Array(table.slots)))
        }
        let same = try #require(parts())
        #expect(same.words == table.words && same.lookup(Array("pills".utf8)) == 4)
        var bytes = Array(table.bytes)
        bytes[0] = UInt8(ascii: "W")  // a word whose hash is no longer its own
        #expect(parts(bytes: bytes) == nil)
        #expect(parts(ends: Array(table.ends.dropLast()) + [Int32(table.bytes.count + 1)]) == nil)
        #expect(parts(ends: [3, 1] + Array(table.ends.dropFirst(2))) == nil)  // ends fall back
        var slots = Array(table.slots)
        let first = try #require(slots.firstIndex { $0 >= 0 })
        slots[first] = Int32(table.count)  // an id past the last word
        #expect(parts(slots: slots) == nil)
        slots = Array(table.slots)
        let empty = try #require(slots.firstIndex(of: -1))
        slots[empty] = 2  // a word in two slots
        #expect(parts(slots: slots) == nil)
        slots = Array(table.slots)
        let pills = try #require(slots.firstIndex(of: 4))
        slots[pills] = -1
        slots[try #require(slots.indices.first { slots[$0] == -1 && $0 != pills })] = 4
        // Moved to another empty slot, a word is out of reach: its old slot, now empty, ends every
        // probe that could have found it (linear probing fills home..slot without a gap).
        #expect(parts(slots: slots) == nil)
        #expect(parts(slots: Array(repeating: 0, count: table.slots.count)) == nil)  // no empty slot
        #expect(parts(slots: Array(table.slots) + [-1]) == nil)  // not a power of two
    }
}
