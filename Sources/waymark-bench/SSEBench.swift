import ChatCore
import Foundation
import OpenAIResponder

/// Benchmarks the streaming path of the OpenAI-compatible backend, without a network:
/// parsing 10,000 server-sent events (target < 20 ms), decoding them into reply deltas,
/// and the latency from one event's bytes arriving to its delta being ready.
func runSSEBenchmarks() {
    let events = 10_000
    let body = SSEBenchmarkBody.make(events: events)
    let segment = 1_448  // one TCP segment's payload on a typical link
    let chunks = stride(from: 0, to: body.count, by: segment).map {
        Array(body[$0..<min($0 + segment, body.count)])
    }
    print("SSE: \(events) events, \(body.count) bytes, fed in \(chunks.count) chunks of \(segment) bytes")

    let parse = SSEBenchmarkBody.bestOf(7) {
        var parser = SSEParser()
        var count = 0
        for chunk in chunks { count += parser.feed(chunk).count }
        count += parser.finish().count
        precondition(count == events, "parsed \(count) events")
    }
    print(
        String(format: "  SSEParser, 10,000 events:                %8.2f ms  (target < 20 ms)", parse * 1000))

    let decode = SSEBenchmarkBody.bestOf(5) {
        var decoder = CompletionStreamDecoder()
        var deltas = 0
        for chunk in chunks {
            guard let decoded = try? decoder.feed(chunk) else { preconditionFailure("decode failed") }
            deltas += decoded.count
        }
        precondition(deltas == events, "decoded \(deltas) events")
    }
    print(String(format: "  SSE + JSON → deltas, 10,000 events:      %8.2f ms", decode * 1000))

    // Latency: one event arrives as one chunk; time until its delta is ready.
    let single = Array(SSEBenchmarkBody.event(content: " word", index: 0).utf8)
    var decoder = CompletionStreamDecoder()
    var samples: [Double] = []
    samples.reserveCapacity(events)
    for _ in 0..<events {
        let start = DispatchTime.now().uptimeNanoseconds
        let produced = (try? decoder.feed(single)) ?? []
        let end = DispatchTime.now().uptimeNanoseconds
        precondition(produced.count == 1)
        samples.append(Double(end - start) / 1000)
    }
    samples.sort()
    let median = samples[samples.count / 2]
    let p99 = samples[samples.count * 99 / 100]
    let worst = samples[samples.count - 1]
    print(
        String(
            format:
                "  bytes → delta, one event per chunk:      median %.1f µs, p99 %.1f µs, max %.1f µs (target < 5 ms)",
            median, p99, worst))
}

/// Builds benchmark bodies shaped like llama-cpp-python's stream.
enum SSEBenchmarkBody {
    /// `events` content events, with a `: ping` comment every 500 events.
    static func make(events: Int) -> [UInt8] {
        let words = [
            " I", " hear", " you", ",", " and", " that", " sounds", " really", " hard", ".", " café", " 😀",
        ]
        var text = ""
        for index in 0..<events {
            if index % 500 == 499 { text += ": ping - 2026-11-21 23:41:07.939487+00:00\n\n" }
            text += event(content: words[index % words.count], index: index)
        }
        return Array(text.utf8)
    }

    /// One `data:` event as llama-cpp-python sends it.
    static func event(content: String, index: Int) -> String {
        let escaped = content.replacingOccurrences(of: "\"", with: "\\\"")
        return
            "data: {\"id\": \"chatcmpl-4069cafc-6683-4bf9-b339-01de1de580a1\", \"model\": \"SmolLM2-135M-Instruct\", "
            + "\"created\": 1795304035, \"object\": \"chat.completion.chunk\", \"choices\": [{\"index\": 0, "
            + "\"delta\": {\"content\": \"\(escaped)\"}, \"logprobs\": null, \"finish_reason\": null}]}\n\n"
    }

    /// The best wall-clock time, in seconds, of `runs` runs.
    static func bestOf(_ runs: Int, _ body: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            best = min(best, elapsed)
        }
        return best
    }
}
