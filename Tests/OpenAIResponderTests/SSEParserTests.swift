import Foundation
import Testing
import WaymarkTesting

@testable import OpenAIResponder

@Suite struct SSEParserTests {
    /// Feeds `bytes` in the given chunk sizes (cycled) and returns every event.
    private func parse(_ bytes: [UInt8], chunkSizes: [Int]) -> [SSEParser.Event] {
        var parser = SSEParser()
        var events: [SSEParser.Event] = []
        var index = 0
        var turn = 0
        while index < bytes.count {
            let size = max(1, chunkSizes[turn % chunkSizes.count])
            let end = min(bytes.count, index + size)
            events += parser.feed(bytes[index..<end])
            index = end
            turn += 1
        }
        events += parser.finish()
        return events
    }

    private func replyText(_ events: [SSEParser.Event]) throws -> String {
        var text = ""
        for event in events where event.data != "[DONE]" {
            let chunk = try JSONDecoder().decode(ChatCompletionChunk.self, from: Data(event.data.utf8))
            text += chunk.content ?? ""
        }
        return text
    }

    @Test func wholeCaptureInOneChunkGivesEveryEvent() throws {
        let bytes = try CaptureFixtures.bytes("llama-cpp-python-stream.sse")
        let events = parse(bytes, chunkSizes: [bytes.count])
        #expect(events.count == 14)
        #expect(events.last?.data == "[DONE]")
        #expect(try replyText(events) == CaptureFixtures.expectedText("llama-cpp-python-stream.sse"))
        #expect(try replyText(events) == "Alejandro, a wise and just soul.")
    }

    @Test(arguments: ["llama-cpp-python-stream.sse", "llama-cpp-python-long.sse"])
    func byteByByteMatchesWhole(name: String) throws {
        let bytes = try CaptureFixtures.bytes(name)
        let whole = parse(bytes, chunkSizes: [bytes.count])
        let byteWise = parse(bytes, chunkSizes: [1])
        #expect(byteWise == whole)
        #expect(try replyText(byteWise) == CaptureFixtures.expectedText(name))
    }

    @Test func everySplitPointOfTheShortCaptureGivesTheSameEvents() throws {
        let bytes = try CaptureFixtures.bytes("llama-cpp-python-stream.sse")
        let whole = parse(bytes, chunkSizes: [bytes.count])
        for split in 1..<bytes.count {
            var parser = SSEParser()
            let events = parser.feed(bytes[0..<split]) + parser.feed(bytes[split...]) + parser.finish()
            #expect(events == whole, "split at \(split)")
        }
    }

    @Test func randomChunkingsOfTheLongCaptureGiveTheSameEvents() throws {
        let bytes = try CaptureFixtures.bytes("llama-cpp-python-long.sse")
        let whole = parse(bytes, chunkSizes: [bytes.count])
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<50 {
            let sizes = (0..<64).map { _ in Int.random(in: 1...300, using: &generator) }
            #expect(parse(bytes, chunkSizes: sizes) == whole)
        }
    }

    @Test func pingCommentsAreSkippedAndCounted() throws {
        var parser = SSEParser()
        let events = parser.feed(Array(": ping - 2026-11-21 23:41:07.939487+00:00\n\ndata: a\n\n".utf8))
        #expect(events == [SSEParser.Event(data: "a")])
        #expect(parser.commentCount == 1)
    }

    @Test func multiLineDataJoinsWithNewlines() {
        var parser = SSEParser()
        let events = parser.feed(Array("data: first\ndata:second\ndata:  third\n\n".utf8))
        #expect(events == [SSEParser.Event(data: "first\nsecond\n third")])
    }

    @Test(arguments: ["\r\n", "\r", "\n"])
    func lineEndingsAreAllAccepted(ending: String) {
        let text =
            "event: message\(ending)id: 7\(ending)data: hello\(ending)\(ending)data: [DONE]\(ending)\(ending)"
        let bytes = Array(text.utf8)
        let expected = [
            SSEParser.Event(type: "message", data: "hello", id: "7"),
            SSEParser.Event(data: "[DONE]", id: "7"),
        ]
        #expect(parse(bytes, chunkSizes: [bytes.count]) == expected)
        #expect(parse(bytes, chunkSizes: [1]) == expected)
        #expect(parse(bytes, chunkSizes: [2, 3]) == expected)
    }

    @Test func crlfSplitBetweenCarriageReturnAndLineFeedIsOneLineEnd() {
        var parser = SSEParser()
        var events = parser.feed(Array("data: x\r".utf8))
        events += parser.feed(Array("\n\r".utf8))
        events += parser.feed(Array("\ndata: y\r\n\r\n".utf8))
        #expect(events == [SSEParser.Event(data: "x"), SSEParser.Event(data: "y")])
    }

    @Test func utf8CharacterSplitAcrossChunksSurvives() {
        let bytes = Array("data: {\"content\": \"caf\u{E9} \u{1F600} \u{4F60}\u{597D}\"}\n\n".utf8)
        for split in 1..<bytes.count {
            var parser = SSEParser()
            let events = parser.feed(bytes[0..<split]) + parser.feed(bytes[split...])
            #expect(
                events == [SSEParser.Event(data: "{\"content\": \"caf\u{E9} \u{1F600} \u{4F60}\u{597D}\"}")])
        }
    }

    @Test func usageOnlyChunkWithEmptyChoicesCarriesNoText() throws {
        let data = #"{"id":"x","object":"chat.completion.chunk","choices":[],"usage":{"total_tokens":15}}"#
        let chunk = try JSONDecoder().decode(ChatCompletionChunk.self, from: Data(data.utf8))
        #expect(chunk.content == nil)
        #expect(chunk.finishReason == nil)
    }

    @Test func dataWithoutSpaceAfterColonAndUnknownFieldsAreHandled() {
        var parser = SSEParser()
        let events = parser.feed(Array("retry: 1000\nfoo: bar\ndata:{\"a\":1}\n\n".utf8))
        #expect(events == [SSEParser.Event(data: "{\"a\":1}")])
    }

    @Test func byteOrderMarkAtStartIsIgnoredEvenWhenSplit() {
        var parser = SSEParser()
        var events = parser.feed([0xEF, 0xBB])
        events += parser.feed([0xBF] + Array("data: hi\n\n".utf8))
        #expect(events == [SSEParser.Event(data: "hi")])
    }

    @Test func finishDispatchesACompleteEventMissingItsBlankLineButNotAHalfLine() {
        var complete = SSEParser()
        _ = complete.feed(Array("data: last\n".utf8))
        #expect(complete.hasPendingEvent)
        #expect(complete.finish() == [SSEParser.Event(data: "last")])

        var cut = SSEParser()
        _ = cut.feed(Array("data: {\"choi".utf8))
        #expect(cut.hasPendingEvent)
        #expect(cut.finish().isEmpty)
    }

    @Test func emptyEventsAreNotDispatched() {
        var parser = SSEParser()
        #expect(parser.feed(Array("\n\n\n: c\n\nevent: x\n\n".utf8)).isEmpty)
    }
}
