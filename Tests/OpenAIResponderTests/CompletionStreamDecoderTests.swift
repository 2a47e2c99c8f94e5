import ChatCore
import Testing

@testable import OpenAIResponder

@Suite struct CompletionStreamDecoderTests {
    private func chunk(_ content: String?, finish: String? = nil) -> String {
        let delta = content.map { #"{"content":"\#($0)"}"# } ?? "{}"
        let reason = finish.map { #""\#($0)""# } ?? "null"
        return #"data: {"choices":[{"index":0,"delta":\#(delta),"finish_reason":\#(reason)}]}"# + "\n\n"
    }

    @Test func capturedStreamDecodesToDeltasAndOneDone() throws {
        var decoder = CompletionStreamDecoder()
        var events: [ResponseEvent] = []
        for byte in try CaptureFixtures.bytes("llama-cpp-python-stream.sse") {
            events += try decoder.feed([byte])
        }
        events += try decoder.finish()
        #expect(events.last == .done)
        #expect(events.filter { $0 == .done }.count == 1)
        let text = events.compactMap { event -> String? in
            if case .delta(let piece) = event { return piece }
            return nil
        }.joined()
        #expect(text == "Alejandro, a wise and just soul.")
    }

    @Test func usageOnlyChunkAndCommentsAddNothing() throws {
        var decoder = CompletionStreamDecoder()
        let body =
            chunk("Hi") + ": keep-alive\n\n"
            + #"data: {"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}"#
            + "\n\n"
            + chunk(nil, finish: "stop") + "data: [DONE]\n\n" + chunk("ignored after done")
        let events = try decoder.feed(Array(body.utf8))
        #expect(events == [.delta("Hi"), .done])
    }

    @Test func endingAfterFinishReasonWithoutDoneCompletes() throws {
        var decoder = CompletionStreamDecoder()
        _ = try decoder.feed(Array((chunk("Hi") + chunk(nil, finish: "length")).utf8))
        #expect(try decoder.finish() == [.done])
    }

    @Test func aReplyWithoutAnyTextIsAFailure() throws {
        var interrupted = CompletionStreamDecoder()
        #expect(throws: ResponderFailure.emptyReply()) {
            try interrupted.feed(Array((chunk(nil, finish: "stop") + "data: [DONE]\n\n").utf8))
        }
        var finishedOnly = CompletionStreamDecoder()
        _ = try finishedOnly.feed(Array(chunk(nil, finish: "stop").utf8))
        #expect(throws: ResponderFailure.emptyReply()) { try finishedOnly.finish() }
    }

    @Test func endingMidReplyIsInterrupted() throws {
        var decoder = CompletionStreamDecoder()
        _ = try decoder.feed(Array((chunk("Hi") + "data: {\"choi").utf8))
        #expect(throws: ResponderFailure.cutOff()) { try decoder.finish() }
    }

    @Test func endingBeforeAnyTextSaysSo() throws {
        var decoder = CompletionStreamDecoder()
        #expect(throws: ResponderFailure.closedWithoutReply()) { try decoder.finish() }
    }

    @Test func malformedJSONAndErrorObjectsThrow() {
        var malformed = CompletionStreamDecoder()
        #expect(throws: ResponderFailure.malformed()) { try malformed.feed(Array("data: {nope\n\n".utf8)) }
        var serverError = CompletionStreamDecoder()
        #expect(throws: ResponderFailure.serverReportedError("overloaded")) {
            try serverError.feed(Array(#"data: {"error":{"message":"overloaded"}}"#.utf8 + [10, 10]))
        }
    }
}
