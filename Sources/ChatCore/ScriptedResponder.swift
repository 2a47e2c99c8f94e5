import Foundation

/// A responder that plays back prepared replies in order, streamed word by word: for demos,
/// screenshots and tests.
///
/// The script is text with one reply per line. A line that is a JSON object takes its reply
/// from `"reply"` (or `"text"`), so replies can contain newlines; a JSON string line is the
/// string itself; any other line is the reply as written. Blank lines and lines starting with
/// `#` are skipped. When the replies run out, the last one is used again (or, with
/// `repeats: false`, a short fixed sentence).
public struct ScriptedResponder: Responder {
    /// The replies, in order.
    public let replies: [String]
    /// Pause between words, to look like streaming.
    public let wordDelay: Duration
    /// Whether to cycle back to the first reply when the script runs out.
    public let repeats: Bool
    public let displayName: String
    private let counter = ReplyCounter()

    public init(
        replies: [String], wordDelay: Duration = .zero, repeats: Bool = true,
        displayName: String = "scripted replies"
    ) {
        self.replies = replies
        self.wordDelay = wordDelay
        self.repeats = repeats
        self.displayName = displayName
    }

    /// Loads replies from a script file (see the type's description).
    public init(
        contentsOf url: URL, wordDelay: Duration = .zero, repeats: Bool = true
    ) throws {
        let text = try String(decoding: Data(contentsOf: url), as: UTF8.self)
        self.init(
            replies: Self.parse(text), wordDelay: wordDelay, repeats: repeats,
            displayName: "scripted replies (\(url.lastPathComponent))")
    }

    /// The replies in a script's text.
    public static func parse(_ text: String) -> [String] {
        var replies: [String] = []
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("{") || line.hasPrefix("\""),
                let value = try? JSONSerialization.jsonObject(
                    with: Data(line.utf8), options: [.fragmentsAllowed])
            {
                if let string = value as? String {
                    replies.append(string)
                    continue
                }
                if let object = value as? [String: Any],
                    let reply = (object["reply"] ?? object["text"]) as? String
                {
                    replies.append(reply)
                    continue
                }
            }
            replies.append(line)
        }
        return replies
    }

    /// The reply the next call will play, by position.
    func reply(at index: Int) -> String {
        guard !replies.isEmpty else { return "I'm here and listening." }
        if index < replies.count { return replies[index] }
        return repeats ? replies[index % replies.count] : "I'm here and listening."
    }

    public func respond(to request: ChatRequest) -> AsyncThrowingStream<ResponseEvent, any Error> {
        let text = reply(at: counter.next())
        let delay = wordDelay
        return AsyncThrowingStream { continuation in
            let task = Task {
                for piece in Self.pieces(of: text) {
                    if Task.isCancelled { break }
                    if delay > .zero {
                        try? await Task.sleep(for: delay)
                    }
                    continuation.yield(.delta(piece))
                }
                if Task.isCancelled {
                    continuation.finish(throwing: CancellationError())
                } else {
                    continuation.yield(.done)
                    continuation.finish()
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Splits text into word-sized pieces that join back to exactly the text
    /// (each piece is a word with the whitespace before it).
    static func pieces(of text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var inWord = false
        for character in text {
            if character.isWhitespace {
                if inWord {
                    pieces.append(current)
                    current = ""
                    inWord = false
                }
            } else {
                inWord = true
            }
            current.append(character)
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }
}
