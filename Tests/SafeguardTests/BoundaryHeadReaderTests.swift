import Foundation
import Testing
import WaymarkTesting

@testable import Safeguard

/// The boundary head's quick JSON reader: whatever it reads, Foundation's `JSONDecoder` reads
/// the same; what it cannot read goes to `JSONDecoder`, so errors are worded as before.
struct BoundaryHeadReaderTests {
    /// A valid head four wide with two topics, small enough to mutate thousands of times.
    static let small = Array(
        """
        {"format": "waymark-encoder-head-1", "hidden": 4, "scale": 10.0, "method": "a \\"test\\" \\u00e9\\ud83d\\ude00",
         "boundary": {"weight": [0.5, -1.25e-3, 3, -0.0], "bias": -1.0, "cut": 0.75},
         "topics": {"names": ["abuse", "psychosis"], "weight": [[1, 2, 3, 4], [-1E2, 0.1, 0.2, 0.3]],
                    "bias": [0.0, 1.5], "min_probability": 0.5},
         "golden": [{"text": "x", "values": [1, true, false, null]}]}
        """.utf8)

    @Test func theQuickReaderReadsTheShippedHeadAsJSONDecoderDoes() throws {
        let data = try TestResources.resource(BoundaryHead.resourcePath)
        let quick = try #require(BoundaryHead.quickFields(data))
        #expect(quick == (try BoundaryHead.decodedFields(data)))
        #expect(try BoundaryHead(fields: quick) == BoundaryHead(fields: BoundaryHead.decodedFields(data)))
        #expect(
            try BoundaryHead.quickFields(Data(Self.small)) == BoundaryHead.decodedFields(Data(Self.small)))
    }

    @Test func onMutatedFilesTheQuickReaderNeverReadsWhatJSONDecoderWouldNot() throws {
        var random = SeededGenerator(seed: 14)
        let alphabet = Array("\"\\,:[]{}-+.eE0159 \tux/".utf8) + [0x00, 0x1F, 0xC3, 0xFF]
        var quickRead = 0
        for _ in 0..<10_000 {
            var bytes = Self.small
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let at = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: bytes[at] = alphabet.randomElement(using: &random)!
                case 1: bytes.remove(at: at)
                case 2: bytes.insert(alphabet.randomElement(using: &random)!, at: at)
                default: bytes.removeSubrange(at...)
                }
                if bytes.isEmpty { bytes = [UInt8(ascii: "{")] }
            }
            let data = Data(bytes)
            guard let quick = BoundaryHead.quickFields(data) else { continue }
            quickRead += 1
            let decoded = try? BoundaryHead.decodedFields(data)
            #expect(decoded == quick, "\(String(decoding: bytes, as: UTF8.self))")
        }
        // Most mutations land in numbers or white space and still read.
        #expect(quickRead > 500)
    }

    @Test func hostileDocumentsAreRefused() {
        for text in [
            "", " ", "{", "[1,]", "{\"a\":1,}", "01", "1.", ".5", "-", "1e", "+1", "NaN", "1e999",
            "\"\\ud800\"",
            "\"\\udc00x\"", "\"a\u{1}\"", "\"\\x\"", "[1] 2", "tru", "nul", "\"\\u12\"",
            String(repeating: "[", count: 100) + String(repeating: "]", count: 100),
        ] {
            #expect(JSONValue.parse(Array(text.utf8)) == nil, "\(text)")
        }
        #expect(
            JSONValue.parse(Array("[\"\\ud83d\\ude00\", -0.5e+1, {}]".utf8))
                == .array([.string("😀"), .number(-5), .object([])]))
        #expect(JSONValue.parse([0x22, 0xFF, 0x22]) == nil)  // not UTF-8
    }
}
