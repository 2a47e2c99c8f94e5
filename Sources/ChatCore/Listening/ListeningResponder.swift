/// Waymark's default, offline responder: a peer-support companion that listens.
///
/// It reflects the person's own words back (I → you), validates what they feel, asks open
/// questions, gently questions sweeping generalisations, notices strengths and picks up people
/// and topics from earlier turns. Replies are 2–4 sentences of UK English built from reviewed
/// phrasing in `resources/listener/`, chosen deterministically from the conversation so the same
/// conversation always gets the same reply. It follows the safeguard's guidance for the turn
/// (`request.guidance.mode`) and never gives advice beyond peer support, diagnoses, claims to be
/// human or a professional, or mentions methods or phone numbers.
public struct ListeningResponder: Responder {
    /// The reviewed phrasing the replies are built from.
    public let phrasebook: ListenerPhrasebook
    /// A pause between streamed words, for demos; `nil` streams at once.
    public let pace: Duration?
    private let composer: ListenerReplyComposer

    public var displayName: String { "built-in listener" }

    public init(phrasebook: ListenerPhrasebook, pace: Duration? = nil) {
        self.phrasebook = phrasebook
        self.pace = pace
        self.composer = ListenerReplyComposer(phrasebook: phrasebook)
    }

    /// The whole reply for `request`, as one string (what ``respond(to:)`` streams).
    public func reply(to request: ChatRequest) -> String {
        composer.reply(to: request)
    }

    public func respond(to request: ChatRequest) -> AsyncThrowingStream<ResponseEvent, any Error> {
        let pieces = Self.wordDeltas(of: reply(to: request))
        guard let pace else {
            return AsyncThrowingStream { continuation in
                for piece in pieces { continuation.yield(.delta(piece)) }
                continuation.yield(.done)
                continuation.finish()
            }
        }
        return AsyncThrowingStream { continuation in
            let task = Task {
                for (index, piece) in pieces.enumerated() {
                    if index > 0 {
                        do { try await Task.sleep(for: pace) } catch { break }
                    }
                    if Task.isCancelled { break }
                    continuation.yield(.delta(piece))
                }
                if !Task.isCancelled { continuation.yield(.done) }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Split text into word-sized pieces, each word keeping the space after it, so joining the
    /// pieces gives the text back exactly.
    static func wordDeltas(of text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var inSpace = false
        for character in text {
            if character.isWhitespace {
                inSpace = true
            } else if inSpace {
                pieces.append(current)
                current = ""
                inSpace = false
            }
            current.append(character)
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }
}
