import Foundation
import Testing

@testable import Safeguard

/// The WordPiece vocabulary table: byte-keyed lookups that agree with the vocabulary's lines.
struct PieceTableTests {
    static func id(_ table: PieceTable, _ piece: String, continuation: Bool = false) -> Int32? {
        var copy = piece
        return copy.withUTF8 { table.id(of: $0, continuation: continuation) }
    }

    @Test func lineNumbersAreIdsAndTheFirstOfTwoEqualPiecesKeepsIts() {
        let table = PieceTable(lines: Array("[PAD]\n\n[UNK]\r\nhello\n##lo\nhello\né\n##é\nlast".utf8))
        #expect(table.count == 7)
        #expect(table.id(of: "[PAD]") == 0)
        #expect(table.id(of: "") == nil)  // an empty line is no piece, but keeps its number
        #expect(table.id(of: "[UNK]") == 2)  // the carriage return is not part of it
        #expect(table.id(of: "[UNK]\r") == nil)
        #expect(table.id(of: "hello") == 3)  // not 5: the first keeps its id
        #expect(Self.id(table, "lo", continuation: true) == 4)
        #expect(Self.id(table, "lo") == nil)
        #expect(table.id(of: "##lo") == 4)
        #expect(Self.id(table, "é") == 6)
        #expect(Self.id(table, "é", continuation: true) == 7)
        #expect(table.id(of: "last") == 8)  // the last line without a newline is a piece
        #expect(table.id(of: "hell") == nil)
        #expect(Self.id(table, "hello", continuation: true) == nil)
    }

    @Test func pieceBytesAreComparedExactlyAsThePythonTokenizerDoes() {
        // "é" precomposed and "e" + combining acute are canonically equivalent: a Swift `String`
        // key would match one for the other; the reference compares code points.
        let table = PieceTable(lines: Array("caf\u{E9}\n".utf8))
        #expect(table.id(of: "caf\u{E9}") == 0)
        #expect(table.id(of: "cafe\u{301}") == nil)
    }

    @Test func everyPieceOfTheShippedVocabularyIsFoundUnderItsFirstLine() throws {
        let text = try String(
            data: TestResources.resource("safeguard/encoder/vocab.txt"), encoding: .utf8)
        let lines = try #require(text).split(separator: "\n", omittingEmptySubsequences: false)
        let table = PieceTable(lines: Array(try #require(text).utf8))
        var first: [[UInt8]: Int32] = [:]
        for (number, line) in lines.enumerated() where !line.isEmpty && first[Array(line.utf8)] == nil {
            first[Array(line.utf8)] = Int32(number)
        }
        #expect(table.count == first.count)
        for (piece, number) in first {
            let found = piece.withUnsafeBufferPointer { table.id(of: $0) }
            #expect(found == number, "\(String(decoding: piece, as: UTF8.self))")
            if piece.starts(with: Array("##".utf8)) {
                let rest = Array(piece.dropFirst(2))
                #expect(rest.withUnsafeBufferPointer { table.id(of: $0, continuation: true) } == number)
            }
        }
    }
}
