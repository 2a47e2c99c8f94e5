import Foundation

/// The step-by-step way of filling in a safety plan, as a pure state machine.
///
/// Line mode prints ``opening()`` and then, for each line the person types, the turn returned by
/// ``answer(_:at:)``; the chat screen can do the same with its input box. Answers:
/// - any other text adds an entry to the current section;
/// - an empty line, `skip`, `done` or `next` moves to the next section;
/// - `stop`, `finish`, `quit` or `exit` ends the interview (everything added is kept);
/// - `remove N` (or `delete N`) takes out line N of the current section;
/// - in the services section, a suggestion letter (`a`, `a c`) or `all` adds suggestions.
public struct SafetyPlanInterview: Sendable, Equatable {
    /// The plan as edited so far.
    public private(set) var plan: SafetyPlan
    /// Whether any answer changed the plan (the caller saves it only then).
    public private(set) var hasChanges = false
    /// The sections the interview walks through, in order.
    public let sections: [SafetyPlanSection]
    /// Display strings for services the person could add to the professionals section.
    public let serviceSuggestions: [String]
    private let guide: SafetyPlanGuide
    private var index = 0
    private var finished = false
    private var acknowledged = 0

    /// Start an interview over `plan`.
    /// - Parameters:
    ///   - serviceSuggestions: display strings (from the service directory, for the person's
    ///     nation) offered in the professionals section; pass `[]` for none.
    ///   - sections: which sections to walk through (all seven by default, or one to edit it).
    public init(
        plan: SafetyPlan, guide: SafetyPlanGuide, serviceSuggestions: [String] = [],
        sections: [SafetyPlanSection] = SafetyPlanSection.allCases
    ) {
        self.plan = plan
        self.guide = guide
        self.serviceSuggestions = serviceSuggestions.map(SafetyPlan.clean).filter { !$0.isEmpty }
        self.sections = sections
        self.finished = sections.isEmpty
    }

    /// The section being filled in, or `nil` once finished.
    public var currentSection: SafetyPlanSection? {
        finished ? nil : sections[index]
    }

    /// Whether the interview has ended.
    public var isFinished: Bool { finished }

    /// What to say first: the introduction and the first section's prompt.
    public func opening() -> GuidedTurn {
        guard let section = currentSection else {
            return GuidedTurn(lines: [guide.outroUnsaved], question: nil)
        }
        var lines = guide.intro.flatMap { [$0, ""] }
        lines += sectionIntro(section)
        return GuidedTurn(lines: lines, question: guide.firstQuestion)
    }

    /// Take one answer; returns what to say next. `date` stamps the plan's `updated` when it changes.
    @discardableResult
    public mutating func answer(_ text: String, at date: Date? = nil) -> GuidedTurn {
        guard let section = currentSection else { return GuidedTurn(lines: [], question: nil) }
        let command = SafetyPlan.clean(text).lowercased()
        switch command {
        case "", "skip", "done", "next":
            return advance()
        case "stop", "finish", "quit", "exit":
            return finish()
        default:
            break
        }
        if let line = Self.removal(command) {
            guard plan.update(.remove(index: line - 1, from: section), at: date) else {
                return GuidedTurn(lines: [guide.notFound], question: guide.nextQuestion)
            }
            hasChanges = true
            return GuidedTurn(lines: [guide.removed] + entryLines(section), question: guide.nextQuestion)
        }
        if section == .professionals, let chosen = chosenSuggestions(command) {
            var added = false
            for suggestion in chosen where plan.update(.add(suggestion, to: section), at: date) {
                added = true
            }
            hasChanges = hasChanges || added
            return GuidedTurn(lines: [acknowledgement()], question: guide.nextQuestion)
        }
        guard plan.update(.add(text, to: section), at: date) else {
            return GuidedTurn(lines: [guide.alreadyThere], question: guide.nextQuestion)
        }
        hasChanges = true
        return GuidedTurn(lines: [acknowledgement()], question: guide.nextQuestion)
    }

    // MARK: - Steps

    private mutating func advance() -> GuidedTurn {
        index += 1
        guard index < sections.count else { return finish() }
        return GuidedTurn(lines: [""] + sectionIntro(sections[index]), question: guide.firstQuestion)
    }

    private mutating func finish() -> GuidedTurn {
        finished = true
        return GuidedTurn(lines: [hasChanges ? guide.outro : guide.outroUnsaved], question: nil)
    }

    private mutating func acknowledgement() -> String {
        defer { acknowledged += 1 }
        guard !guide.acknowledgements.isEmpty else { return "" }
        return guide.acknowledgements[acknowledged % guide.acknowledgements.count]
    }

    // MARK: - What a section says

    private func sectionIntro(_ section: SafetyPlanSection) -> [String] {
        let words = guide.section(section)
        let heading = guide.stepHeading
            .replacingOccurrences(of: "{n}", with: String(index + 1))
            .replacingOccurrences(of: "{total}", with: String(sections.count))
            .replacingOccurrences(of: "{title}", with: words.title)
        var lines = [heading, words.prompt]
        if !words.examples.isEmpty {
            lines.append(
                guide.forExample.replacingOccurrences(
                    of: "{examples}", with: words.examples.joined(separator: "; ")))
        }
        lines += entryLines(section)
        if section == .professionals, !serviceSuggestions.isEmpty {
            lines.append(guide.suggestionsHeading)
            for (offset, suggestion) in serviceSuggestions.enumerated() {
                lines.append("  \(Self.letter(offset))) \(suggestion)")
            }
        }
        if index == 0 { lines.append(guide.commandsHint) }
        return lines
    }

    private func entryLines(_ section: SafetyPlanSection) -> [String] {
        let entries = plan[section]
        guard !entries.isEmpty else { return [] }
        return [guide.soFar] + entries.enumerated().map { "  \($0.offset + 1). \($0.element)" }
    }

    // MARK: - Parsing answers

    /// The 1-based line number in "remove N" / "delete N", if the answer is one.
    static func removal(_ command: String) -> Int? {
        let words = command.split(separator: " ")
        guard words.count == 2, words[0] == "remove" || words[0] == "delete" else { return nil }
        return Int(words[1])
    }

    /// The suggestions an answer picks ("all", "a", "a c", "a,c"), or `nil` if it picks none.
    private func chosenSuggestions(_ command: String) -> [String]? {
        guard !serviceSuggestions.isEmpty else { return nil }
        if command == "all" { return serviceSuggestions }
        let tokens = command.split(whereSeparator: { $0 == " " || $0 == "," })
        var chosen: [String] = []
        for token in tokens {
            guard token.count == 1, let scalar = token.unicodeScalars.first,
                let offset = Self.offset(of: scalar), serviceSuggestions.indices.contains(offset)
            else { return nil }
            chosen.append(serviceSuggestions[offset])
        }
        return chosen.isEmpty ? nil : chosen
    }

    private static func letter(_ offset: Int) -> String {
        guard offset < 26, let scalar = Unicode.Scalar(UInt32(97 + offset)) else { return "\(offset + 1)" }
        return String(Character(scalar))
    }

    private static func offset(of scalar: Unicode.Scalar) -> Int? {
        guard scalar.value >= 97, scalar.value < 97 + 26 else { return nil }
        return Int(scalar.value) - 97
    }
}
