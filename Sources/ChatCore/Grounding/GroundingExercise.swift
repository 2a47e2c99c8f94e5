/// The 5-4-3-2-1 grounding exercise as a pure state machine that waits for the person.
///
/// Show ``opening()``; then pass each answer to ``answer(_:)`` and show the turn it returns,
/// until the turn has no question. An empty answer gets a gentle nudge (the step waits);
/// `skip`/`next` moves on without comment; `stop`/`quit`/`exit`/`finish` ends warmly.
/// Answers are not kept: the exercise only counts how many steps were answered.
public struct GroundingExercise: Sendable, Equatable {
    public let guide: GroundingGuide
    private var index = 0
    private var finished = false
    /// How many steps the person answered (not skipped).
    public private(set) var answeredSteps = 0

    public init(guide: GroundingGuide) {
        self.guide = guide
        self.finished = guide.steps.isEmpty
    }

    /// The step waiting for an answer, or `nil` once finished.
    public var currentStep: GroundingGuide.Step? {
        finished ? nil : guide.steps[index]
    }

    /// Whether the exercise has ended.
    public var isFinished: Bool { finished }

    /// What to say first: the introduction, then the first question.
    public func opening() -> GuidedTurn {
        guard let step = currentStep else { return GuidedTurn(lines: [guide.closing], question: nil) }
        return GuidedTurn(lines: guide.intro, question: step.prompt)
    }

    /// Whether `text` is one of the exercise's own words ("stop", "skip"…), which the person
    /// was told to type: a command to the exercise, not a message for the safeguard to read.
    public static func isCommand(_ text: String) -> Bool {
        let word = command(text)
        return stopWords.contains(word) || skipWords.contains(word)
    }

    static let stopWords: Set<String> = ["stop", "quit", "exit", "finish"]
    static let skipWords: Set<String> = ["skip", "next"]

    static func command(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").lowercased()
    }

    /// Take one answer; returns what to say next.
    @discardableResult
    public mutating func answer(_ text: String) -> GuidedTurn {
        guard let step = currentStep else { return GuidedTurn(lines: [], question: nil) }
        let command = Self.command(text)
        if Self.stopWords.contains(command) {
            finished = true
            return GuidedTurn(lines: [guide.closingEarly], question: nil)
        }
        if Self.skipWords.contains(command) { return advance(acknowledging: false) }
        if command.isEmpty { return GuidedTurn(lines: [guide.nudge], question: step.prompt) }
        answeredSteps += 1
        return advance(acknowledging: true)
    }

    private mutating func advance(acknowledging: Bool) -> GuidedTurn {
        var lines: [String] = []
        if acknowledging, !guide.acknowledgements.isEmpty, index < guide.steps.count - 1 {
            lines.append(guide.acknowledgements[index % guide.acknowledgements.count])
        }
        index += 1
        guard index < guide.steps.count else {
            finished = true
            return GuidedTurn(lines: lines + [guide.closing], question: nil)
        }
        return GuidedTurn(lines: lines, question: guide.steps[index].prompt)
    }
}
